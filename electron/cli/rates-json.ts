/**
 * The JSON `redline diff --json` prints, written in pieces as it is made instead of as one string of the whole
 * (some 10 MB for a 100,000-paragraph article). The text is exactly what `JSON.stringify` gives with an indent
 * of two for `{ paragraphs: [{ paragraph, edits, refWords, ter }], edits, refWords, ter }`, which a test holds
 * it to: scripts may compare it byte for byte.
 */
import { rowRate, totalRate, type ArticleRates } from '../../shared/diff/article-rates';

/** Characters gathered before a piece is written: large enough that writes cost little, small enough to stay in cache. */
const PIECE_CHARS = 64 * 1024;

/** Writes the rates as JSON through `write`, in pieces, ending with a newline. */
export function writeRatesJson(rates: ArticleRates, write: (text: string) => void): void {
  const rows = rates.edits.length;
  let out = rows === 0 ? '{\n  "paragraphs": [],\n' : '{\n  "paragraphs": [\n';
  for (let k = 0; k < rows; k++) {
    const { edits, refWords, ter } = rowRate(rates, k);
    // Numbers print as JSON prints them: the rates are finite and never negative zero.
    out += `    {\n      "paragraph": ${k + 1},\n      "edits": ${edits},\n      "refWords": ${refWords},\n      "ter": ${ter}\n    }${k + 1 < rows ? ',' : ''}\n`;
    if (out.length >= PIECE_CHARS) {
      write(out);
      out = '';
    }
  }
  if (rows > 0) out += '  ],\n';
  const total = totalRate(rates);
  write(`${out}  "edits": ${total.edits},\n  "refWords": ${total.refWords},\n  "ter": ${total.ter}\n}\n`);
}
