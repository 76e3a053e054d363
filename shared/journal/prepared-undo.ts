/**
 * The drafts after an undo or a redo of a large step, made before its event is written. Undoing a Replace all in a
 * quarter of a long article puts back 25,000 texts; doing that in the one reducer step that applies the `undo`
 * event held the writer's event loop for about 100 ms, twice the 50 ms any other request may wait. Prepared a
 * slice at a time instead (the caller yields between slices), the step only swaps the new drafts map in and moves
 * the undo step from one stack to the other: still one event, and the step stays one step.
 *
 * Only a step of texts alone is prepared (Replace all, Revert article, their kind): a step that also holds flags,
 * marks or notes is small, and the reducer applies it itself. A preparation counts only for the very state it read:
 * the reducer uses it when the drafts and both stacks are still the same objects (a state's never change), and
 * moves the step itself otherwise.
 */
import type { Change, UndoStep } from './journal-event';
import { DraftsInSteps } from './drafts-in-steps';
import type { ReviewState } from './review-state';
import type { UndoStack } from './undo-stack';

/** Texts an undo or redo step changes from which its drafts are worth making ahead (a few milliseconds' work). */
export const PREPARED_FROM = 1000;

type DraftChange = Extract<Change, { kind: 'draft' }>;

/** What the reducer needs to know of the state an undo or redo applies to, to tell whether a preparation fits it. */
export interface MoveTarget {
  readonly drafts: ReviewState['drafts'] | undefined;
  readonly paragraphs: ReviewState['paragraphs'];
  readonly undo: UndoStack;
  readonly redo: UndoStack;
}

/**
 * True when moving the step is worth preparing: it changes many texts and nothing else. Undo and redo of any other
 * step are applied by the reducer as before.
 */
export function isPreparableStep(step: UndoStep | undefined): step is UndoStep {
  return step !== undefined && step.changes.length >= PREPARED_FROM && step.changes.every((c) => c.kind === 'draft');
}

/** The new drafts of an undo (each change's text before, last change first) or a redo (each text after, in order). */
export class PreparedUndo {
  /** The step moved: the top of the undo stack for an undo, of the redo stack for a redo. */
  readonly step: UndoStep;
  private readonly drafts: DraftsInSteps;
  /** Changes set into the copy so far. */
  private set = 0;

  constructor(
    /** The state the drafts are read from. */
    readonly state: ReviewState,
    readonly direction: 'undo' | 'redo',
  ) {
    const step = direction === 'undo' ? state.undo.top : state.redo.top;
    if (!isPreparableStep(step)) throw new Error(`the ${direction} step is not one to prepare`);
    this.step = step;
    this.drafts = new DraftsInSteps(state);
  }

  /** True once the new drafts are made. */
  get done(): boolean {
    return this.drafts.copiedAll && this.set === this.step.changes.length;
  }

  /** Does the next piece of work while `more()` says to go on (it is asked after each draft); true when done. */
  advance(more: () => boolean): boolean {
    const { changes } = this.step;
    const undoing = this.direction === 'undo';
    while (!this.done) {
      if (!this.drafts.copiedAll) {
        this.drafts.copyNext();
      } else {
        // In the order the reducer restores them, so that a paragraph changed twice ends as it would there.
        const i = this.set++;
        const change = changes[undoing ? changes.length - 1 - i : i] as DraftChange;
        const text = undoing ? change.before : change.after;
        // As the reducer sets a draft: a text back to the machine translation is no draft.
        this.drafts.setText(change.paragraphId, text);
      }
      if (!more()) break;
    }
    return this.done;
  }

  /** True while the review is still in the state this preparation read (so far as it matters to it). */
  fits(target: MoveTarget): boolean {
    const { drafts, paragraphs, undo, redo } = this.state;
    return target.drafts === drafts && target.paragraphs === paragraphs && target.undo === undo && target.redo === redo;
  }

  /**
   * The new drafts, when made for this kind of event from the very state it applies to; undefined otherwise, and
   * the reducer restores the texts itself. Handed out once: the map becomes the state's.
   */
  readyFor(type: 'undo' | 'redo', target: MoveTarget): ReadonlyMap<string, string> | undefined {
    if (!this.done || this.drafts.handedOut || type !== this.direction || !this.fits(target)) return undefined;
    return this.drafts.take();
  }
}
