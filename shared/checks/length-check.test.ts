import { describe, expect, it } from 'vitest';
import { checkLength } from './length-check';

const SOURCE = '临江市老港大桥经过近三年的修缮将于九月重新开放供行人和骑行者使用';
const TEXT =
  'After nearly three years of restoration, Linjiang’s Old Harbour Bridge will reopen in September for pedestrians and cyclists.';

describe('length check', () => {
  const article = Array.from({ length: 12 }, (_, i) => ({ id: `p${i + 1}`, source: SOURCE, text: TEXT }));
  it('reports nothing in an even article', () => {
    expect(checkLength(article)).toEqual([]);
  });
  it('reports a paragraph far shorter than its source as a possible omission', () => {
    const short = article.map((p, i) => (i === 4 ? { ...p, text: 'The bridge will reopen.' } : p));
    expect(checkLength(short).map((f) => [f.paragraphId, f.category])).toEqual([['p5', 'Accuracy/Omission']]);
  });
  it('reports a paragraph far longer than its source as a possible addition', () => {
    const long = article.map((p, i) => (i === 2 ? { ...p, text: `${TEXT} ${TEXT} ${TEXT}` } : p));
    expect(checkLength(long).map((f) => [f.paragraphId, f.category])).toEqual([['p3', 'Accuracy/Addition']]);
  });
  it('does not judge an article with too few paired paragraphs', () => {
    expect(checkLength(article.slice(0, 3).map((p, i) => (i === 0 ? { ...p, text: 'Short.' } : p)))).toEqual([]);
  });
});
