import { describe, expect, it } from 'vitest';
import type { JournalEvent } from './journal-event';
import { PREPARED_FROM, PreparedUndo } from './prepared-undo';
import { initialState, ReviewStateBuilder } from './review-reducer';
import { currentText, unsavedCount, type ReviewState } from './review-state';
import { numbered, sampleHeader, playEvents } from './sample-review';

const play = playEvents;

function prepareAll(state: ReviewState, direction: 'undo' | 'redo'): PreparedUndo {
  const prepared = new PreparedUndo(state, direction);
  // One draft per slice, as a slice that runs out of time would.
  while (!prepared.advance(() => false));
  return prepared;
}

function withPrepared(state: ReviewState, type: 'undo' | 'redo', prepared: PreparedUndo): string | ReviewState {
  const [event] = numbered([{ type }], state.lastSeq + 1) as [JournalEvent];
  const builder = new ReviewStateBuilder(state);
  return builder.apply(event, prepared) ?? builder.build();
}

/** Sorted, since undo puts a draft back at the end of the map rather than where it was. */
const draftsOf = (state: ReviewState) => [...state.drafts].sort(([a], [b]) => a.localeCompare(b));

describe('an undo and a redo of a Replace all over many paragraphs, prepared in slices', () => {
  // "the" is replaced by "a" in every paragraph that has it: most had no draft, and undo must leave them none. Of
  // the paragraphs edited before, p7 has no "the" (the replacement leaves it as it is) and p9 has one.
  const paragraphs = PREPARED_FROM + 200;
  const before = play(
    [
      { type: 'paragraph-edited', paragraphId: 'p7', text: 'Kept as a reviewer wrote it.' },
      { type: 'paragraph-edited', paragraphId: 'p9', text: 'The the council met.' },
    ],
    initialState(sampleHeader(paragraphs)),
  );
  const edits = before.paragraphs.flatMap((p) => {
    const text = currentText(before, p.id)!;
    const at = text.indexOf('the');
    return at < 0 ? [] : [{ paragraphId: p.id, ranges: [[at, at + 3] as const] }];
  });
  const after = play([{ type: 'text-replaced', find: 'the', replacement: 'a', all: true, edits }], before);

  it('is a step worth preparing', () => {
    expect(edits.length).toBeGreaterThanOrEqual(PREPARED_FROM);
    expect(draftsOf(after)).not.toEqual(draftsOf(before));
  });

  it('undoes in one event back to the state before the Replace all, as the event applied without it', () => {
    const undone = withPrepared(after, 'undo', prepareAll(after, 'undo')) as ReviewState;
    const plain = play([{ type: 'undo' }], after);
    expect([...undone.drafts]).toEqual([...plain.drafts]);
    expect(draftsOf(undone)).toEqual(draftsOf(before));
    expect(undone.drafts.size).toBe(2);
    expect(undone.undo.toArray()).toEqual(before.undo.toArray());
    expect(undone.redo.toArray()).toEqual(plain.redo.toArray());
    expect(undone.redo.length).toBe(1);
    expect(unsavedCount(undone)).toBe(unsavedCount(before));
  });

  it('redoes in one event to the state after the Replace all', () => {
    const undone = play([{ type: 'undo' }], after);
    const redone = withPrepared(undone, 'redo', prepareAll(undone, 'redo')) as ReviewState;
    const plain = play([{ type: 'redo' }], undone);
    expect([...redone.drafts]).toEqual([...plain.drafts]);
    expect(draftsOf(redone)).toEqual(draftsOf(after));
    expect(redone.undo.toArray()).toEqual(after.undo.toArray());
    expect(redone.redo.length).toBe(0);
  });

  it('is not used once the review changed: the event moves the step on top as it is then', () => {
    const prepared = prepareAll(after, 'undo');
    const typed = play([{ type: 'paragraph-edited', paragraphId: 'p3', text: 'Typed after.' }], after);
    const undone = withPrepared(typed, 'undo', prepared) as ReviewState;
    // The typing is what is undone, not the Replace all the drafts were prepared for.
    expect(draftsOf(undone)).toEqual(draftsOf(after));
    expect(undone.undo.top?.label).toBe('replace all');
    // Nor is it used for a redo, nor twice.
    const fresh = prepareAll(after, 'undo');
    expect(fresh.readyFor('redo', after)).toBeUndefined();
    expect(fresh.readyFor('undo', after)).toBeDefined();
    expect(fresh.readyFor('undo', after)).toBeUndefined();
  });

  it('leaves the state it read untouched', () => {
    const entries = [...after.drafts];
    withPrepared(after, 'undo', prepareAll(after, 'undo'));
    expect([...after.drafts]).toEqual(entries);
  });

  it('is refused for a small step, which the event moves at once', () => {
    const small = play([{ type: 'paragraph-edited', paragraphId: 'p3', text: 'Typed.' }], before);
    expect(() => new PreparedUndo(small, 'undo')).toThrow(/not one to prepare/);
  });
});
