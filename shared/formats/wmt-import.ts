/**
 * A WMT MQM file as a review: one document of one system becomes the article (one paragraph per segment, in
 * document order, with its source), and every rater's error rows become flags stamped with that rater, on the
 * side the `<v>…</v>` span marks (the target; the source for source errors and omissions). The newer layout's
 * metadata travels along: its note becomes the flag's comment, and a span or status it records is used.
 *
 * A file holds many documents and systems; the caller picks one of each, and a file with several and no choice
 * is refused with the list to choose from, since guessing would review the wrong text.
 */
import type { Annotation, Block, Severity, Side } from '../model';
import { fail, ok, type Result } from '../result';
import type { WmtMqmFile, WmtRating, WmtSegment } from './wmt-tsv';

/** A flag of the file, before a review gives it an id, a paragraph id and a time. */
export type WmtFlag = Omit<Annotation, 'id' | 'paragraphId'> & { readonly paragraph: number };

export interface WmtReview {
  readonly doc: string;
  readonly system: string;
  /** One per segment, in document order; `ref` is the segment's global id. */
  readonly blocks: readonly Block[];
  readonly flags: readonly WmtFlag[];
  /** Every rater who rated a segment of this document and system, flags or not. */
  readonly raters: readonly string[];
  /** Rows that could not become flags, in words. */
  readonly warnings: readonly string[];
}

const SEVERITIES: Readonly<Record<string, Severity>> = { minor: 'minor', major: 'major', critical: 'critical', neutral: 'neutral' };
/** Rows that say a segment was read and found without error (or could not be rated): no flag. */
const NOT_ERRORS = /^(no-error|no error|non-rateable|unrateable|hotw)/i;

/** The documents of a file, and the systems each has, in the order of their first row. */
export function wmtDocuments(file: WmtMqmFile): ReadonlyMap<string, readonly string[]> {
  const docs = new Map<string, string[]>();
  for (const s of file.segments) {
    const systems = docs.get(s.doc) ?? docs.set(s.doc, []).get(s.doc)!;
    if (!systems.includes(s.system)) systems.push(s.system);
  }
  return docs;
}

const list = (names: readonly string[]): string =>
  names.length <= 20 ? names.join(', ') : `${names.slice(0, 20).join(', ')} and ${names.length - 20} more`;

/** Which document and system to review; refuses an ambiguous or unknown choice with the names to pick from. */
export function chooseWmtDocument(
  file: WmtMqmFile,
  fileName: string,
  doc?: string,
  system?: string,
): Result<{ doc: string; system: string }> {
  const docs = wmtDocuments(file);
  const names = [...docs.keys()];
  let chosenDoc = doc;
  if (chosenDoc === undefined) {
    if (names.length !== 1)
      return fail('bad-request', `${fileName} holds ${names.length} documents; choose one with --doc: ${list(names)}.`);
    chosenDoc = names[0]!;
  }
  const systems = docs.get(chosenDoc);
  if (!systems) return fail('bad-request', `${fileName} has no document "${chosenDoc}"; its documents are: ${list(names)}.`);
  let chosenSystem = system;
  if (chosenSystem === undefined) {
    if (systems.length !== 1)
      return fail(
        'bad-request',
        `${fileName}: document ${chosenDoc} was translated by ${systems.length} systems; choose one with --system: ${list(systems)}.`,
      );
    chosenSystem = systems[0]!;
  }
  if (!systems.includes(chosenSystem)) {
    return fail('bad-request', `${fileName}: document ${chosenDoc} has no system "${chosenSystem}"; its systems are: ${list(systems)}.`);
  }
  return ok({ doc: chosenDoc, system: chosenSystem });
}

function metadataOf(r: WmtRating): Readonly<Record<string, unknown>> {
  return typeof r.metadata === 'object' && r.metadata !== null && !Array.isArray(r.metadata) ? (r.metadata as Record<string, unknown>) : {};
}

const clamp = (n: number, hi: number): number => Math.max(0, Math.min(hi, n));

/** The flag a rating row stands for, or a reason it stands for none. */
function flagOf(
  r: WmtRating,
  segment: WmtSegment,
  paragraph: number,
  target: string,
  source: string,
  importedAt: string,
): WmtFlag | string | undefined {
  if (NOT_ERRORS.test(r.category) || NOT_ERRORS.test(r.severity)) return undefined;
  const severity = SEVERITIES[r.severity.trim().toLowerCase()];
  if (!severity)
    return `line ${r.line}: severity "${r.severity}" is not one Redline flags (minor, major, critical, neutral); the row was left out.`;
  const meta = metadataOf(r);
  const sourceIssue = /^source/i.test(r.category);
  let side: Side = r.span?.side ?? (sourceIssue ? 'source' : 'target');
  if (side === 'source' && segment.source === '') side = 'target';
  const text = side === 'target' ? target : source;
  // Without a <v> span the rater marked the segment as a whole.
  let start = r.span ? r.span.start : 0;
  let end = r.span ? r.span.end : text.length;
  start = clamp(start, text.length);
  end = clamp(end, text.length);
  if (end < start) end = start;
  const status = meta.status === 'fixed' || meta.status === 'dismissed' ? meta.status : 'open';
  const created =
    typeof meta.created === 'string'
      ? meta.created
      : typeof meta.timestamp === 'number' && meta.timestamp > 1e11
        ? new Date(meta.timestamp).toISOString()
        : importedAt;
  return {
    paragraph,
    side,
    start,
    end,
    category: r.category,
    severity,
    comment: typeof meta.note === 'string' ? meta.note : '',
    rater: r.rater,
    origin: { kind: 'person' },
    status,
    created,
  };
}

/** The article and flags of one document as translated by one system. */
export function wmtReview(file: WmtMqmFile, doc: string, system: string, importedAt: string): WmtReview {
  const segments = file.segments.filter((s) => s.doc === doc && s.system === system).sort((a, b) => a.docSegId - b.docSegId);
  const blocks: Block[] = [];
  const flags: WmtFlag[] = [];
  const raters: string[] = [];
  const warnings: string[] = [];
  segments.forEach((segment, paragraph) => {
    // Rows of one segment may differ in trailing white space only; the paragraph is the text without it.
    const target = segment.target.trimEnd();
    const source = segment.source.trimEnd();
    blocks.push({ kind: 'text', text: target, ...(source !== '' ? { source } : {}), ref: segment.globalSegId });
    for (const r of segment.ratings) {
      if (!raters.includes(r.rater)) raters.push(r.rater);
      const flag = flagOf(r, segment, paragraph, target, source, importedAt);
      if (typeof flag === 'string') warnings.push(flag);
      else if (flag) flags.push(flag);
    }
  });
  return { doc, system, blocks, flags, raters, warnings };
}

/** Whether a table is a WMT MQM file: a header naming system, rater and severity, or rows of 9 or 10 fields with a segment position. */
export function looksLikeWmtTsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const fields = first.split('\t').map((f) => f.trim().toLowerCase());
  if (fields[0] === 'system' && fields.includes('rater') && fields.includes('severity')) return true;
  return (fields.length === 9 || fields.length === 10) && /^\d+$/.test(fields[2] ?? '');
}
