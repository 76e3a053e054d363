import { describe, expect, it } from 'vitest';
import type { ReviewDelta, ReviewView } from '../../shared/contract';
import { sampleAnnotation } from '../../shared/journal/sample-review';
import { applyDelta } from './review-delta';

const score = (flags: number) => ({
  profile: 'mqm-core' as const,
  wmt: { score: flags, total: flags * 3, segments: 3, raters: 1 },
  mqm: { penalty: flags, words: 30, errors: flags, perWordPenalty: 0, quality: 100, pass: true, threshold: 95, errorsPerThousandWords: 0 },
  flags,
});

const view = {
  reviewId: 'r1',
  seq: 9,
  annotations: [sampleAnnotation('a1', 'p1'), sampleAnnotation('a2', 'p2')],
  drafts: { p3: 'draft three' },
  unsaved: 1,
  versions: [],
  undoLabel: 'Undo flag',
  score: score(2),
} as unknown as ReviewView;

const delta = (over: Partial<ReviewDelta>): ReviewDelta => ({
  type: 'delta',
  reviewId: 'r1',
  seq: 10,
  annotations: [],
  removed: [],
  drafts: {},
  unsaved: 1,
  reviewedCount: 0,
  undoLabel: 'Undo flag',
  redoLabel: null,
  score: score(2),
  paragraphScores: [],
  ...over,
});

describe('applying a change to the review the page holds', () => {
  it('a new flag goes last, a changed one keeps its place, a removed one goes', () => {
    const changed = { ...sampleAnnotation('a1', 'p1'), severity: 'critical' as const };
    const next = applyDelta(view, delta({ annotations: [sampleAnnotation('a3', 'p3'), changed], removed: ['a2'], score: score(3) }));
    expect(next.annotations.map((a) => [a.id, a.severity])).toEqual([
      ['a1', 'critical'],
      ['a3', sampleAnnotation('a3', 'p3').severity],
    ]);
    expect(next.score.flags).toBe(3);
  });

  it('drafts are set, and a paragraph back to the machine translation loses its draft', () => {
    const next = applyDelta(view, delta({ drafts: { p1: 'new text', p3: null }, unsaved: 2 }));
    expect(next.drafts).toEqual({ p1: 'new text' });
    expect(next.unsaved).toBe(2);
  });

  it('undo and redo labels follow the change; nothing to undo removes the label', () => {
    const next = applyDelta(view, delta({ undoLabel: null, redoLabel: 'Redo flag' }));
    expect(next.undoLabel).toBeUndefined();
    expect(next.redoLabel).toBe('Redo flag');
  });

  it('a delta already applied (heard again as an event) changes nothing', () => {
    expect(applyDelta(view, delta({ seq: 9, removed: ['a1'] }))).toBe(view);
    expect(applyDelta(view, delta({ reviewId: 'other', removed: ['a1'] }))).toBe(view);
    expect(applyDelta(view, delta({ seq: 10 })).seq).toBe(10);
  });
});

describe('applying marks and notes to the review the page holds', () => {
  it('a mark set and one taken back, a note added and one removed, with the new progress figure', () => {
    const held = { ...view, reviewed: ['p1', 'p4'], reviewedCount: 2, notes: { p2: 'old note' } } as ReviewView;
    const next = applyDelta(held, delta({ reviewed: { p3: true, p1: false }, notes: { p1: 'new note', p2: null }, reviewedCount: 2 }));
    expect([...next.reviewed].sort()).toEqual(['p3', 'p4']);
    expect(next.notes).toEqual({ p1: 'new note' });
    expect(next.reviewedCount).toBe(2);
    expect(held.reviewed).toEqual(['p1', 'p4']);
  });
});
