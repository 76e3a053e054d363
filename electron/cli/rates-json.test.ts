import { describe, expect, it } from 'vitest';
import { articleRates, rowRate, totalRate, type ArticleRates } from '../../shared/diff/article-rates';
import { writeRatesJson } from './rates-json';

/** The JSON as JSON.stringify writes it, which `--json` has always printed. */
function stringified(rates: ArticleRates): string {
  const paragraphs = Array.from(rates.edits, (_, k) => ({ paragraph: k + 1, ...rowRate(rates, k) }));
  const { edits, refWords, ter } = totalRate(rates);
  return `${JSON.stringify({ paragraphs, edits, refWords, ter }, null, 2)}\n`;
}

function written(rates: ArticleRates): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  writeRatesJson(rates, (piece) => {
    text += piece;
    pieces++;
  });
  return { text, pieces };
}

describe('the JSON of diff --json', () => {
  it('is byte for byte what JSON.stringify gives, written in pieces for a long article', () => {
    const old = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} says ${i % 7} things.`);
    const edited = old.map((t, i) => (i % 3 === 0 ? t.replace('says', 'tells us') : i % 11 === 0 ? '' : t));
    const rates = articleRates(old, edited, 'word');
    const out = written(rates);
    expect(out.text).toBe(stringified(rates));
    expect(out.pieces).toBeGreaterThan(3);
  });

  it('writes an empty paragraph list as JSON.stringify does', () => {
    const rates = articleRates([], [], 'word');
    expect(written(rates).text).toBe(stringified(rates));
    expect(JSON.parse(written(rates).text)).toEqual({ paragraphs: [], edits: 0, refWords: 0, ter: 0 });
  });
});
