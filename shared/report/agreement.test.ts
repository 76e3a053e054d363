import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, kappaWords, spanAgreement, type MarkedSpan } from './agreement';

const yes = (s: string): boolean[] => [...s].map((c) => c === '1');
const t = (paragraph: number, start: number, end: number): MarkedSpan => ({ paragraph, side: 'target', start, end });

describe('agreement on which paragraphs have errors', () => {
  it("Cohen's kappa of two raters equals the value worked out by hand", () => {
    // Ten paragraphs. A flags 1-4, B flags 1-3, 5 and 6.
    // Agreement: 1-3 (both yes) and 7-10 (both no): pₒ = 7/10 = 0.7.
    // pA = 0.4, pB = 0.5, pₑ = 0.4·0.5 + 0.6·0.5 = 0.5.  κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    expect(cohenKappa(yes('1111000000'), yes('1110110000'))).toBeCloseTo(0.4, 12);
  });

  it("Fleiss' kappa of three raters equals the value worked out by hand", () => {
    // Five paragraphs, three raters; raters saying "has an error": 3, 0, 2, 1, 3.
    // Pᵢ = (y(y−1) + n(n−1)) / 6: 1, 1, 1/3, 1/3, 1, so P̄ = (11/3) / 5 = 11/15.
    // p(yes) = 9/15 = 0.6, pₑ = 0.36 + 0.16 = 0.52.  κ = (11/15 − 13/25) / (12/25) = (16/75)·(25/12) = 4/9.
    expect(fleissKappa([3, 0, 2, 1, 3], 3)).toBeCloseTo(4 / 9, 12);
  });

  it("Fleiss' kappa of two raters differs from Cohen's as it should (pooled chance agreement)", () => {
    // The Cohen example as counts: 2,2,2,1,1,1,0,0,0,0.  P̄ = (3·1 + 3·0 + 4·1) / 10 = 0.7.
    // p(yes) = 9/20 = 0.45, pₑ = 0.2025 + 0.3025 = 0.505.  κ = 0.195 / 0.495 = 13/33.
    expect(fleissKappa([2, 2, 2, 1, 1, 1, 0, 0, 0, 0], 2)).toBeCloseTo(13 / 33, 12);
  });

  it('perfect agreement is 1, and agreement by chance alone is 0', () => {
    expect(cohenKappa(yes('1100'), yes('1100'))).toBe(1);
    // A says yes to everything by turns, B to half: pₒ = 0.5 = pₑ.
    expect(cohenKappa(yes('1010'), yes('1100'))).toBe(0);
    expect(fleissKappa([3, 0, 3, 0], 3)).toBe(1);
  });

  it('is undefined, not 1, when everyone judged every paragraph the same way', () => {
    expect(cohenKappa(yes('0000'), yes('0000'))).toBeUndefined();
    expect(fleissKappa([0, 0, 0], 3)).toBeUndefined();
    expect(kappaWords(undefined)).toContain('undefined');
    expect(kappaWords(0.45)).toBe('moderate');
    expect(kappaWords(-0.1)).toBe('worse than chance');
  });
});

describe('agreement on where the errors are', () => {
  it('character, exact-span and overlapping-span F1 equal the values worked out by hand', () => {
    // A marks [0,10) and [20,30); B marks [5,15), [20,30) and [40,42), all in paragraph 1's translation.
    // Characters: A 20, B 22, both 5 + 10 = 15.  Character F1 = 2·15 / (20 + 22) = 30/42 = 5/7.
    // Exact spans: only [20,30) is shared. Recall 1/2, precision 1/3: F1 = 2·(1/6) / (5/6) = 0.4.
    // Overlapping spans: both of A's meet one of B's (recall 1); two of B's three meet one of A's
    // (precision 2/3): F1 = 2·(2/3) / (5/3) = 0.8.
    const r = spanAgreement([t(0, 0, 10), t(0, 20, 30)], [t(0, 5, 15), t(0, 20, 30), t(0, 40, 42)]);
    expect(r).toMatchObject({ sharedChars: 15, charsA: 20, charsB: 22, spansA: 2, spansB: 3 });
    expect(r.characterF1).toBeCloseTo(5 / 7, 12);
    expect(r.exactSpanF1).toBeCloseTo(0.4, 12);
    expect(r.overlapSpanF1).toBeCloseTo(0.8, 12);
  });

  it('spans in different paragraphs or on different sides never match', () => {
    const r = spanAgreement([t(0, 0, 5)], [t(1, 0, 5), { paragraph: 0, side: 'source', start: 0, end: 5 }]);
    expect(r.sharedChars).toBe(0);
    expect(r.characterF1).toBe(0);
    expect(r.exactSpanF1).toBe(0);
    expect(r.overlapSpanF1).toBe(0);
  });

  it('an omission point inside the other rater’s span overlaps it but shares no character', () => {
    const r = spanAgreement([t(2, 7, 7)], [t(2, 3, 9)]);
    expect(r.overlapSpanF1).toBe(1);
    expect(r.characterF1).toBe(0);
  });

  it('a phrase one rater flagged twice (two categories) is one span for exact matching', () => {
    const r = spanAgreement([t(0, 0, 4), t(0, 0, 4)], [t(0, 0, 4)]);
    expect(r.exactSpanF1).toBe(1);
    expect(r.characterF1).toBe(1);
  });

  it('is undefined when neither rater marked anything', () => {
    const r = spanAgreement([], []);
    expect(r.characterF1).toBeUndefined();
    expect(r.exactSpanF1).toBeUndefined();
  });
});
