import { describe, expect, it } from 'vitest';
import { sampleAnnotation, sampleHeader } from '../journal/sample-review';
import { adjudicate } from './adjudication';
import {
  decisionsOf,
  EMPTY_PLAN,
  isUndecided,
  mergeDefaults,
  mergeProblem,
  undecidedCount,
  withChoice,
  withMerge,
  withUndecided,
} from './adjudication-plan';
import { adjudicationParagraphs } from './adjudication-view';
import { buildReport, DISPUTED_PARAGRAPHS, type ReportReview } from './build-report';
import { MQM_CORE } from '../typology/mqm-core';

const paragraphs = sampleHeader(6).paragraphs;
const ana: ReportReview = {
  label: 'ana.redline',
  reviewer: 'Ana',
  paragraphs,
  annotations: [
    sampleAnnotation('a1', 'p1', { rater: 'Ana', severity: 'minor', start: 4, end: 11 }),
    sampleAnnotation('a2', 'p3', { rater: 'Ana', severity: 'minor', start: 0, end: 7, category: 'Fluency/Grammar' }),
    sampleAnnotation('a3', 'p3', { rater: 'Ana', severity: 'minor', start: 30, end: 35 }),
    sampleAnnotation('a4', 'p4', { rater: 'Ana', status: 'dismissed' }),
  ],
};
const ben: ReportReview = {
  label: 'ben.redline',
  reviewer: 'Ben',
  paragraphs,
  annotations: [
    sampleAnnotation('b1', 'p1', { rater: 'Ben', severity: 'minor', start: 4, end: 11 }),
    sampleAnnotation('b2', 'p3', { rater: 'Ben', severity: 'critical', start: 4, end: 12 }),
  ],
};

describe('the paragraphs to adjudicate', () => {
  it('lists the disputed paragraphs first in the order given, then the others with flags in article order, every rater’s flags together', () => {
    const { paragraphs: list, unlisted } = adjudicationParagraphs([ana, ben], [{ id: 'p3', spread: 24 }]);
    expect(list.map((p) => [p.number, p.spread])).toEqual([
      [3, 24],
      [1, undefined],
    ]);
    expect(list[0]!.flags.map((f) => [f.ref, f.rater])).toEqual([
      ['ana.redline#a2', 'Ana'],
      ['ben.redline#b2', 'Ben'],
      ['ana.redline#a3', 'Ana'],
    ]);
    expect(list[0]!.target).toBe(paragraphs[2]!.target);
    // The two identical flags on p1 know each other; the dismissed a4 is not offered (p4 is not listed).
    expect(list[1]!.flags.map((f) => f.sameAs)).toEqual([['ben.redline#b1'], ['ana.redline#a1']]);
    expect(unlisted).toBe(0);
    expect(adjudicationParagraphs([ana, ben], [{ id: 'p3', spread: 24 }], 1).unlisted).toBe(1);
  });
});

describe('the report’s order of paragraphs to adjudicate', () => {
  it('lists every disputed paragraph when adjudication asks for all of them, a dozen in a report', () => {
    const many = sampleHeader(20).paragraphs;
    const one: ReportReview = {
      label: 'one.redline',
      reviewer: 'One',
      paragraphs: many,
      annotations: many.map((p, i) => sampleAnnotation(`o${i}`, p.id, { rater: 'One', severity: i % 2 ? 'major' : 'minor' })),
    };
    const two: ReportReview = { label: 'two.redline', reviewer: 'Two', paragraphs: many, annotations: [] };
    const options = {
      article: 'story.txt',
      profile: 'wmt',
      typology: MQM_CORE,
      threshold: 95,
      generated: '2025-01-01T00:00:00.000Z',
    } as const;
    const report = buildReport([one, two], options);
    const all = buildReport([one, two], { ...options, disputedLimit: Number.MAX_SAFE_INTEGER });
    if (!report.ok || !all.ok) throw new Error('no report');
    expect(report.value.agreement.disputed).toHaveLength(DISPUTED_PARAGRAPHS);
    expect(all.value.agreement.disputed).toHaveLength(20);
    // The same order: the report's dozen first, major flags (the wider spread) before minor ones.
    expect(all.value.agreement.disputed.slice(0, DISPUTED_PARAGRAPHS).map((d) => d.id)).toEqual(
      report.value.agreement.disputed.map((d) => d.id),
    );
    expect(all.value.agreement.disputed[0]!.spread).toBeGreaterThan(all.value.agreement.disputed[19]!.spread);
  });
});

describe('the adjudication plan', () => {
  const { paragraphs: list } = adjudicationParagraphs([ana, ben], [{ id: 'p3', spread: 24 }]);
  const flag = (ref: string) => list.flatMap((p) => p.flags).find((f) => f.ref === ref)!;

  it('counts as undecided every flag without a decision, but not identical flags of different raters', () => {
    expect(undecidedCount(EMPTY_PLAN, list)).toBe(3);
    expect(isUndecided(EMPTY_PLAN, flag('ana.redline#a1'))).toBe(false);
    // Deciding one of two identical flags leaves the other alone to decide.
    const plan = withChoice(EMPTY_PLAN, 'ana.redline#a1', 'drop');
    expect(isUndecided(plan, flag('ben.redline#b1'))).toBe(true);
    expect(undecidedCount(plan, list)).toBe(4);
  });

  it('merges overlapping flags with the chosen category and severity, and undoes the merge when one of them is decided again', () => {
    const pair = [flag('ana.redline#a2'), flag('ben.redline#b2')];
    expect(mergeDefaults(pair)).toEqual({ category: 'Fluency/Grammar', severity: 'critical' });
    const merged = withMerge(EMPTY_PLAN, pair, 'Accuracy/Mistranslation', 'major');
    if (!merged.ok) throw new Error(merged.error.message);
    const plan = withChoice(merged.value, 'ana.redline#a3', 'drop');
    expect(undecidedCount(plan, list)).toBe(0);
    const decisions = decisionsOf(plan, list);
    expect(decisions).toEqual([
      { action: 'merge', flags: ['ana.redline#a2', 'ben.redline#b2'], category: 'Accuracy/Mistranslation', severity: 'major' },
      { action: 'drop', flag: 'ana.redline#a3' },
    ]);
    // The decisions are those adjudication takes.
    const result = adjudicate([ana, ben], decisions);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.find((f) => f.how === 'merged' && f.from.length === 2 && f.from[0] === 'ana.redline#a2')?.annotation).toMatchObject(
      {
        start: 0,
        end: 12,
        category: 'Accuracy/Mistranslation',
        severity: 'major',
      },
    );
    const kept = withChoice(plan, 'ben.redline#b2', 'keep');
    expect(kept.decided.has('ana.redline#a2')).toBe(false);
    expect(decisionsOf(kept, list)).toEqual([
      { action: 'keep', flag: 'ben.redline#b2' },
      { action: 'drop', flag: 'ana.redline#a3' },
    ]);
    expect(undecidedCount(withUndecided(kept, ['ana.redline#a3']), list)).toBe(2);
  });

  it('refuses to merge flags over different words, in different paragraphs, or a flag alone', () => {
    expect(mergeProblem([flag('ana.redline#a3'), flag('ben.redline#b2')])).toContain('spans overlap');
    expect(mergeProblem([flag('ana.redline#a1'), flag('ben.redline#b2')])).toContain('one paragraph');
    expect(mergeProblem([flag('ana.redline#a1')])).toContain('two or more');
    const refused = withMerge(EMPTY_PLAN, [flag('ana.redline#a3'), flag('ben.redline#b2')], 'Other', 'minor');
    expect(refused.ok).toBe(false);
  });
});
