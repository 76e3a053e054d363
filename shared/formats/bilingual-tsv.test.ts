import { describe, expect, it } from 'vitest';
import { bilingualTablePieces, readBilingualTable, writeBilingualTable } from './bilingual-tsv';

function read(text: string, name: string) {
  const r = readBilingualTable(text, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.map((b) => [b.source, b.text]);
}

describe('bilingual tables', () => {
  it('reads source and translation from a TSV without a header, one paragraph per row', () => {
    expect(read('Good morning.\tGuten Morgen.\nThank you.\tDanke.\n', 'a.tsv')).toEqual([
      ['Good morning.', 'Guten Morgen.'],
      ['Thank you.', 'Danke.'],
    ]);
  });

  it('finds the columns by their names when there is a header, in any order', () => {
    expect(read('id,target,source\n1,Hallo,Hello\n', 'a.csv')).toEqual([['Hello', 'Hallo']]);
  });

  it('reads RFC 4180 quoting in CSV: delimiters, doubled quotes and line breaks inside a field', () => {
    const csv = 'source,target\r\n"Yes, ""really""","Ja, ""wirklich"""\r\n"two\r\nlines",zwei Zeilen\r\n';
    expect(read(csv, 'a.csv')).toEqual([
      ['Yes, "really"', 'Ja, "wirklich"'],
      ['two\r\nlines', 'zwei Zeilen'],
    ]);
  });

  it('names the line of a row without a translation, and of a quote that never closes', () => {
    expect(readBilingualTable('a\tb\nonly one\n', 'a.tsv')).toMatchObject({
      ok: false,
      error: { message: 'a.tsv line 2: expected a source and a translation (2 tab-separated fields), found 1.' },
    });
    expect(readBilingualTable('a,b\nx,"open\n', 'a.csv')).toMatchObject({
      ok: false,
      error: { message: 'a.csv line 2, column 3: a quoted field is never closed.' },
    });
  });

  it('writes a table that reads back the same', () => {
    const rows = [
      { source: 'a, "b"', target: 'c\nd' },
      { source: 'tab\there', target: 'x' },
    ];
    for (const d of ['\t', ','] as const) {
      const text = writeBilingualTable(rows, d);
      // In pieces of one row, the same table.
      expect([...bilingualTablePieces(rows, d, 1)].join('')).toBe(text);
      const r = readBilingualTable(text, d === ',' ? 'x.csv' : 'x.tsv');
      expect(r.ok && r.value.map((b) => ({ source: b.source, target: b.text }))).toEqual(rows);
    }
  });
});
