import { describe, expect, it } from 'vitest';
import type { EventBody, UndoStep } from './journal-event';
import { applyEvent, foldEvents, initialState } from './review-reducer';
import { snapshotOf, type ReviewState } from './review-state';
import { numbered, sampleHeader, playEvents } from './sample-review';
import { UndoStack } from './undo-stack';

const header = sampleHeader(50);

const play = (bodies: readonly EventBody[], from: ReviewState = initialState(header)): ReviewState => playEvents(bodies, from);

const step = (seq: number): UndoStep => ({ seq, label: 'typing', changes: [] });

/** A mix of every kind of undoable change, with undo and redo in between, one event at a time. */
function manyChanges(n: number): EventBody[] {
  const bodies: EventBody[] = [];
  for (let i = 0; i < n; i++) {
    const paragraphId = `p${(i % 50) + 1}`;
    if (i % 4 === 0) bodies.push({ type: 'paragraph-status-set', paragraphId, reviewed: i % 8 === 0 });
    else if (i % 4 === 1) bodies.push({ type: 'paragraph-note-set', paragraphId, note: `note ${i}` });
    else if (i % 4 === 2) bodies.push({ type: 'paragraph-edited', paragraphId, text: `text ${i}`, group: i % 3 === 0 ? 'g' : undefined });
    else bodies.push({ type: i % 12 === 3 ? 'redo' : 'undo' });
  }
  bodies.push({ type: 'undo' }, { type: 'undo' });
  // Redo is refused when there is nothing to redo: keep only the events that fit, as a writer would.
  const fitting: EventBody[] = [];
  let state = initialState(header);
  for (const body of bodies) {
    const [event] = numbered([body], state.lastSeq + 1);
    const next = applyEvent(state, event!);
    if (next.ok) {
      fitting.push(body);
      state = next.value;
    }
  }
  return fitting;
}

describe('the undo stack', () => {
  it('push, pop and a new top share what is below and leave the stack they came from as it was', () => {
    const two = UndoStack.EMPTY.push(step(1)).push(step(2));
    const three = two.push(step(3));
    const changedTop = two.withTop(step(9));
    expect(two.toArray().map((s) => s.seq)).toEqual([1, 2]);
    expect(three.toArray().map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(changedTop.toArray().map((s) => s.seq)).toEqual([1, 9]);
    expect(
      two
        .pop()
        .toArray()
        .map((s) => s.seq),
    ).toEqual([1]);
    expect(two.length).toBe(2);
    expect(two.top?.seq).toBe(2);
    expect(UndoStack.EMPTY.pop()).toBe(UndoStack.EMPTY);
    expect(UndoStack.of(three.toArray()).toArray()).toEqual(three.toArray());
  });

  it('after many changes, undo and redo, the stacks equal those built by replaying the journal and by reopening a snapshot', () => {
    const bodies = manyChanges(400);
    const live = play(bodies);
    const { state: replayed, skipped } = foldEvents(header, numbered(bodies));
    expect(skipped).toEqual([]);
    expect(replayed.undo.toArray()).toEqual(live.undo.toArray());
    expect(replayed.redo.toArray()).toEqual(live.redo.toArray());
    expect(live.undo.length).toBeGreaterThan(100);
    expect(live.redo.length).toBeGreaterThan(0);
    const reopened = foldEvents(header, numbered([{ type: 'snapshot', snapshot: snapshotOf(live) }])).state;
    expect(reopened.undo.toArray()).toEqual(live.undo.toArray());
    expect(reopened.redo.toArray()).toEqual(live.redo.toArray());
  });

  it('a state handed out before a change is unchanged after it, however the change moves the stacks', () => {
    const before = play([
      { type: 'paragraph-edited', paragraphId: 'p1', text: 'a', group: 'g' },
      { type: 'paragraph-status-set', paragraphId: 'p2', reviewed: true },
      { type: 'undo' },
      { type: 'paragraph-edited', paragraphId: 'p3', text: 'b', group: 'g' },
    ]);
    const undo = before.undo.toArray();
    const redo = before.redo.toArray();
    const copy = structuredClone({ undo, redo });
    // A joining edit changes the top step; undo and redo move it; a new change clears redo.
    for (const next of [
      [{ type: 'paragraph-edited', paragraphId: 'p3', text: 'bc', group: 'g' }],
      [{ type: 'undo' }, { type: 'undo' }],
      [{ type: 'undo' }, { type: 'redo' }],
      [{ type: 'paragraph-note-set', paragraphId: 'p4', note: 'n' }],
    ] as EventBody[][]) {
      const after = play(next, before);
      expect(after.lastSeq).toBeGreaterThan(before.lastSeq);
      expect(before.undo.toArray()).toEqual(copy.undo);
      expect(before.redo.toArray()).toEqual(copy.redo);
    }
  });

  it('a change adds one step and shares the whole history below it, however long', () => {
    const long = play(
      Array.from({ length: 20_000 }, (_, i): EventBody => ({ type: 'paragraph-note-set', paragraphId: 'p1', note: `n${i}` })),
    );
    expect(long.undo.length).toBe(20_000);
    const marked = play([{ type: 'paragraph-status-set', paragraphId: 'p2', reviewed: true }], long);
    expect(marked.undo.length).toBe(20_001);
    expect(marked.undo.pop()).toBe(long.undo);
    const undone = play([{ type: 'undo' }], marked);
    expect(undone.undo).toBe(long.undo);
    expect(undone.redo.top).toBe(marked.undo.top);
  });
});
