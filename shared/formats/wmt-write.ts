/**
 * A review as a WMT MQM TSV file, newer 10-column layout with a header: one row per flag, the flagged span in
 * `<v>…</v>` on its side, and a `No-error` row for each rater who read a paragraph and flagged nothing in it.
 * The metadata column keeps what the columns cannot: the note (the flag's comment), the span's side and
 * offsets, the status and the creation time, so importing the file again gives the same flags and so the same
 * scores. Dismissed flags are left out, as scoring leaves them out.
 */
import type { Annotation, Paragraph, Severity } from '../model';
import { NEWER_ORDER } from './wmt-tsv';

/** The header row: the newer WMT layout's ten columns, as the reader names them. */
export const WMT_HEADER = NEWER_ORDER;

/** A field as the reader takes it back: quoted (doubled quotes inside) when it holds a tab, a line break or starts with a quote. */
export function tsvField(value: string): string {
  return /[\t\n\r]/.test(value) || value.startsWith('"') ? `"${value.replace(/"/g, '""')}"` : value;
}

function marked(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}<v>${text.slice(start, end)}</v>${text.slice(end)}`;
}

const SEVERITY_WORD: Readonly<Record<Severity, string>> = { neutral: 'Neutral', minor: 'Minor', major: 'Major', critical: 'Critical' };

/**
 * The file's text. `raters` who read the article (besides those who flagged) get No-error rows; when nobody is
 * known, `fallbackRater` does, so every paragraph is a rated segment.
 */
export function writeWmtTsv(
  system: string,
  doc: string,
  paragraphs: readonly Paragraph[],
  annotations: readonly Annotation[],
  raters: readonly string[],
  fallbackRater: string,
): string {
  return [...wmtTsvPieces([system, doc, paragraphs, annotations, raters, fallbackRater], paragraphs.length)].join('');
}

/**
 * The file `writeWmtTsv` writes (given its arguments), in pieces of the rows of `perPiece` paragraphs each (the
 * first with the header): a caller that works in steps makes one piece a step.
 */
export function* wmtTsvPieces(file: Parameters<typeof writeWmtTsv>, perPiece: number): Generator<string> {
  const [system, doc, paragraphs, annotations, raters, fallbackRater] = file;
  const counted = annotations.filter((a) => a.status !== 'dismissed');
  const everyone = [...new Set([...raters, ...counted.map((a) => a.rater)])];
  if (everyone.length === 0) everyone.push(fallbackRater);
  const byParagraph = new Map<string, Annotation[]>();
  for (const a of counted) (byParagraph.get(a.paragraphId) ?? byParagraph.set(a.paragraphId, []).get(a.paragraphId)!).push(a);
  let rows: string[] = [WMT_HEADER.join('\t')];
  const row = (p: Paragraph, rater: string, source: string, target: string, category: string, severity: string, metadata: object) =>
    [system, doc, String(p.index + 1), p.ref ?? String(p.index + 1), rater, source, target, category, severity, JSON.stringify(metadata)]
      .map(tsvField)
      .join('\t');
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0 && i % perPiece === 0) {
      yield `${rows.join('\n')}\n`;
      rows = [];
    }
    const p = paragraphs[i]!;
    if (p.alignment === 'source-only') continue;
    const flags = byParagraph.get(p.id) ?? [];
    const source = p.source ?? '';
    for (const rater of everyone) {
      const own = flags.filter((a) => a.rater === rater);
      if (own.length === 0) {
        rows.push(row(p, rater, source, p.target, 'No-error', 'No-error', {}));
        continue;
      }
      for (const a of own) {
        const metadata = { note: a.comment, side: a.side, start: a.start, end: a.end, status: a.status, created: a.created };
        const target = a.side === 'target' ? marked(p.target, a.start, a.end) : p.target;
        const src = a.side === 'source' ? marked(source, a.start, a.end) : source;
        rows.push(row(p, rater, src, target, a.category, SEVERITY_WORD[a.severity], metadata));
      }
    }
  }
  if (rows.length > 0) yield `${rows.join('\n')}\n`;
}
