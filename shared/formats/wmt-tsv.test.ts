import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWmtTsv, type WmtMqmFile } from './wmt-tsv';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', 'wmt', name), 'utf8');

function parsed(text: string): WmtMqmFile {
  const r = parseWmtTsv(text, 'mqm.tsv');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function failure(text: string): string {
  const r = parseWmtTsv(text, 'mqm.tsv');
  if (r.ok) throw new Error('expected a failure');
  return r.error.message;
}

describe('WMT MQM TSV, legacy layout', () => {
  const file = parsed(fixture('legacy-small.tsv'));

  it('recognises the header and the 9-column layout', () => {
    expect(file.layout).toBe('legacy');
    expect(file.hasHeader).toBe(true);
  });

  it('groups rows into one segment per system, document and position', () => {
    expect(file.segments.map((s) => `${s.system} ${s.doc} ${s.docSegId}`)).toEqual([
      'sysA d1 1',
      'sysA d1 2',
      'sysA d2 1',
      'sysB d1 1',
      'sysB d1 2',
      'sysB d2 1',
    ]);
    expect(file.segments[0]!.ratings.map((r) => r.rater)).toEqual(['r1', 'r1', 'r2']);
  });

  it('keeps rows that differ only by trailing white space in the same segment, without a warning', () => {
    const sysB = file.segments[3]!;
    expect(sysB.ratings).toHaveLength(2);
    expect(sysB.target).toBe('Das Haus ist rot. ');
    expect(file.warnings).toEqual([]);
  });

  it('gives the error span as offsets in the text without <v> tags', () => {
    const seg = file.segments[0]!;
    expect(seg.target).toBe('Das Haus ist rot.');
    expect(seg.ratings[0]!.span).toEqual({ side: 'target', start: 4, end: 8 });
    expect(seg.ratings[1]!.span).toEqual({ side: 'target', start: 16, end: 17 });
    expect(seg.ratings[2]!.span).toBeUndefined();
  });

  it('takes the span of an omission from the source', () => {
    const seg = file.segments[1]!;
    expect(seg.source).toBe('Come here now.');
    expect(seg.ratings[0]!.span).toEqual({ side: 'source', start: 0, end: 4 });
  });

  it('unquotes a quoted field and leaves a text that merely starts with a quote as written', () => {
    const seg = file.segments[4]!;
    expect(seg.source).toBe('Come "here" now.');
    expect(seg.target).toBe('"Komm", sagte sie.');
  });

  it('reads a No-error row as a rating without a span', () => {
    expect(file.segments[0]!.ratings[2]).toMatchObject({ category: 'No-error', severity: 'No-error' });
  });
});

describe('WMT MQM TSV, newer layout', () => {
  const file = parsed(fixture('newer-small.tsv'));

  it('reads 10 columns without a header, with JSON metadata', () => {
    expect(file.layout).toBe('newer');
    expect(file.hasHeader).toBe(false);
    expect(file.segments[0]!.globalSegId).toBe('101');
    expect(file.segments[0]!.ratings[0]!.metadata).toEqual({ timestamp: 1, note: 'x' });
    expect(file.segments[1]!.ratings[0]!.metadata).toBeUndefined();
  });

  it('marks an empty <v></v> as an omission point', () => {
    expect(file.segments[0]!.target).toBe('Die Preise stiegen.');
    expect(file.segments[0]!.ratings[0]!.span).toEqual({ side: 'target', start: 11, end: 11 });
  });
});

describe('WMT MQM TSV headers are read by their names', () => {
  const row = (...fields: string[]): string => fields.join('\t');

  it('reads a 10-column file whose header carries an eleventh documentation field that rows lack', () => {
    const header = row(
      'system',
      'doc',
      'docSegId',
      'globalSegId',
      'rater',
      'source',
      'target',
      'category',
      'severity',
      'metadata',
      '# Documentation: see the readme',
    );
    const text = [
      header,
      row('sysA', 'doc1', '1', '11', 'r1', 'It is late.', 'Es ist <v>spät</v>.', 'Fluency/Grammar', 'Minor', '{"note":"ok"}'),
      row('sysA', 'doc1', '2', '12', 'r1', 'Go.', 'Geh.', 'No-error', 'No-error', '{}'),
    ].join('\n');
    const file = parsed(text);
    expect(file.layout).toBe('newer');
    expect(file.hasHeader).toBe(true);
    expect(file.segments).toHaveLength(2);
    expect(file.segments[0]!.ratings[0]).toMatchObject({
      category: 'Fluency/Grammar',
      metadata: { note: 'ok' },
      span: { side: 'target', start: 7, end: 11 },
    });
  });

  it('finds columns by name whatever their order and spelling', () => {
    const text = [
      row('system', 'rater', 'doc', 'doc_seg_id', 'global_seg_id', 'source', 'target', 'severity', 'category', 'metadata'),
      row('sysB', 'r9', 'd', '3', '7', 'Hi.', '<v>Hallo</v>.', 'Major', 'Accuracy/Mistranslation', ''),
    ].join('\n');
    const seg = parsed(text).segments[0]!;
    expect(seg).toMatchObject({ system: 'sysB', doc: 'd', docSegId: 3, globalSegId: '7', target: 'Hallo.' });
    expect(seg.ratings[0]).toMatchObject({ rater: 'r9', severity: 'Major', category: 'Accuracy/Mistranslation' });
  });

  it('reads a legacy header (doc_id is the position in the document, seg_id the global id)', () => {
    const text = [
      row('system', 'doc', 'doc_id', 'seg_id', 'rater', 'source', 'target', 'category', 'severity'),
      row('s', 'talk', '2', '355', 'r', 'a', 'b', 'No-error', 'No-error'),
    ].join('\n');
    const file = parsed(text);
    expect(file.layout).toBe('legacy');
    expect(file.segments[0]).toMatchObject({ docSegId: 2, globalSegId: '355' });
  });

  it('says which columns a header lacks', () => {
    expect(failure(row('system', 'doc', 'rater', 'severity'))).toMatch(
      /^mqm\.tsv line 1: the header names no docSegId, globalSegId, source, target, category column/,
    );
  });
});

describe('WMT MQM TSV, odd and bad input', () => {
  const row = (...fields: string[]): string => fields.join('\t');
  const good = row('s', 'd', '1', '1', 'r', 'src', 'tgt', 'No-error', 'No-error');

  it('accepts CRLF line ends, a BOM and a quoted field spanning lines', () => {
    const text = `\uFEFF${good}\r\n${row('s', 'd', '2', '2', 'r', '"two\nlines"', 'x', 'Other', 'Minor')}\r\n${good.replace('\t1\t1\t', '\t3\t3\t')}\r\n`;
    const file = parsed(text);
    expect(file.segments.map((s) => s.source)).toEqual(['src', 'two\nlines', 'src']);
    expect(file.segments[2]!.ratings[0]!.line).toBe(4);
  });

  it('names the line of a row with the wrong number of fields', () => {
    expect(failure(`${good}\n${good}\n${row('s', 'd', '1', '1', 'r', 'src', 'tgt')}\n`)).toBe(
      'mqm.tsv line 3: expected 9 tab-separated fields (legacy layout), found 7.',
    );
  });

  it('names line and column of a bad segment position and of bad metadata', () => {
    expect(failure(`${good}\n${row('s', 'd', 'x', '1', 'r', 'src', 'tgt', 'No-error', 'No-error')}`)).toBe(
      'mqm.tsv line 2, column 5: the segment\'s position in its document must be a whole number from 1, found "x".',
    );
    expect(failure(row('s', 'd', '1', '1', 'r', 'a', 'b', 'Other', 'Minor', '{oops'))).toBe(
      'mqm.tsv line 1, column 27: the metadata column is not valid JSON.',
    );
  });

  it('refuses text that is not a WMT TSV at all', () => {
    expect(failure('just a sentence\nand another')).toMatch(/^mqm\.tsv line 1: not a WMT MQM TSV file/);
    expect(failure('\n\n')).toBe('mqm.tsv has no rows.');
  });

  it('keeps apart two segments whose system and document differ only in where a quoted tab falls', () => {
    const file = parsed(
      `${row('"a\tb"', 'c', '1', '1', 'r', 'x', 'y', 'No-error', 'No-error')}\n${row('a', '"b\tc"', '1', '1', 'r', 'x', 'y', 'No-error', 'No-error')}\n`,
    );
    expect(file.segments.map((s) => [s.system, s.doc])).toEqual([
      ['a\tb', 'c'],
      ['a', 'b\tc'],
    ]);
  });

  it("joins a segment's later rows to it when other segments come between", () => {
    const other = good.replace('\t1\t1\t', '\t2\t2\t');
    const file = parsed(`${good}\n${other}\n${good.replace('\tr\t', '\tr2\t')}\n`);
    expect(file.segments.map((s) => s.ratings.map((r) => r.line))).toEqual([[1, 3], [2]]);
  });

  it('warns about a stray <v> and about rows of one segment with different texts', () => {
    const file = parsed(`${good}\n${row('s', 'd', '1', '1', 'r2', 'src', 'other <v>tgt', 'Other', 'Minor')}\n`);
    expect(file.warnings).toEqual([
      'mqm.tsv line 2: unbalanced <v> tags; the first complete span is used.',
      'mqm.tsv line 2: the text of this segment differs from line 1; line 1 is kept.',
    ]);
  });
});
