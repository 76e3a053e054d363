import { describe, expect, it } from 'vitest';
import type { EventBody, JournalEvent } from './journal-event';
import { applyEvent, foldEvents, initialState } from './review-reducer';
import {
  annotationList,
  changedBetween,
  changedFromMachine,
  currentText,
  redoLabel,
  saveVersionBody,
  snapshotOf,
  textAt,
  undoLabel,
  unsavedParagraphs,
  versionTexts,
  versionTextsInSteps,
  type ReviewState,
} from './review-state';
import { numbered, sampleAnnotation, sampleHeader, playEvents } from './sample-review';

const header = sampleHeader(4);
const mt = (id: string) => header.paragraphs.find((p) => p.id === id)!.target;

/** Applies bodies one at a time through the pure reducer, numbering them; fails the test on a rejected event. */
const play = (bodies: readonly EventBody[], from: ReviewState = initialState(header)): ReviewState => playEvents(bodies, from);

const edit = (paragraphId: string, text: string, group?: string): EventBody => ({
  type: 'paragraph-edited',
  paragraphId,
  text,
  ...(group ? { group } : {}),
});

describe('annotations', () => {
  it('an added flag appears with all its fields, in creation order', () => {
    const a = sampleAnnotation('a1', 'p2', { comment: 'wrong verb' });
    const b = sampleAnnotation('a2', 'p1');
    const state = play([
      { type: 'annotation-added', annotation: a },
      { type: 'annotation-added', annotation: b },
    ]);
    expect(annotationList(state)).toEqual([a, b]);
  });

  it('a change updates category, severity, comment, status and span, keeping the rest', () => {
    const state = play([
      { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1') },
      {
        type: 'annotation-changed',
        id: 'a1',
        changes: { category: 'Fluency/Grammar', severity: 'minor', comment: 'tense', status: 'fixed', span: { start: 0, end: 3 } },
      },
    ]);
    expect(state.annotations.get('a1')).toMatchObject({
      category: 'Fluency/Grammar',
      severity: 'minor',
      comment: 'tense',
      status: 'fixed',
      start: 0,
      end: 3,
      rater: 'Ana',
      paragraphId: 'p1',
    });
  });

  it('a flag moved to the source takes its new span there, is checked against the source, and one undo moves it back', () => {
    const added = play([{ type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1', { start: 0, end: 3 }) }]);
    const moved = play([{ type: 'annotation-changed', id: 'a1', changes: { side: 'source', span: { start: 6, end: 9 } } }], added);
    expect(moved.annotations.get('a1')).toMatchObject({ side: 'source', start: 6, end: 9 });
    // The source is longer than the translation by its "[src] " prefix: a span past the translation's end fits there.
    const end = mt('p1').length + 6;
    expect(() =>
      play([{ type: 'annotation-changed', id: 'a1', changes: { side: 'source', span: { start: end - 2, end } } }], added),
    ).not.toThrow();
    expect(() =>
      play([{ type: 'annotation-changed', id: 'a1', changes: { side: 'target', span: { start: end - 2, end } } }], moved),
    ).toThrow(/outside the target/);
    expect(play([{ type: 'undo' }], moved).annotations.get('a1')).toMatchObject({ side: 'target', start: 0, end: 3 });
  });

  it('a removed flag is gone', () => {
    const state = play([
      { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1') },
      { type: 'annotation-removed', id: 'a1' },
    ]);
    expect(state.annotations.size).toBe(0);
  });

  it('a flag on an unknown paragraph, outside the text, or a change of an unknown flag is refused', () => {
    const s0 = initialState(header);
    const [bad1, bad2, bad3] = numbered([
      { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p99') },
      { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1', { start: 2, end: 999 }) },
      { type: 'annotation-removed', id: 'nope' },
    ]);
    for (const event of [bad1!, bad2!, bad3!]) {
      const r = applyEvent(s0, event);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('conflict');
    }
  });

  it('applying an event leaves the earlier state untouched', () => {
    const s1 = play([{ type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1') }]);
    const s2 = play([{ type: 'annotation-removed', id: 'a1' }, edit('p1', 'changed')], s1);
    expect(s1.annotations.has('a1')).toBe(true);
    expect(currentText(s1, 'p1')).toBe(mt('p1'));
    expect(s2.annotations.has('a1')).toBe(false);
  });
});

describe('drafts', () => {
  it('an edit becomes the current text; the machine translation stays as loaded', () => {
    const state = play([edit('p2', 'Rain is forecast in the north tomorrow.')]);
    expect(currentText(state, 'p2')).toBe('Rain is forecast in the north tomorrow.');
    expect(state.paragraphs[1]!.target).toBe(mt('p2'));
    expect([...state.drafts.keys()]).toEqual(['p2']);
  });

  it('editing a paragraph back to the machine translation leaves no draft', () => {
    const state = play([edit('p2', 'x'), edit('p2', mt('p2'))]);
    expect(state.drafts.size).toBe(0);
  });

  it('rater and settings are kept', () => {
    const state = play([
      { type: 'rater-set', rater: 'Bo' },
      { type: 'settings-changed', settings: { passThreshold: 95 } },
    ]);
    expect(state.rater).toBe('Bo');
    expect(state.settings).toMatchObject({ passThreshold: 95, scoringProfile: 'mqm-core' });
  });

  it('a pass threshold outside 0-100 is refused', () => {
    const [event] = numbered([{ type: 'settings-changed', settings: { passThreshold: 140 } }]);
    expect(applyEvent(initialState(header), event!).ok).toBe(false);
  });
});

describe('undo and redo', () => {
  it('undo takes back each kind of action and redo re-applies it', () => {
    const a = sampleAnnotation('a1', 'p1');
    const actions: EventBody[] = [
      { type: 'annotation-added', annotation: a },
      { type: 'annotation-changed', id: 'a1', changes: { severity: 'critical' } },
      edit('p3', 'new text'),
      { type: 'annotation-removed', id: 'a1' },
    ];
    const states = [initialState(header)];
    for (const action of actions) states.push(play([action], states.at(-1)!));
    let state = states.at(-1)!;
    for (let i = actions.length - 1; i >= 0; i--) {
      state = play([{ type: 'undo' }], state);
      expect(snapshotOf(state).annotations).toEqual(snapshotOf(states[i]!).annotations);
      expect([...state.drafts]).toEqual([...states[i]!.drafts]);
    }
    for (let i = 1; i <= actions.length; i++) {
      state = play([{ type: 'redo' }], state);
      expect(snapshotOf(state).annotations).toEqual(snapshotOf(states[i]!).annotations);
      expect([...state.drafts]).toEqual([...states[i]!.drafts]);
    }
  });

  it('undoing a removal puts the flag back in its place in creation order', () => {
    const flags = ['a1', 'a2', 'a3'].map((id, i) => sampleAnnotation(id, 'p1', { created: `2025-01-01T09:0${i}:00.000Z` }));
    const state = play([
      ...flags.map((annotation): EventBody => ({ type: 'annotation-added', annotation })),
      { type: 'annotation-removed', id: 'a2' },
      { type: 'undo' },
    ]);
    expect([...state.annotations.keys()]).toEqual(['a1', 'a2', 'a3']);
  });

  it('a new action clears the redo stack', () => {
    const state = play([edit('p1', 'one'), { type: 'undo' }, edit('p2', 'two')]);
    expect(state.redo.toArray()).toEqual([]);
    const [redo] = numbered([{ type: 'redo' }], state.lastSeq + 1);
    expect(applyEvent(state, redo!).ok).toBe(false);
  });

  it('an edit that changes nothing adds no undo step and keeps redo', () => {
    const state = play([edit('p1', 'one'), { type: 'undo' }, edit('p2', mt('p2'))]);
    expect(state.undo.toArray()).toEqual([]);
    expect(redoLabel(state)).toBe('typing');
  });

  it('undo with nothing to undo is refused', () => {
    const [undo] = numbered([{ type: 'undo' }]);
    const r = applyEvent(initialState(header), undo!);
    expect(r.ok ? 'applied' : r.error.message).toBe('nothing to undo');
  });

  it('a burst of typing in one paragraph with one group undoes as one step', () => {
    const state = play([edit('p1', 'T', 'g1'), edit('p1', 'Th', 'g1'), edit('p1', 'The', 'g1')]);
    expect(state.undo).toHaveLength(1);
    expect(undoLabel(state)).toBe('typing');
    const undone = play([{ type: 'undo' }], state);
    expect(currentText(undone, 'p1')).toBe(mt('p1'));
    expect(redoLabel(undone)).toBe('typing');
    expect(currentText(play([{ type: 'redo' }], undone), 'p1')).toBe('The');
  });

  it('typing groups end at another group, another paragraph, any other event, or undo', () => {
    const state = play([
      edit('p1', 'a', 'g1'),
      edit('p1', 'ab', 'g2'),
      edit('p2', 'x', 'g2'),
      edit('p2', 'xy', 'g2'),
      { type: 'rater-set', rater: 'Bo' },
      edit('p2', 'xyz', 'g2'),
      edit('p3', 'k'),
      edit('p3', 'kl'),
    ]);
    expect(state.undo.toArray().map((s) => s.changes[0])).toEqual([
      { kind: 'draft', paragraphId: 'p1', before: mt('p1'), after: 'a' },
      { kind: 'draft', paragraphId: 'p1', before: 'a', after: 'ab' },
      { kind: 'draft', paragraphId: 'p2', before: mt('p2'), after: 'xy' },
      { kind: 'draft', paragraphId: 'p2', before: 'xy', after: 'xyz' },
      { kind: 'draft', paragraphId: 'p3', before: mt('p3'), after: 'k' },
      { kind: 'draft', paragraphId: 'p3', before: 'k', after: 'kl' },
    ]);
    const afterUndo = play([edit('p1', 'q', 'g9'), { type: 'undo' }, edit('p1', 'r', 'g9')], state);
    expect(afterUndo.undo.top!.changes[0]).toEqual({ kind: 'draft', paragraphId: 'p1', before: 'ab', after: 'r' });
  });
});

describe('versions', () => {
  function reviewWithVersions(): ReviewState {
    let s = play([edit('p1', 'first v1'), edit('p3', 'third v1')]);
    s = play([saveVersionBody(s, 'First pass', 'Ana')], s);
    s = play([edit('p1', mt('p1')), edit('p2', 'second v2')], s);
    s = play([saveVersionBody(s, 'Second pass', 'Ana')], s);
    return play([edit('p4', 'fourth now')], s);
  }

  it("a long article's texts of a version come a step at a time, the same as in one go", async () => {
    const long = sampleHeader(25_000);
    const edits = [edit('p2', 'second, edited'), edit('p12000', 'one in the middle'), edit('p25000', 'the last')];
    const s = play(edits, initialState(long));
    let breaths = 0;
    const breathe = async () => void breaths++;
    expect(await versionTextsInSteps(s, 'current', breathe)).toEqual(versionTexts(s, 'current'));
    expect(breaths).toBe(2);
    expect(await versionTextsInSteps(s, 7, breathe)).toBeUndefined();
  });

  it('every version is rebuilt: 0 is the machine translation, later ones their saved texts', () => {
    const s = reviewWithVersions();
    const all = header.paragraphs.map((p) => p.target);
    expect(versionTexts(s, 0)).toEqual(all);
    expect(versionTexts(s, 1)).toEqual(['first v1', all[1], 'third v1', all[3]]);
    expect(versionTexts(s, 2)).toEqual([all[0], 'second v2', 'third v1', all[3]]);
    expect(versionTexts(s, 'current')).toEqual([all[0], 'second v2', 'third v1', 'fourth now']);
    expect(versionTexts(s, 3)).toBeUndefined();
    expect(s.versions.map((v) => [v.number, v.message, v.author])).toEqual([
      [1, 'First pass', 'Ana'],
      [2, 'Second pass', 'Ana'],
    ]);
  });

  it('lists paragraphs changed from the machine translation, between versions, and since the last save', () => {
    const s = reviewWithVersions();
    expect(changedFromMachine(s, 1)).toEqual(['p1', 'p3']);
    expect(changedFromMachine(s, 2)).toEqual(['p2', 'p3']);
    expect(changedBetween(s, 1, 2)).toEqual(['p1', 'p2']);
    expect(unsavedParagraphs(s)).toEqual(['p4']);
    expect(textAt(s, 'p1', 1)).toBe('first v1');
  });

  it('a version saved out of order is refused', () => {
    const [event] = numbered([{ type: 'version-saved', number: 2, message: '', author: 'Ana', texts: {} }]);
    expect(applyEvent(initialState(header), event!).ok).toBe(false);
  });

  it('reverting a paragraph or the article to a version is one undoable step', () => {
    const s = reviewWithVersions();
    const p = play([{ type: 'paragraph-reverted', paragraphId: 'p1', version: 1 }], s);
    expect(currentText(p, 'p1')).toBe('first v1');
    expect(currentText(play([{ type: 'undo' }], p), 'p1')).toBe(mt('p1'));

    const a = play([{ type: 'article-reverted', version: 1 }], s);
    expect(versionTexts(a, 'current')).toEqual(versionTexts(s, 1));
    expect(undoLabel(a)).toBe('article revert');
    expect(versionTexts(play([{ type: 'undo' }], a), 'current')).toEqual(versionTexts(s, 'current'));
    expect(versionTexts(play([{ type: 'article-reverted', version: 0 }], s), 'current')).toEqual(versionTexts(s, 0));
  });
});

describe('folding', () => {
  it('the fold of the events equals applying them one by one, and a snapshot reproduces the state', () => {
    const bodies: EventBody[] = [
      { type: 'rater-set', rater: 'Ana' },
      { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1') },
      edit('p2', 'x', 'g'),
      edit('p2', 'xy', 'g'),
      { type: 'undo' },
      { type: 'annotation-changed', id: 'a1', changes: { comment: 'c' } },
    ];
    const events: JournalEvent[] = numbered(bodies);
    const folded = foldEvents(header, events).state;
    expect(folded).toEqual(play(bodies));
    const [snap] = numbered([{ type: 'snapshot', snapshot: snapshotOf(folded) }], folded.lastSeq);
    const restored = foldEvents(header, [snap!]).state;
    expect(snapshotOf(restored)).toEqual(snapshotOf(folded));
    expect(restored.lastSeq).toBe(folded.lastSeq);
  });

  it('an event that does not fit is skipped and reported with its position', () => {
    const events = numbered([edit('p1', 'ok'), { type: 'annotation-removed', id: 'ghost' }, edit('p2', 'fine')]);
    const { state, skipped } = foldEvents(header, events);
    expect(skipped).toEqual([{ index: 1, seq: 2, reason: 'no annotation ghost' }]);
    expect([...state.drafts.keys()]).toEqual(['p1', 'p2']);
  });
});
