/**
 * Bilingual tables: one segment per row, the source text and its translation side by side, tab-separated (TSV)
 * or comma-separated (CSV). Quoting follows RFC 4180 in both: a field that starts with `"` runs to the next lone
 * `"`, holding delimiters and line breaks, with `""` for a quote inside. A header row is optional; when there is
 * one, the columns are found by name (source/src, target/translation/mt), else the first is the source and the
 * second the translation. Each row becomes a paragraph whose `ref` is its line number.
 */
import type { Block } from '../model';
import { fail, ok, type Result } from '../result';

export type Delimiter = '\t' | ',';

interface Row {
  readonly line: number;
  readonly fields: readonly string[];
}

/** Splits a table into rows. Fails on a quoted field that never closes, naming where it opened. */
export function readTable(text: string, delimiter: Delimiter, fileName: string): Result<Row[]> {
  const rows: Row[] = [];
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  for (;;) {
    let value = '';
    if (text[i] === '"') {
      const openLine = line;
      const openColumn = i - Math.max(text.lastIndexOf('\n', i - 1) + 1, 0) + 1;
      let k = i + 1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) return fail('parse-error', `${fileName} line ${openLine}, column ${openColumn}: a quoted field is never closed.`);
        value += text.slice(k, q);
        if (text[q + 1] === '"') {
          value += '"';
          k = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      for (let j = i; j < k; j++) if (text[j] === '\n') line++;
      i = k;
      // Text after the closing quote (`"a"b`) is kept as written: lenient, as spreadsheets are.
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    } else {
      const start = i;
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
    }
    fields.push(value);
    if (i < n && text[i] === delimiter) {
      i++;
      continue;
    }
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    if (i >= n) break;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    rowLine = line;
  }
  return ok(rows);
}

const SOURCE_NAMES = /^(source|src|source text|original)$/i;
const TARGET_NAMES = /^(target|tgt|translation|target text|mt|hyp|hypothesis)$/i;

/** The delimiter a file's name or first line implies: CSV by extension, else a tab when the first line has one. */
export function delimiterFor(fileName: string, text: string): Delimiter {
  if (/\.csv$/i.test(fileName)) return ',';
  if (/\.tsv$/i.test(fileName)) return '\t';
  const first = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  return first.includes('\t') ? '\t' : ',';
}

/** Reads a bilingual table as paragraphs with their source. */
export function readBilingualTable(text: string, fileName: string, delimiter = delimiterFor(fileName, text)): Result<Block[]> {
  const rows = readTable(text.replace(/^\uFEFF/, ''), delimiter, fileName);
  if (!rows.ok) return rows;
  if (rows.value.length === 0) return ok([]);
  const head = rows.value[0]!.fields.map((f) => f.trim());
  let sourceAt = head.findIndex((f) => SOURCE_NAMES.test(f));
  let targetAt = head.findIndex((f) => TARGET_NAMES.test(f));
  const hasHeader = sourceAt >= 0 || targetAt >= 0;
  if (!hasHeader) {
    sourceAt = 0;
    targetAt = 1;
  } else if (sourceAt < 0 || targetAt < 0) {
    return fail(
      'parse-error',
      `${fileName} line ${rows.value[0]!.line}: the header names ${sourceAt < 0 ? 'no source column (source, src)' : 'no translation column (target, translation, mt)'}.`,
    );
  }
  const what = delimiter === '\t' ? 'tab-separated' : 'comma-separated';
  const blocks: Block[] = [];
  for (const row of hasHeader ? rows.value.slice(1) : rows.value) {
    if (row.fields.length <= Math.max(sourceAt, targetAt)) {
      return fail(
        'parse-error',
        `${fileName} line ${row.line}: expected a source and a translation (${Math.max(sourceAt, targetAt) + 1} ${what} fields), found ${row.fields.length}.`,
      );
    }
    const source = row.fields[sourceAt]!;
    const target = row.fields[targetAt]!;
    blocks.push({ kind: 'text', text: target, ...(source !== '' ? { source } : {}), ref: String(row.line) });
  }
  return ok(blocks);
}

/** A field quoted as RFC 4180 asks when it holds the delimiter, a quote or a line break. */
export function tableField(value: string, delimiter: Delimiter): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A bilingual table with a `source`/`target` header. */
export function writeBilingualTable(rows: readonly { readonly source: string; readonly target: string }[], delimiter: Delimiter): string {
  return [...bilingualTablePieces(rows, delimiter, rows.length)].join('');
}

/**
 * The table `writeBilingualTable` writes, in pieces of `perPiece` rows each (the first with the header line): a
 * caller that works in steps makes one piece a step.
 */
export function* bilingualTablePieces(
  rows: readonly { readonly source: string; readonly target: string }[],
  delimiter: Delimiter,
  perPiece: number,
): Generator<string> {
  const line = (a: string, b: string) => `${tableField(a, delimiter)}${delimiter}${tableField(b, delimiter)}\r\n`;
  let out = line('source', 'target');
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % perPiece === 0) {
      yield out;
      out = '';
    }
    out += line(rows[i]!.source, rows[i]!.target);
  }
  yield out;
}
