import { describe, expect, it } from 'vitest';
import { sampleAnnotation, sampleHeader } from '../journal/sample-review';
import { adjudicate, adjudicatedReview, articleMismatch, provenanceComment } from './adjudication';
import type { ReportReview } from './build-report';

const paragraphs = sampleHeader(6).paragraphs;
const ana: ReportReview = {
  label: 'ana.redline',
  reviewer: 'Ana',
  paragraphs,
  annotations: [
    sampleAnnotation('a1', 'p1', { rater: 'Ana', severity: 'major', start: 4, end: 11 }),
    sampleAnnotation('a2', 'p2', { rater: 'Ana', severity: 'minor', start: 0, end: 3, comment: 'odd' }),
    sampleAnnotation('a3', 'p3', { rater: 'Ana', severity: 'minor' }),
    sampleAnnotation('a4', 'p4', { rater: 'Ana', status: 'dismissed' }),
  ],
};
const ben: ReportReview = {
  label: 'ben.redline',
  reviewer: 'Ben',
  paragraphs,
  annotations: [
    sampleAnnotation('b1', 'p1', { rater: 'Ben', severity: 'major', start: 4, end: 11 }),
    sampleAnnotation('b2', 'p2', { rater: 'Ben', severity: 'major', start: 2, end: 9 }),
    sampleAnnotation('b3', 'p5', { rater: 'Ben', severity: 'critical' }),
  ],
};

describe('adjudication', () => {
  it('keeps, drops and merges flags as decided, and records where each one came from', () => {
    const r = adjudicate(
      [ana, ben],
      [
        { action: 'merge', flags: ['ana.redline#a2', 'ben.redline#b2'] },
        { action: 'drop', flag: 'ben.redline#b3' },
        { action: 'keep', flag: 'ana.redline#a3' },
      ],
    );
    if (!r.ok) throw new Error(r.error.message);
    const byFrom = new Map(r.value.map((f) => [f.from.join(','), f]));
    // Decided: a2 and b2 merged over the span both cover, with the higher severity and both raters.
    expect(byFrom.get('ana.redline#a2,ben.redline#b2')!.annotation).toMatchObject({
      start: 0,
      end: 9,
      severity: 'major',
      rater: 'Ana + Ben',
      comment: 'odd',
    });
    expect(byFrom.get('ana.redline#a3')!.how).toBe('kept');
    expect([...byFrom.keys()].some((k) => k.includes('b3'))).toBe(false);
    // Undecided and identical (a1, b1): merged without asking. The dismissed a4 is not offered.
    expect(byFrom.get('ana.redline#a1,ben.redline#b1')).toMatchObject({
      how: 'merged',
      annotation: { rater: 'Ana + Ben', severity: 'major' },
    });
    expect(r.value).toHaveLength(3);
    expect(provenanceComment(byFrom.get('ana.redline#a2,ben.redline#b2')!)).toBe('odd — Merged from ana.redline#a2, ben.redline#b2');
  });

  it('refuses an unknown flag, a flag decided twice, and a merge across paragraphs', () => {
    const unknown = adjudicate([ana, ben], [{ action: 'keep', flag: 'ana.redline#zz' }]);
    expect(!unknown.ok && unknown.error.message).toContain('No review holds the flag ana.redline#zz');
    const twice = adjudicate(
      [ana, ben],
      [
        { action: 'keep', flag: 'ana.redline#a3' },
        { action: 'drop', flag: 'ana.redline#a3' },
      ],
    );
    expect(!twice.ok && twice.error.message).toContain('decided twice');
    const across = adjudicate([ana, ben], [{ action: 'merge', flags: ['ana.redline#a3', 'ben.redline#b3'] }]);
    expect(!across.ok && across.error.message).toContain('only flags of one paragraph');
  });

  it('names both articles when a review is of another article, and the paragraph when the text differs', () => {
    const first = { label: 'ana.redline', article: 'story.txt', paragraphs };
    expect(articleMismatch(first, { label: 'ben.redline', article: 'story.txt', paragraphs })).toBeUndefined();
    const other = sampleHeader(3, 'budget.txt');
    expect(articleMismatch(first, { label: 'ben.redline', article: 'budget.txt', paragraphs: other.paragraphs })).toBe(
      'ben.redline is a review of budget.txt, not of story.txt (the article of ana.redline); only reviews of one article can be adjudicated together.',
    );
    const changed = paragraphs.map((p, i) => (i === 2 ? { ...p, target: 'Something else.' } : p));
    expect(articleMismatch(first, { label: 'ben.redline', article: 'story.txt', paragraphs: changed })).toContain('(paragraph 3 differs)');
  });

  it('makes a review stamped with the adjudicator, numbering the flags and recording their origin', () => {
    const r = adjudicate(
      [ana, ben],
      [
        { action: 'drop', flag: 'ben.redline#b3' },
        { action: 'keep', flag: 'ana.redline#a2' },
      ],
    );
    if (!r.ok) throw new Error(r.error.message);
    const review = adjudicatedReview(sampleHeader(6), r.value, {
      adjudicator: ' Lead ',
      settings: { scoringProfile: 'wmt', passThreshold: 90, typology: 'mqm-core' },
      now: '2025-02-01T08:00:00.000Z',
    });
    expect(review.header.created).toBe('2025-02-01T08:00:00.000Z');
    expect(review.events[0]).toEqual({ type: 'rater-set', rater: 'Lead (adjudicated)' });
    expect(review.events[1]).toEqual({
      type: 'settings-changed',
      settings: { scoringProfile: 'wmt', passThreshold: 90, typology: 'mqm-core' },
    });
    const added = review.events.slice(2).map((e) => (e.type === 'annotation-added' ? [e.annotation.id, e.annotation.comment] : []));
    expect(added).toEqual([
      ['j1', 'odd — Kept from ana.redline#a2'],
      ['j2', 'Merged from ana.redline#a1, ben.redline#b1'],
      ['j3', 'Kept from ana.redline#a3'],
      ['j4', 'Kept from ben.redline#b2'],
    ]);
  });
});
