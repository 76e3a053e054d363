/**
 * WMT / Google MQM annotation files (tab-separated, one row per error). Two layouts exist:
 * legacy, 9 columns `system doc doc_id seg_id rater source target category severity`, and newer, 10 columns
 * `system doc docSegId globalSegId rater source target category severity metadata` (metadata is JSON).
 * A header row is optional; a field may be quoted with doubled quotes inside. The error span is marked with
 * `<v>…</v>` in the target, or in the source for omissions and source errors; offsets returned here are in the
 * text with the tags removed. Text in, model out: the caller reads the file.
 */
import type { Side } from '../model';
import { fail, ok, type Result } from '../result';

export type WmtLayout = 'legacy' | 'newer';

export interface WmtSpan {
  readonly side: Side;
  /** UTF-16 offsets in the segment's text without `<v>` tags; equal for an omission point. */
  readonly start: number;
  readonly end: number;
}

/** One row of the file: one error by one rater, or a `No-error` row saying the rater found none. */
export interface WmtRating {
  readonly line: number;
  readonly rater: string;
  readonly category: string;
  readonly severity: string;
  readonly span?: WmtSpan;
  /** The newer layout's metadata column, parsed; absent when empty or in the legacy layout. */
  readonly metadata?: unknown;
}

/** One translated segment of one system, with every rating of it. */
export interface WmtSegment {
  readonly system: string;
  readonly doc: string;
  /** 1-based position of the segment in its document. */
  readonly docSegId: number;
  /** The segment id across the whole test set, as written in the file. */
  readonly globalSegId: string;
  readonly source: string;
  readonly target: string;
  readonly ratings: readonly WmtRating[];
}

export interface WmtMqmFile {
  readonly layout: WmtLayout;
  readonly hasHeader: boolean;
  /** Segments in the order of their first row. */
  readonly segments: readonly WmtSegment[];
  /** Oddities that do not stop scoring (a stray `<v>`, rows of one segment with different texts). */
  readonly warnings: readonly string[];
}

interface Field {
  readonly value: string;
  /** 1-based character column where the field starts. */
  readonly column: number;
}

interface TsvRecord {
  readonly line: number;
  readonly values: readonly string[];
  /** 1-based columns where the fields start, from the careful reader; the quick reader's are worked out on demand. */
  readonly columns?: readonly number[];
}

/** The 1-based character column where field `k` of a record starts (for messages only). */
function columnOf(record: TsvRecord, k: number): number {
  if (record.columns) return record.columns[k]!;
  let column = 1;
  for (let i = 0; i < k; i++) column += record.values[i]!.length + 1;
  return column;
}

/**
 * Reads text as records of tab-separated fields, one at a time, so a long file's rows die young instead of all
 * being held at once (holding 100,000 of them made the garbage collector a third of the parse). A field that
 * starts with `"` and ends with `"` before a tab or line end is quoted (doubled quotes inside, may span lines);
 * any other quote is plain text, so a translation that merely begins with a quotation mark is read as written.
 */
class RecordReader {
  private at = 0;
  private line = 1;
  /** Where the next `\t"` and CR are (-1: none left), each searched for again only once passed: one scan in all. */
  private quoteAt = -2;
  private crAt = -2;

  constructor(private readonly text: string) {}

  /** The next record, or undefined at the end of the text. */
  next(): TsvRecord | undefined {
    const text = this.text;
    const n = text.length;
    // Most lines have no field that starts with a quote and no CR: they are split with indexOf and split(),
    // several times faster than reading character by character; other lines go to the careful reader below.
    while (this.at < n) {
      const at = this.at;
      let end = text.indexOf('\n', at);
      if (end < 0) end = n;
      let stop = end;
      if (stop > at && text.charCodeAt(stop - 1) === 13) stop--;
      if (this.quoteAt !== -1 && this.quoteAt < at) this.quoteAt = text.indexOf('\t"', at);
      if (this.crAt !== -1 && this.crAt < at) this.crAt = text.indexOf('\r', at);
      const careful = text.charCodeAt(at) === 34 || (this.quoteAt >= 0 && this.quoteAt < stop) || (this.crAt >= 0 && this.crAt < stop);
      if (careful) {
        const read = readRecordCarefully(text, at, this.line);
        this.at = read.next;
        this.line = read.line;
        if (read.record) return read.record;
        continue;
      }
      const line = this.line;
      this.at = end + 1;
      this.line++;
      if (stop > at) return { line, values: text.slice(at, stop).split('\t') };
    }
    return undefined;
  }
}

/**
 * The careful reader: one record from `from` on, with quoted fields (which may span lines) and CR line ends.
 * Returns where the next record starts, so the quick reader carries on after it.
 */
function readRecordCarefully(text: string, from: number, firstLine: number): { record?: TsvRecord; next: number; line: number } {
  const fields: Field[] = [];
  let line = firstLine;
  const recordLine = firstLine;
  let lineStart = from;
  let i = from;
  const n = text.length;
  const atBreak = (k: number): boolean => k >= n || text[k] === '\t' || text[k] === '\n' || text[k] === '\r';
  while (i <= n) {
    const column = i - lineStart + 1;
    let value: string | undefined;
    if (text[i] === '"') {
      let k = i + 1;
      let out = '';
      let newlines = 0;
      let lastBreak = -1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) break;
        if (text[q + 1] === '"') {
          out += text.slice(k, q + 1);
          k = q + 2;
          continue;
        }
        if (atBreak(q + 1)) {
          out += text.slice(k, q);
          for (let j = i; j < q; j++) {
            if (text[j] === '\n') {
              newlines++;
              lastBreak = j;
            }
          }
          value = out;
          i = q + 1;
        }
        break;
      }
      if (value !== undefined && newlines > 0) {
        line += newlines;
        lineStart = lastBreak + 1;
      }
    }
    if (value === undefined) {
      let k = i;
      while (!atBreak(k)) k++;
      value = text.slice(i, k);
      i = k;
    }
    fields.push({ value, column });
    if (i < n && text[i] === '\t') {
      i++;
      continue;
    }
    // End of record: skip \r\n, \n or \r.
    const record =
      fields.length === 1 && fields[0]!.value === ''
        ? undefined
        : { line: recordLine, values: fields.map((f) => f.value), columns: fields.map((f) => f.column) };
    if (i < n) i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    return { ...(record ? { record } : {}), next: i >= n ? n + 1 : i, line: line + 1 };
  }
  return { next: n + 1, line };
}

/**
 * Where `stripSpans` found the first complete span of a field (start -1: none), and whether a tag was unbalanced.
 * One is kept per column and filled again for each row: a published file has hundreds of thousands of rows.
 */
class Marks {
  start = -1;
  end = -1;
  stray = false;
}

/** Removes `<v>` and `</v>`, noting in `marks` the first marked span in the cleaned text. */
function stripSpans(marked: string, marks: Marks): string {
  marks.start = -1;
  marks.end = -1;
  marks.stray = false;
  let open = marked.indexOf('<v>');
  let close = marked.indexOf('</v>');
  if (open < 0 && close < 0) return marked;
  let out = '';
  let start: number | undefined;
  let i = 0;
  for (;;) {
    // A search starts again only once its last find is used up, so a field full of tags is read once, not once per tag.
    if (open >= 0 && open < i) open = marked.indexOf('<v>', i);
    if (close >= 0 && close < i) close = marked.indexOf('</v>', i);
    if (open < 0 && close < 0) break;
    if (open >= 0 && (close < 0 || open < close)) {
      out += marked.slice(i, open);
      if (start !== undefined) marks.stray = true;
      start = out.length;
      i = open + 3;
    } else {
      out += marked.slice(i, close);
      if (start === undefined) marks.stray = true;
      else if (marks.start < 0) {
        marks.start = start;
        marks.end = out.length;
      }
      start = undefined;
      i = close + 4;
    }
  }
  out += marked.slice(i);
  if (start !== undefined) marks.stray = true;
  return out;
}

/** What a column holds; a file's header names them, else the layout's order gives them. */
type ColumnRole = 'system' | 'doc' | 'docSegId' | 'globalSegId' | 'rater' | 'source' | 'target' | 'category' | 'severity' | 'metadata';

const LEGACY_ORDER: readonly ColumnRole[] = [
  'system',
  'doc',
  'docSegId',
  'globalSegId',
  'rater',
  'source',
  'target',
  'category',
  'severity',
];
/** The newer files' ten columns, in order: what `redline export --format tsv` writes as its header too. */
export const NEWER_ORDER: readonly ColumnRole[] = [...LEGACY_ORDER, 'metadata'];

/**
 * Header names as published, lower-cased with `_`, `-` and spaces removed. The legacy files call the segment's
 * position in its document `doc_id` and the global id `seg_id`; the newer ones `docSegId`/`doc_seg_id` and
 * `globalSegId`/`global_seg_id`. Older 10-column files called the metadata column `note`.
 */
const HEADER_NAMES: Readonly<Record<string, ColumnRole>> = {
  system: 'system',
  doc: 'doc',
  docid: 'docSegId',
  docsegid: 'docSegId',
  segid: 'globalSegId',
  globalsegid: 'globalSegId',
  rater: 'rater',
  source: 'source',
  target: 'target',
  category: 'category',
  severity: 'severity',
  metadata: 'metadata',
  note: 'metadata',
};

const REQUIRED_ROLES: readonly ColumnRole[] = LEGACY_ORDER;

function isHeader(record: TsvRecord): boolean {
  const names = record.values.map((v) => v.trim().toLowerCase());
  return names[0] === 'system' && names.includes('rater') && names.includes('severity');
}

/** Where each column is, from the header's names (unknown names and `# ...` documentation fields are skipped). */
interface Columns {
  readonly layout: WmtLayout;
  readonly at: Readonly<Record<ColumnRole, number | undefined>>;
  /** Fields a row needs: up to the last named column. */
  readonly width: number;
  /** Fields a row may have: the header's count (a trailing documentation field has no value in data rows). */
  readonly maxWidth: number;
}

function columnsOf(order: readonly ColumnRole[], maxWidth: number): Columns {
  const at = Object.fromEntries(order.map((role, i) => [role, i])) as Record<ColumnRole, number | undefined>;
  return { layout: order.length === 10 ? 'newer' : 'legacy', at, width: order.length, maxWidth };
}

function columnsFromHeader(header: TsvRecord, fileName: string): Result<Columns> {
  const at: Partial<Record<ColumnRole, number>> = {};
  let width = 0;
  header.values.forEach((v, i) => {
    const role =
      HEADER_NAMES[
        v
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, '')
      ];
    if (role !== undefined && at[role] === undefined) {
      at[role] = i;
      width = i + 1;
    }
  });
  const missing = REQUIRED_ROLES.filter((r) => at[r] === undefined);
  if (missing.length > 0) {
    return fail(
      'parse-error',
      `${fileName} line ${header.line}: the header names no ${missing.join(', ')} column; a WMT MQM TSV file needs ${REQUIRED_ROLES.join(', ')}.`,
    );
  }
  const full = { ...at } as Record<ColumnRole, number | undefined>;
  return ok({ layout: at.metadata !== undefined ? 'newer' : 'legacy', at: full, width, maxWidth: Math.max(width, header.values.length) });
}

/**
 * Parses a WMT MQM TSV file into segments with their ratings. A header, when there is one, is read by its column
 * names, not its field count: a published 10-column file's header carries an eleventh documentation field that
 * data rows lack. Errors name the file, line and column:
 * `mqm.tsv line 12: expected 9 tab-separated fields (legacy layout), found 7`.
 */
export function parseWmtTsv(text: string, fileName: string): Result<WmtMqmFile> {
  const records = new RecordReader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const first = records.next();
  if (first === undefined) return fail('empty', `${fileName} has no rows.`);
  const hasHeader = isHeader(first);
  let columns: Columns;
  if (hasHeader) {
    const read = columnsFromHeader(first, fileName);
    if (!read.ok) return read;
    columns = read.value;
  } else {
    const width = first.values.length;
    if (width !== 9 && width !== 10) {
      const what = width === 1 ? 'no tab-separated fields' : `${width} tab-separated fields`;
      return fail(
        'parse-error',
        `${fileName} line ${first.line}: not a WMT MQM TSV file: found ${what}, expected 9 (legacy) or 10 (newer).`,
      );
    }
    columns = width === 9 ? columnsOf(LEGACY_ORDER, 9) : columnsOf(NEWER_ORDER, 10);
  }
  const layout = columns.layout;
  // Each segment is made once, with the list its later rows' ratings join, and listed in the order of its first row.
  const segments: WmtSegment[] = [];
  /** Segment key → its place in `segments`; `firstLines` holds each one's first row, for messages. */
  const known = new Map<string, number>();
  const firstLines: number[] = [];
  const warnings: string[] = [];
  const at = columns.at;
  const [iSystem, iDoc, iDocSeg, iGlobalSeg, iRater, iSource, iTarget, iCategory, iSeverity] = REQUIRED_ROLES.map((r) => at[r]!) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const iMeta = at.metadata;
  const words = new Words();
  const sourceMarks = new Marks();
  const targetMarks = new Marks();
  for (let record = hasHeader ? records.next() : first; record !== undefined; record = records.next()) {
    const count = record.values.length;
    if (count < columns.width || count > columns.maxWidth) {
      const expected = columns.width === columns.maxWidth ? `${columns.width}` : `${columns.width} to ${columns.maxWidth}`;
      return fail(
        'parse-error',
        `${placeOf(fileName, record)}: expected ${expected} tab-separated fields (${layout} layout), found ${count}.`,
      );
    }
    const f = record.values;
    const docSegText = f[iDocSeg]!;
    const docSegId = Number(docSegText.trim());
    if (!Number.isInteger(docSegId) || docSegId < 1) {
      return fail(
        'parse-error',
        `${placeOf(fileName, record)}, column ${columnOf(record, iDocSeg)}: the segment's position in its document must be a whole number from 1, found "${docSegText}".`,
      );
    }
    let metadata: unknown;
    const metaText = iMeta === undefined ? undefined : f[iMeta];
    if (metaText !== undefined && metaText.trim() !== '') {
      try {
        metadata = JSON.parse(metaText);
      } catch {
        return fail(
          'parse-error',
          `${placeOf(fileName, record)}, column ${columnOf(record, iMeta!)}: the metadata column is not valid JSON.`,
        );
      }
    }
    const source = stripSpans(f[iSource]!, sourceMarks);
    const target = stripSpans(f[iTarget]!, targetMarks);
    if (sourceMarks.stray || targetMarks.stray)
      warnings.push(`${placeOf(fileName, record)}: unbalanced <v> tags; the first complete span is used.`);
    const span: WmtSpan | undefined =
      targetMarks.start >= 0
        ? { side: 'target', start: targetMarks.start, end: targetMarks.end }
        : sourceMarks.start >= 0
          ? { side: 'source', start: sourceMarks.start, end: sourceMarks.end }
          : undefined;
    // Built field by field rather than with spreads: a published file has hundreds of thousands of rows.
    const rating: { -readonly [K in keyof WmtRating]: WmtRating[K] } = {
      line: record.line,
      rater: words.of(f[iRater]!.trim()),
      category: words.of(f[iCategory]!.trim()),
      severity: words.of(f[iSeverity]!.trim()),
    };
    if (span) rating.span = span;
    if (metadata !== undefined) rating.metadata = metadata;
    // Segments are keyed by their ids; rows of one segment may differ in trailing white space only. A file lists
    // a segment's rows together, so the row before is asked first and the map only when it is another segment.
    const system = words.of(f[iSystem]!.trim());
    const doc = words.of(f[iDoc]!.trim());
    const last = segments.length - 1;
    const previous = segments[last];
    const same = previous !== undefined && previous.docSegId === docSegId && previous.system === system && previous.doc === doc;
    const key = same ? undefined : segmentKey(system, doc, docSegId);
    const place = key === undefined ? last : known.get(key);
    if (place !== undefined) {
      const earlier = segments[place]!;
      (earlier.ratings as WmtRating[]).push(rating);
      if (!sameText(earlier.source, source) || !sameText(earlier.target, target)) {
        const line = firstLines[place]!;
        warnings.push(`${placeOf(fileName, record)}: the text of this segment differs from line ${line}; line ${line} is kept.`);
      }
    } else {
      known.set(key!, segments.length);
      segments.push({ system, doc, docSegId, globalSegId: f[iGlobalSeg]!.trim(), source, target, ratings: [rating] });
      firstLines.push(record.line);
    }
  }
  return ok({ layout, hasHeader, segments, warnings });
}

/** A segment's key: its system's length first, so that a quoted system or document holding a tab is never another's. */
function segmentKey(system: string, doc: string, docSegId: number): string {
  return `${system.length}\t${system}\t${doc}\t${docSegId}`;
}

/** "file line N", for messages (made only when needed: most rows need none). */
function placeOf(fileName: string, record: TsvRecord): string {
  return `${fileName} line ${record.line}`;
}

/**
 * One string for each rater, category, severity, system and document name: a file repeats a few hundred of them
 * over 100,000 rows, and keeping one copy per row made that many more objects for the garbage collector to trace.
 */
class Words {
  private readonly known = new Map<string, string>();

  of(word: string): string {
    const known = this.known.get(word);
    if (known !== undefined) return known;
    this.known.set(word, word);
    return word;
  }
}

/** Two texts of one segment's rows agree when they differ in trailing white space only. */
function sameText(a: string, b: string): boolean {
  return a === b || a.trimEnd() === b.trimEnd();
}
