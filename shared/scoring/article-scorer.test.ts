import { describe, expect, it } from 'vitest';
import type { Annotation, Severity } from '../model';
import { MQM_CORE } from '../typology/mqm-core';
import { createArticleScorer, scoreArticle, type ArticleScore } from './article-scorer';
import { seededRandom } from '../seeded-random';

const TEN = 'one two three four five six seven eight nine ten';
const paragraphs = [
  { id: 'p1', target: TEN },
  { id: 'p2', target: TEN },
];

function flag(id: string, fields: Partial<Annotation> & { severity: Severity; category: string }): Annotation {
  return {
    id,
    paragraphId: 'p1',
    side: 'target',
    start: 0,
    end: 3,
    comment: '',
    rater: 'ana',
    origin: { kind: 'person' },
    status: 'open',
    created: '2025-01-01T00:00:00Z',
    ...fields,
  };
}

// Worked out by hand, one rater over 20 target words:
// a1 major mistranslation (wmt 5, MQM 5), a2 minor punctuation, fixed (wmt 0.1, MQM 1),
// a3 dismissed (nothing), a4 critical omission marked in the source (wmt 5, mqm-core 25, MQM 25),
// a5 neutral (nothing, not an error).
const flags = [
  flag('a1', { severity: 'major', category: 'Accuracy/Mistranslation' }),
  flag('a2', { severity: 'minor', category: 'Linguistic conventions/Punctuation', status: 'fixed' }),
  flag('a3', { severity: 'minor', category: 'Style/Awkward style', paragraphId: 'p2', status: 'dismissed' }),
  flag('a4', { severity: 'critical', category: 'Accuracy/Omission', paragraphId: 'p2', side: 'source' }),
  flag('a5', { severity: 'neutral', category: 'Other', paragraphId: 'p2' }),
];

describe('article score', () => {
  it('gives the WMT-style score as the mean over paragraphs, dismissed flags left out', () => {
    const scorer = createArticleScorer({ profile: 'wmt' }, paragraphs);
    for (const f of flags) scorer.add(f);
    const s = scorer.summary();
    expect(s.wmt.score).toBeCloseTo(10.1 / 2, 10);
    // The total is the sum over paragraphs, added up in tenths: exact, not the mean multiplied back.
    expect(s.wmt.total).toBe(10.1);
    expect(scoreArticle({ profile: 'wmt' }, paragraphs, flags).wmt.total).toBe(10.1);
    expect(s.wmt).toMatchObject({ segments: 2, raters: 1 });
    expect(s.flags).toBe(4);
    expect(scorer.paragraph('p1')!.wmtScore).toBeCloseTo(5.1, 10);
    expect(scorer.paragraph('p2')!.wmtScore).toBe(5);
    expect(scorer.paragraph('nope')).toBeUndefined();
  });

  it('weighs a critical error 25 with the mqm-core profile', () => {
    const s = scoreArticle({ profile: 'mqm-core' }, paragraphs, flags);
    expect(s.wmt.score).toBeCloseTo(30.1 / 2, 10);
  });

  it('gives MQM-Core figures over the target words', () => {
    const s = scoreArticle({ profile: 'wmt' }, paragraphs, flags);
    expect(s.mqm).toEqual({
      penalty: 31,
      words: 20,
      perWordPenalty: 1.55,
      quality: expect.closeTo(-55, 10),
      threshold: 95,
      pass: false,
      errors: 3,
      errorsPerThousandWords: 150,
    });
  });

  it('passes an article whose quality reaches the threshold', () => {
    const minor = [flag('m', { severity: 'minor', category: 'Style' })];
    const long = [{ id: 'p1', target: Array(100).fill('word').join(' ') }];
    expect(scoreArticle({ profile: 'wmt' }, long, minor).mqm).toMatchObject({ quality: 99, pass: true });
    expect(scoreArticle({ profile: 'wmt', threshold: 99.5 }, long, minor).mqm.pass).toBe(false);
  });

  it('applies category weights inherited from the parent category', () => {
    const typology = {
      ...MQM_CORE,
      categories: MQM_CORE.categories.map((c) => (c.name === 'Accuracy' ? { ...c, weight: 2 } : c)),
    };
    expect(scoreArticle({ profile: 'wmt', typology }, paragraphs, flags).mqm.penalty).toBe(10 + 1 + 50);
  });

  it('averages over raters when two reviewers flagged the article', () => {
    const scorer = createArticleScorer({ profile: 'wmt' }, paragraphs);
    for (const f of flags) scorer.add(f);
    scorer.add(flag('b1', { severity: 'minor', category: 'Linguistic conventions/Grammar', rater: 'ben' }));
    const s = scorer.summary();
    expect(s.wmt.raters).toBe(2);
    expect(s.wmt.score).toBeCloseTo(11.1 / 2 / 2, 10);
    expect(s.mqm.penalty).toBe(16);
    expect(s.mqm.errors).toBe(2);
  });

  it('counts a source issue only when its category says so, and only with the legacy profile', () => {
    const src = [flag('s', { severity: 'minor', category: 'Source issue', side: 'source' })];
    expect(scoreArticle({ profile: 'wmt' }, paragraphs, src).wmt.score).toBe(0);
    expect(scoreArticle({ profile: 'wmt-legacy' }, paragraphs, src).wmt.score).toBe(0.5);
    expect(scoreArticle({ profile: 'wmt-legacy' }, paragraphs, src).mqm.penalty).toBe(0);
  });

  it('replaces a flag added again with the same id, and forgets a removed one', () => {
    const scorer = createArticleScorer({ profile: 'wmt' }, paragraphs);
    scorer.add(flags[0]!);
    scorer.add({ ...flags[0]!, severity: 'minor' });
    expect(scorer.summary().wmt.score).toBe(0.5);
    scorer.add({ ...flags[0]!, status: 'dismissed' });
    expect(scorer.summary().flags).toBe(0);
    scorer.add(flags[1]!);
    scorer.remove('a2');
    expect(scorer.summary().wmt).toEqual({ score: 0, total: 0, segments: 2, raters: 0 });
  });
});

function expectSame(a: ArticleScore, b: ArticleScore): void {
  expect(a.flags).toBe(b.flags);
  expect(a.wmt.raters).toBe(b.wmt.raters);
  expect(a.wmt.score).toBeCloseTo(b.wmt.score, 9);
  expect(a.mqm.penalty).toBeCloseTo(b.mqm.penalty, 9);
  expect(a.mqm.errors).toBeCloseTo(b.mqm.errors, 9);
  expect(a.mqm.words).toBe(b.mqm.words);
  expect(a.mqm.pass).toBe(b.mqm.pass);
}

describe('incremental scoring', () => {
  it.each([1, 2, 3])('equals a full recount after random adds and removes (seed %i)', (seed) => {
    const next = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const paras = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, target: `word ${'x '.repeat(i % 7)}end` }));
    const typology = {
      ...MQM_CORE,
      categories: MQM_CORE.categories.map((c) => (c.name === 'Style' ? { ...c, weight: 0.3 } : c)),
    };
    const options = { profile: pick(['wmt', 'wmt-legacy', 'mqm-core'] as const), typology };
    const scorer = createArticleScorer(options, paras);
    const live = new Map<string, Annotation>();
    const categories = [
      'Accuracy/Omission',
      'Style/Awkward style',
      'Linguistic conventions/Punctuation',
      'Source issue',
      'Non-translation',
    ];
    for (let step = 0; step < 3000; step++) {
      if (next() < 0.35 && live.size > 0) {
        const id = pick([...live.keys()]);
        live.delete(id);
        scorer.remove(id);
      } else {
        const a = flag(`f${Math.floor(next() * 400)}`, {
          paragraphId: next() < 0.02 ? 'missing' : pick(paras).id,
          severity: pick(['neutral', 'minor', 'major', 'critical'] as const),
          category: pick(categories),
          status: pick(['open', 'open', 'fixed', 'dismissed'] as const),
          rater: pick(['ana', 'ben', 'cho']),
        });
        live.set(a.id, a);
        scorer.add(a);
      }
      if (step % 250 === 0) expectSame(scorer.summary(), scoreArticle(options, paras, [...live.values()]));
    }
    const final = scorer.summary();
    expectSame(final, scoreArticle(options, paras, [...live.values()]));
    const paragraphSum = paras.reduce((s, p) => s + scorer.paragraph(p.id)!.wmtScore, 0);
    expect(paragraphSum / paras.length).toBeCloseTo(final.wmt.score, 9);
  });
});

describe('a scorer over a long article', () => {
  it("with counts made while loading and the review's own index, scores as one that counts and indexes for itself", () => {
    const rand = seededRandom(7);
    const long = Array.from({ length: 3000 }, (_, i) => ({
      id: `p${i + 1}`,
      target: `${TEN} ${'word '.repeat(Math.floor(rand() * 30))}`.trim(),
    }));
    const words = Uint32Array.from(long, (p) => p.target.split(' ').length);
    const index = new Map(long.map((p, i) => [p.id, i]));
    const given = createArticleScorer({ profile: 'mqm-core' }, long, words, (id) => index.get(id));
    const own = createArticleScorer({ profile: 'mqm-core' }, long);
    for (let i = 0; i < 200; i++) {
      const f = flag(`f${i}`, {
        severity: i % 3 === 0 ? 'major' : 'minor',
        category: 'Accuracy/Mistranslation',
        paragraphId: `p${1 + Math.floor(rand() * 3000)}`,
      });
      given.add(f);
      own.add(f);
    }
    given.add(flag('elsewhere', { severity: 'major', category: 'Accuracy/Mistranslation', paragraphId: 'p99999' }));
    expect(given.summary()).toEqual(own.summary());
    expect(given.summary().mqm.words).toBe(long.reduce((n, p) => n + p.target.split(' ').length, 0));
    for (const id of ['p1', 'p1500', 'p3000']) expect(given.paragraph(id)).toEqual(own.paragraph(id));
    expect(given.paragraph('p99999')).toBeUndefined();
  });
});
