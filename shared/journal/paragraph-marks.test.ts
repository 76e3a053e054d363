import { describe, expect, it } from 'vitest';
import { checkEventShape } from './event-shape';
import type { EventBody } from './journal-event';
import { applyEvent, foldEvents, initialState } from './review-reducer';
import { snapshotOf, undoLabel, type ReviewState } from './review-state';
import { numbered, sampleHeader, playEvents } from './sample-review';

const header = sampleHeader(5);

const play = (bodies: readonly EventBody[], from: ReviewState = initialState(header)): ReviewState => playEvents(bodies, from);

const mark = (paragraphId: string, reviewed = true): EventBody => ({ type: 'paragraph-status-set', paragraphId, reviewed });
const note = (paragraphId: string, text: string): EventBody => ({ type: 'paragraph-note-set', paragraphId, note: text });

describe('paragraphs marked reviewed', () => {
  it('marking paragraphs reviewed counts them, and taking a mark back uncounts it', () => {
    const state = play([mark('p1'), mark('p3'), mark('p4'), mark('p3', false)]);
    expect([...state.reviewed].sort()).toEqual(['p1', 'p4']);
    expect(state.reviewed.size).toBe(2);
  });

  it('undo takes back the last mark and redo puts it again, each one step with its own words', () => {
    const marked = play([mark('p1'), mark('p2')]);
    expect(undoLabel(marked)).toBe('mark reviewed');
    const undone = play([{ type: 'undo' }], marked);
    expect([...undone.reviewed]).toEqual(['p1']);
    const redone = play([{ type: 'redo' }], undone);
    expect([...redone.reviewed].sort()).toEqual(['p1', 'p2']);
    expect(undoLabel(play([mark('p1', false)], redone))).toBe('mark not reviewed');
  });

  it('marking a paragraph that is already reviewed is no step to undo', () => {
    const state = play([mark('p1'), mark('p1')]);
    expect(state.undo).toHaveLength(1);
  });

  it('a mark on a paragraph the article does not have is refused and changes nothing', () => {
    const before = play([mark('p1')]);
    const next = applyEvent(before, numbered([mark('p99')], 2)[0]!);
    expect(next.ok).toBe(false);
    expect(before.reviewed.size).toBe(1);
  });

  it('a state already handed out is not changed by later marks', () => {
    const first = play([mark('p1')]);
    play([mark('p2')], first);
    expect([...first.reviewed]).toEqual(['p1']);
  });
});

describe('paragraph notes', () => {
  it('a note is added, changed and removed, each undoable', () => {
    const added = play([note('p2', 'Check the names with the desk')]);
    expect(added.notes.get('p2')).toBe('Check the names with the desk');
    expect(undoLabel(added)).toBe('note');
    const changed = play([note('p2', 'Names checked')], added);
    expect(changed.notes.get('p2')).toBe('Names checked');
    expect(undoLabel(changed)).toBe('note change');
    const removed = play([note('p2', '')], changed);
    expect(removed.notes.has('p2')).toBe(false);
    expect(undoLabel(removed)).toBe('note removal');
    expect(play([{ type: 'undo' }], removed).notes.get('p2')).toBe('Names checked');
    expect(play([{ type: 'undo' }, { type: 'undo' }], removed).notes.get('p2')).toBe('Check the names with the desk');
    expect(play([{ type: 'undo' }, { type: 'undo' }, { type: 'undo' }], removed).notes.size).toBe(0);
  });
});

describe('reopening', () => {
  const bodies: EventBody[] = [
    mark('p1'),
    note('p1', 'Headline reads well'),
    mark('p2'),
    note('p3', 'Ask about the date'),
    { type: 'undo' },
    mark('p5'),
    mark('p2', false),
    note('p1', 'Headline fine after edit'),
  ];

  it('folding the file gives the same marks, notes and undo stack as the live changes did', () => {
    const live = play(bodies);
    const { state: replayed, skipped } = foldEvents(header, numbered(bodies));
    expect(skipped).toEqual([]);
    expect([...replayed.reviewed].sort()).toEqual([...live.reviewed].sort());
    expect([...replayed.notes]).toEqual([...live.notes]);
    expect(replayed.undo.toArray()).toEqual(live.undo.toArray());
    expect([...live.reviewed].sort()).toEqual(['p1', 'p5']);
    expect(live.notes.get('p1')).toBe('Headline fine after edit');
    expect(live.notes.has('p3')).toBe(false);
  });

  it('a compacted review keeps the marks and notes, and its undo still takes them back', () => {
    const live = play(bodies);
    const snapshot = snapshotOf(live);
    const { state } = foldEvents(header, numbered([{ type: 'snapshot', snapshot }]));
    expect([...state.reviewed].sort()).toEqual(['p1', 'p5']);
    expect(state.notes.get('p1')).toBe('Headline fine after edit');
    const undone = play([{ type: 'undo' }], state);
    expect(undone.notes.get('p1')).toBe('Headline reads well');
  });

  it('a malformed mark or note line is named by what it lacks', () => {
    const bad = checkEventShape({ seq: 1, at: 'now', type: 'paragraph-status-set', paragraphId: 'p1', reviewed: 'yes' });
    expect(bad).toEqual({ problem: 'paragraph-status-set needs a paragraph id and reviewed true or false' });
    const badNote = checkEventShape({ seq: 1, at: 'now', type: 'paragraph-note-set', paragraphId: 'p1' });
    expect(badNote).toEqual({ problem: 'paragraph-note-set needs a paragraph id and a note' });
  });
});

describe('the set of reviewed paragraphs of a long article', () => {
  it('folding 100,000 marks and taking back every other one counts 50,000, each set handed out unchanged by later ones', () => {
    const big = sampleHeader(100_000);
    const bodies: EventBody[] = [];
    for (let i = 1; i <= 100_000; i++) bodies.push(mark(`p${i}`));
    for (let i = 2; i <= 100_000; i += 2) bodies.push(mark(`p${i}`, false));
    const { state } = foldEvents(big, numbered(bodies));
    expect(state.reviewed.size).toBe(50_000);
    expect(state.reviewed.has('p99999')).toBe(true);
    expect(state.reviewed.has('p100000')).toBe(false);
    expect([...state.reviewed]).toHaveLength(50_000);
    const next = applyEvent(state, numbered([mark('p2')], state.lastSeq + 1)[0]!);
    if (!next.ok) throw new Error(next.error.message);
    expect(next.value.reviewed.size).toBe(50_001);
    expect(state.reviewed.has('p2')).toBe(false);
    expect(state.reviewed.size).toBe(50_000);
  });
});
