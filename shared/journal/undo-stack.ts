/**
 * The undo (or redo) stack of a review, as an immutable linked list. A long review holds tens of thousands of
 * steps (every mark, note and flag is one), and every live change pushes or pops one: an array copied on every
 * change would cost the whole history each time. Here a push, a pop and a change of the top step each make one
 * node and share the rest, so a change costs the same whatever the history's length, and a stack already handed
 * out never changes.
 */
import type { UndoStep } from './journal-event';

/** An immutable stack of undo steps; `top` is the step undo (or redo) would take next. */
export class UndoStack implements Iterable<UndoStep> {
  static readonly EMPTY: UndoStack = new UndoStack(undefined, undefined, 0);

  private constructor(
    /** The step on top, undefined when the stack is empty. */
    readonly top: UndoStep | undefined,
    private readonly below: UndoStack | undefined,
    /** How many steps the stack holds. */
    readonly length: number,
  ) {}

  /** A stack of the given steps, the last one on top (the order of a snapshot's list). */
  static of(steps: readonly UndoStep[]): UndoStack {
    let stack = UndoStack.EMPTY;
    for (const step of steps) stack = stack.push(step);
    return stack;
  }

  /** The stack with `step` on top. */
  push(step: UndoStep): UndoStack {
    return new UndoStack(step, this, this.length + 1);
  }

  /** The stack without its top step (the empty stack stays empty). */
  pop(): UndoStack {
    return this.below ?? UndoStack.EMPTY;
  }

  /** The stack with its top step replaced by `step` (pushed when the stack is empty). */
  withTop(step: UndoStep): UndoStack {
    return this.pop().push(step);
  }

  /** The steps, bottom first, as a snapshot lists them. */
  toArray(): UndoStep[] {
    const steps = new Array<UndoStep>(this.length);
    if (this.top === undefined) return steps;
    steps[this.length - 1] = this.top;
    let node = this.below;
    for (let i = this.length - 2; i >= 0; i--) {
      steps[i] = node!.top!;
      node = node!.below;
    }
    return steps;
  }

  /** The steps, bottom first. */
  [Symbol.iterator](): Iterator<UndoStep> {
    return this.toArray()[Symbol.iterator]();
  }
}
