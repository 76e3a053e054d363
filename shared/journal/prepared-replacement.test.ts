import { describe, expect, it } from 'vitest';
import type { EventBody, JournalEvent } from './journal-event';
import { PreparedReplacement } from './prepared-replacement';
import { initialState, ReviewStateBuilder } from './review-reducer';
import { currentText, unsavedCount, unsavedParagraphs, type ReviewState } from './review-state';
import { numbered, sampleHeader, playEvents } from './sample-review';

const header = sampleHeader(6);

const play = (bodies: readonly EventBody[], from: ReviewState = initialState(header)): ReviewState => playEvents(bodies, from);

type TextReplaced = Extract<EventBody, { type: 'text-replaced' }>;

const edited = play([
  { type: 'paragraph-edited', paragraphId: 'p1', text: 'The mayor said yes. The mayor said no.' },
  { type: 'paragraph-edited', paragraphId: 'p2', text: 'Then the mayor said nothing.' },
]);

const replaceAll: TextReplaced = {
  type: 'text-replaced',
  find: 'said',
  replacement: 'stated',
  all: true,
  edits: [
    {
      paragraphId: 'p1',
      ranges: [
        [10, 14],
        [30, 34],
      ],
    },
    { paragraphId: 'p2', ranges: [[15, 19]] },
  ],
};

function prepareAll(state: ReviewState, body: TextReplaced): PreparedReplacement {
  const prepared = new PreparedReplacement(state, body);
  // One edit per slice, as a slice that runs out of time would.
  while (!prepared.step(() => false));
  return prepared;
}

function withPrepared(state: ReviewState, body: TextReplaced, prepared: PreparedReplacement): string | ReviewState {
  const [event] = numbered([body], state.lastSeq + 1) as [JournalEvent];
  // The journal applies events through a builder, as here; the event carries the very edits prepared.
  expect(event.type === 'text-replaced' && event.edits).toBe(body.edits);
  const builder = new ReviewStateBuilder(state);
  return builder.apply(event, prepared) ?? builder.build();
}

describe('a Replace all prepared ahead of its event', () => {
  it('gives the same texts and the same undo step as the event applied without it', () => {
    const prepared = prepareAll(edited, replaceAll);
    expect(prepared.done).toBe(true);
    const fast = withPrepared(edited, replaceAll, prepared) as ReviewState;
    const plain = play([replaceAll], edited);
    expect(currentText(fast, 'p1')).toBe('The mayor stated yes. The mayor stated no.');
    expect(currentText(fast, 'p2')).toBe('Then the mayor stated nothing.');
    expect([...fast.drafts]).toEqual([...plain.drafts]);
    expect(fast.undo.toArray()).toEqual(plain.undo.toArray());
    expect(currentText(play([{ type: 'undo' }], fast), 'p1')).toBe('The mayor said yes. The mayor said no.');
  });

  it('is not used once the texts it read changed: the event is checked against the texts as they are', () => {
    const prepared = prepareAll(edited, replaceAll);
    const moved = play([{ type: 'paragraph-edited', paragraphId: 'p2', text: 'Short.' }], edited);
    expect(withPrepared(moved, replaceAll, prepared)).toBe('in p2, the range 15-19 is out of order or outside the text of 6 characters');
    const same = play([{ type: 'paragraph-edited', paragraphId: 'p2', text: 'Then the mayor said little.' }], edited);
    const applied = withPrepared(same, replaceAll, prepared) as ReviewState;
    expect(currentText(applied, 'p2')).toBe('Then the mayor stated little.');
  });

  it('is not used for another event, and one that found a bad range makes the event refused for that reason', () => {
    const prepared = prepareAll(edited, replaceAll);
    const other: TextReplaced = { ...replaceAll, replacement: 'told', edits: [{ paragraphId: 'p2', ranges: [[15, 19]] }] };
    expect(currentText(withPrepared(edited, other, prepared) as ReviewState, 'p2')).toBe('Then the mayor told nothing.');
    const bad: TextReplaced = { ...replaceAll, edits: [...replaceAll.edits, { paragraphId: 'p2', ranges: [[0, 1]] }] };
    const failed = prepareAll(edited, bad);
    expect(failed.problem).toBe('text-replaced lists paragraph p2 twice');
    expect(withPrepared(edited, bad, failed)).toBe('text-replaced lists paragraph p2 twice');
  });
});

describe('a Replace all over many paragraphs, prepared in slices', () => {
  // 300 paragraphs; "the" is replaced by "a" in every one. Paragraph p2 was edited to read "the" where its
  // machine translation reads "a", so the replacement brings it back to the machine translation (no draft left).
  const many = initialState(sampleHeader(300));
  const before = play(
    [
      { type: 'paragraph-edited', paragraphId: 'p2', text: 'Rain is expected across the north of the country tomorrow.' },
      { type: 'paragraph-edited', paragraphId: 'p7', text: 'Kept as the reviewer wrote it.' },
    ],
    many,
  );
  const edits = before.paragraphs.flatMap((p) => {
    const text = currentText(before, p.id)!;
    const at = text.indexOf('the');
    return at < 0 ? [] : [{ paragraphId: p.id, ranges: [[at, at + 3] as const] }];
  });
  const body: TextReplaced = { type: 'text-replaced', find: 'the', replacement: 'a', all: true, edits };

  it('gives the very state the event gives applied in one step', () => {
    const prepared = prepareAll(before, body);
    const sliced = withPrepared(before, body, prepared) as ReviewState;
    const oneStep = play([body], before);
    expect([...sliced.drafts]).toEqual([...oneStep.drafts]);
    expect(sliced.undo.toArray()).toEqual(oneStep.undo.toArray());
    expect(sliced.redo.length).toBe(0);
    expect(unsavedCount(sliced)).toBe(unsavedCount(oneStep));
  });

  it('is undone in one step back to the state before it, and redone to the state after it', () => {
    const after = withPrepared(before, body, prepareAll(before, body)) as ReviewState;
    const undone = play([{ type: 'undo' }], after);
    expect([...undone.drafts]).toEqual([...before.drafts]);
    expect(undone.undo.toArray()).toEqual(before.undo.toArray());
    const redone = play([{ type: 'redo' }], undone);
    expect([...redone.drafts]).toEqual([...after.drafts]);
  });

  it('leaves the state it read untouched', () => {
    const entries = [...before.drafts];
    withPrepared(before, body, prepareAll(before, body));
    expect([...before.drafts]).toEqual(entries);
  });
});

describe('the count of unsaved paragraphs', () => {
  it('equals the list of unsaved paragraphs before and after saving versions, edits and reverts', () => {
    const steps: EventBody[][] = [
      [],
      [{ type: 'paragraph-edited', paragraphId: 'p3', text: 'three' }],
      [
        {
          type: 'version-saved',
          number: 1,
          message: 'v1',
          author: 'Ana',
          texts: { p1: 'The mayor said yes. The mayor said no.', p2: 'Then the mayor said nothing.', p3: 'three' },
        },
      ],
      [{ type: 'paragraph-edited', paragraphId: 'p4', text: 'four' }],
      [{ type: 'paragraph-reverted', paragraphId: 'p1', version: 0 }],
      [{ type: 'paragraph-edited', paragraphId: 'p3', text: 'three' }],
      [replaceAll.edits[1]!].map((edit) => ({ ...replaceAll, edits: [edit] })),
    ];
    let state = edited;
    const counts: number[] = [];
    for (const bodies of steps) {
      state = play(bodies, state);
      expect(unsavedCount(state)).toBe(unsavedParagraphs(state).length);
      counts.push(unsavedCount(state));
    }
    expect(counts).toEqual([2, 3, 0, 1, 2, 2, 3]);
  });
});
