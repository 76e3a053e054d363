/**
 * A review seen as a WMT MQM file, so that the command line scores reviews and WMT files the same way: one
 * system and document (the review), one segment per paragraph, and for every rater who flagged anything a
 * No-error row on each paragraph, since a reviewer reads the whole article. The scores then equal the live
 * article score (see `article-scorer.ts`). Dismissed flags are left out.
 */
import type { Annotation, Paragraph } from '../model';
import type { WmtMqmFile, WmtRating } from '../formats/wmt-tsv';

/** Placeholder rater when nobody flagged anything: every paragraph is still a rated, error-free segment. */
const NOBODY = '-';

/** The review's paragraphs and flags as WMT segments and ratings, ready for `scoreWmtFile`. */
export function reviewAsWmtFile(name: string, paragraphs: readonly Paragraph[], annotations: readonly Annotation[]): WmtMqmFile {
  const counted = annotations.filter((a) => a.status !== 'dismissed');
  const raters = [...new Set(counted.map((a) => a.rater))];
  const byParagraph = new Map<string, WmtRating[]>();
  for (const a of counted) {
    const list = byParagraph.get(a.paragraphId) ?? [];
    const span = { side: a.side, start: a.start, end: a.end };
    list.push({ line: 0, rater: a.rater, category: a.category, severity: a.severity, span });
    byParagraph.set(a.paragraphId, list);
  }
  return {
    layout: 'newer',
    hasHeader: false,
    warnings: [],
    segments: paragraphs.map((p) => ({
      system: name,
      doc: name,
      docSegId: p.index + 1,
      globalSegId: p.id,
      source: p.source ?? '',
      target: p.target,
      ratings: [
        ...(raters.length === 0 ? [NOBODY] : raters).map((rater): WmtRating => ({
          line: 0,
          rater,
          category: 'No-error',
          severity: 'No-error',
        })),
        ...(byParagraph.get(p.id) ?? []),
      ],
    })),
  };
}
