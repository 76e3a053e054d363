import { describe, expect, it } from 'vitest';
import { diffArticles } from './article-diff';
import { articleRates, rowRate, totalRate } from './article-rates';

/** Each row's rate as diffArticles reports it. */
function expected(oldTexts: string[], newTexts: string[], unit: 'word' | 'char') {
  const result = diffArticles(oldTexts, newTexts, unit === 'char' ? { editRate: 'char', rowDiffs: false } : { rowDiffs: false });
  return { rows: result.paragraphs.map(({ edits, refWords, ter }) => ({ edits, refWords, ter })), total: result.total };
}

function actual(oldTexts: string[], newTexts: string[], unit: 'word' | 'char') {
  const rates = articleRates(oldTexts, newTexts, unit);
  return { rows: Array.from(rates.edits, (_, k) => rowRate(rates, k)), total: totalRate(rates) };
}

describe('article rates', () => {
  it('gives every row the rate of the full comparison: unchanged, changed, added and removed paragraphs', () => {
    const old = [
      'The council met on Tuesday.',
      'It approved the budget.',
      'Critics were not convinced.',
      'A paragraph cut later.',
      'The end.',
    ];
    const edited = [
      'The council met on Tuesday.',
      'On Tuesday it passed the budget.',
      'A new paragraph.',
      'Critics were not convinced.',
      'The end.',
    ];
    expect(actual(old, edited, 'word')).toEqual(expected(old, edited, 'word'));
    // Same, changed (two words inserted, one replaced), added (3 words), same, removed (4 words), same.
    expect(actual(old, edited, 'word').rows.map((r) => [r.edits, r.refWords])).toEqual([
      [0, 5],
      [3, 6],
      [3, 3],
      [0, 4],
      [4, 0],
      [0, 2],
    ]);
  });

  it('counts by character when asked, a reference whose lower case is longer included', () => {
    const old = ['我们今天去北京。', 'İstanbul', '同じ'];
    const edited = ['我们明天去北京。', 'istanbul', '同じ'];
    expect(actual(old, edited, 'char')).toEqual(expected(old, edited, 'char'));
  });

  it('pairs by position when the articles differ in too many paragraphs to pair by content', () => {
    const old = Array.from({ length: 2200 }, (_, i) => `paragraph ${i} as written`);
    const edited = ['an opening paragraph', ...old.map((t) => `${t} again`)];
    expect(actual(old, edited, 'word')).toEqual(expected(old, edited, 'word'));
  });

  it('scores two empty articles as no change', () => {
    expect(totalRate(articleRates([], [], 'word'))).toEqual({ edits: 0, refWords: 0, ter: 0 });
  });
});
