/** Suggestions in the review file: dismissals and flags accepted together, with undo, snapshots and shape checks. */
import { describe, expect, it } from 'vitest';
import { checkEventShape } from './event-shape';
import { suggestionKey, type DismissedSuggestion, type EventBody } from './journal-event';
import { applyEvent, foldEvents, initialState } from './review-reducer';
import { annotationList, snapshotOf, type ReviewState } from './review-state';
import { numbered, sampleAnnotation, sampleHeader, playEvents } from './sample-review';

const header = sampleHeader(3);
const dismissal = (paragraphId: string, start = 4, end = 11): DismissedSuggestion => ({
  check: 'numbers',
  paragraphId,
  start,
  end,
  text: header.paragraphs.find((p) => p.id === paragraphId)!.target.slice(start, end),
});

const play = (bodies: readonly EventBody[], from: ReviewState = initialState(header)): ReviewState => playEvents(bodies, from);

describe('dismissed suggestions', () => {
  it('are kept in the review and survive a reopen', () => {
    const bodies: EventBody[] = [{ type: 'suggestions-dismissed', suggestions: [dismissal('p1'), dismissal('p2')] }];
    const { state, skipped } = foldEvents(header, numbered(bodies));
    expect(skipped).toEqual([]);
    expect([...state.dismissed.keys()]).toEqual([suggestionKey(dismissal('p1')), suggestionKey(dismissal('p2'))]);
  });
  it('come back with undo and go again with redo, all of one check at once', () => {
    const dismissed = play([{ type: 'suggestions-dismissed', suggestions: [dismissal('p1'), dismissal('p2')] }]);
    expect(dismissed.undo.top!.label).toBe('dismissals');
    const undone = play([{ type: 'undo' }], dismissed);
    expect(undone.dismissed.size).toBe(0);
    expect(play([{ type: 'redo' }], undone).dismissed.size).toBe(2);
  });
  it('dismissing one already dismissed changes nothing to undo', () => {
    const once = play([{ type: 'suggestions-dismissed', suggestions: [dismissal('p1')] }]);
    const twice = play([{ type: 'suggestions-dismissed', suggestions: [dismissal('p1')] }], once);
    expect(twice.undo.length).toBe(1);
  });
  it('a span outside the machine translation is refused', () => {
    const event = numbered([{ type: 'suggestions-dismissed', suggestions: [dismissal('p1', 0, 500)] }])[0]!;
    const r = applyEvent(initialState(header), event);
    expect(!r.ok && r.error.message).toContain('outside the target of p1');
  });
  it('are carried by a snapshot', () => {
    const state = play([{ type: 'suggestions-dismissed', suggestions: [dismissal('p3')] }]);
    const { state: reopened } = foldEvents(header, numbered([{ type: 'snapshot', snapshot: snapshotOf(state) }]));
    expect([...reopened.dismissed.values()]).toEqual([dismissal('p3')]);
  });
  it('a malformed dismissal is named by the shape check', () => {
    const bad = {
      seq: 1,
      at: '2025-01-01T00:00:00Z',
      type: 'suggestions-dismissed',
      suggestions: [{ check: 'numbers', paragraphId: 'p1' }],
    };
    expect(checkEventShape(bad)).toEqual({ problem: 'a dismissed suggestion needs a check, a paragraph id, a span and its text' });
    const good = { ...bad, suggestions: [dismissal('p1')] };
    expect('value' in checkEventShape(good)).toBe(true);
  });
});

describe('flags accepted together', () => {
  const flags = [
    sampleAnnotation('a1', 'p1', { origin: { kind: 'check', check: 'numbers' } }),
    sampleAnnotation('a2', 'p2', { origin: { kind: 'check', check: 'numbers' } }),
  ];
  it('are one undo step', () => {
    const state = play([{ type: 'annotations-added', annotations: flags }]);
    expect(annotationList(state).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(state.undo.top!.label).toBe('2 flags');
    expect(play([{ type: 'undo' }], state).annotations.size).toBe(0);
  });
  it('are refused whole when one of them already exists', () => {
    const state = play([{ type: 'annotation-added', annotation: flags[1]! }]);
    const r = applyEvent(state, numbered([{ type: 'annotations-added', annotations: flags }], 2)[0]!);
    expect(r.ok).toBe(false);
    expect(state.annotations.size).toBe(1);
  });
  it('pass the shape check', () => {
    expect('value' in checkEventShape({ seq: 1, at: 'now', type: 'annotations-added', annotations: flags })).toBe(true);
  });
  it('written in parts of one group, undo and redo as one step, across a reopen', () => {
    const more = [3, 4, 5].map((k) => sampleAnnotation(`a${k}`, `p${1 + (k % 3)}`, { origin: { kind: 'check', check: 'numbers' } }));
    const bodies: EventBody[] = [
      { type: 'annotation-added', annotation: sampleAnnotation('before', 'p3') },
      { type: 'annotations-added', annotations: flags, group: 'accept-1' },
      { type: 'annotations-added', annotations: more, group: 'accept-1' },
    ];
    for (const state of [play(bodies), foldEvents(header, numbered(bodies)).state]) {
      expect(state.annotations.size).toBe(6);
      expect(state.undo.top!.label).toBe('5 flags');
      const undone = play([{ type: 'undo' }], state);
      expect(annotationList(undone).map((a) => a.id)).toEqual(['before']);
      expect(play([{ type: 'redo' }], undone).annotations.size).toBe(6);
    }
  });
  it('in parts of one group with something else between them, undo as two steps', () => {
    const state = play([
      { type: 'annotations-added', annotations: [flags[0]!], group: 'accept-1' },
      { type: 'annotation-added', annotation: sampleAnnotation('between', 'p3') },
      { type: 'annotations-added', annotations: [flags[1]!], group: 'accept-1' },
    ]);
    expect(state.undo.length).toBe(3);
    expect(annotationList(play([{ type: 'undo' }], state)).map((a) => a.id)).toEqual(['a1', 'between']);
  });
  it('dismissed in parts of one group, come back together with one undo', () => {
    const state = play([
      { type: 'suggestions-dismissed', suggestions: [dismissal('p1')], group: 'dismiss-1' },
      { type: 'suggestions-dismissed', suggestions: [dismissal('p2'), dismissal('p3')], group: 'dismiss-1' },
    ]);
    expect(state.undo.length).toBe(1);
    expect(state.dismissed.size).toBe(3);
    expect(play([{ type: 'undo' }], state).dismissed.size).toBe(0);
    expect(checkEventShape({ seq: 1, at: 'now', type: 'suggestions-dismissed', suggestions: [dismissal('p1')], group: 7 })).toEqual({
      problem: 'group is not text',
    });
  });
});
