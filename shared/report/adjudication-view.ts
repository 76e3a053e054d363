/**
 * What the app's adjudication screen shows: every paragraph with a flag, the paragraphs where the raters disagree
 * most first (in the order of the report's "paragraphs to adjudicate"), then the others in article order; each with
 * its text and every rater's flags together. Plain data, built from the reviews and the report's order.
 */
import type { Severity, Side } from '../model';
import { flagRef, identicalKey, mergedWithoutAsking, type FlagRef } from './adjudication';
import type { ReportReview } from './build-report';

/**
 * Paragraphs listed at most: a screen a person works through by hand. Flags of paragraphs beyond it are kept as
 * they are (identical ones merged), as the command line does with flags nobody decided on.
 */
export const MAX_ADJUDICATION_PARAGRAPHS = 2000;

export interface AdjudicationFlag {
  /** `review#id`, as the decisions name it. */
  readonly ref: FlagRef;
  /** The review file the flag is in. */
  readonly review: string;
  readonly rater: string;
  readonly paragraphId: string;
  readonly side: Side;
  readonly start: number;
  readonly end: number;
  readonly category: string;
  readonly severity: Severity;
  readonly comment: string;
  /** An automatic check's finding the rater accepted, rather than a flag made by hand. */
  readonly fromCheck: boolean;
  /**
   * Other raters' flags identical to this one (same span, category and severity): left undecided, they become one
   * flag without asking.
   */
  readonly sameAs: readonly FlagRef[];
}

export interface AdjudicationParagraph {
  /** 1-based. */
  readonly number: number;
  readonly id: string;
  readonly target: string;
  readonly source?: string;
  /** Set for a paragraph of the report's list to adjudicate: the spread of the raters' scores on it. */
  readonly spread?: number;
  readonly flags: readonly AdjudicationFlag[];
}

export interface AdjudicationReviewInfo {
  /** The review file's name, which names its flags. */
  readonly label: string;
  readonly reviewer: string;
  /** Flags that count (not dismissed). */
  readonly flags: number;
}

export interface AdjudicationView {
  readonly reviewId: string;
  readonly article: string;
  /** The open review first, then the ones added, in the order added. */
  readonly reviews: readonly AdjudicationReviewInfo[];
  readonly paragraphs: readonly AdjudicationParagraph[];
  /** Paragraphs with flags not listed (over MAX_ADJUDICATION_PARAGRAPHS). */
  readonly unlisted: number;
  /** Things to know about the reviews read (a torn last line dropped, ...). */
  readonly warnings: readonly string[];
}

/**
 * The paragraphs to adjudicate. `disputed` is the report's list of paragraphs to adjudicate (all of them, see
 * `disputedLimit`), most disputed first.
 */
export function adjudicationParagraphs(
  reviews: readonly ReportReview[],
  disputed: readonly { readonly id: string; readonly spread: number }[],
  limit = MAX_ADJUDICATION_PARAGRAPHS,
): { readonly paragraphs: readonly AdjudicationParagraph[]; readonly unlisted: number } {
  const first = reviews[0];
  if (!first) return { paragraphs: [], unlisted: 0 };
  const byParagraph = new Map<string, Omit<AdjudicationFlag, 'sameAs'>[]>();
  for (const review of reviews) {
    for (const a of review.annotations) {
      if (a.status === 'dismissed') continue;
      const list = byParagraph.get(a.paragraphId) ?? [];
      list.push({
        ref: flagRef(review.label, a.id),
        review: review.label,
        rater: a.rater,
        paragraphId: a.paragraphId,
        side: a.side,
        start: a.start,
        end: a.end,
        category: a.category,
        severity: a.severity,
        comment: a.comment,
        fromCheck: a.origin.kind === 'check',
      });
      byParagraph.set(a.paragraphId, list);
    }
  }
  const spreads = new Map(disputed.map((d) => [d.id, d.spread]));
  const order = [
    ...disputed.map((d) => d.id).filter((id) => byParagraph.has(id)),
    ...first.paragraphs.map((p) => p.id).filter((id) => byParagraph.has(id) && !spreads.has(id)),
  ];
  const index = new Map(first.paragraphs.map((p, i) => [p.id, i]));
  const paragraphs = order.slice(0, limit).flatMap((id): AdjudicationParagraph[] => {
    const i = index.get(id);
    if (i === undefined) return [];
    const p = first.paragraphs[i]!;
    const flags = byParagraph.get(id)!;
    // Where the flags are read in the text: by side, then place, then rater.
    flags.sort(
      (x, y) =>
        (x.side === y.side ? 0 : x.side === 'target' ? -1 : 1) || x.start - y.start || x.end - y.end || x.rater.localeCompare(y.rater),
    );
    const groups = new Map<string, typeof flags>();
    for (const f of flags) {
      const key = identicalKey(f);
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const spread = spreads.get(id);
    return [
      {
        number: i + 1,
        id,
        target: p.target,
        ...(p.source !== undefined ? { source: p.source } : {}),
        ...(spread !== undefined ? { spread } : {}),
        flags: flags.map((f) => {
          const group = groups.get(identicalKey(f))!;
          const same = mergedWithoutAsking(group.map((g) => g.rater)) ? group.filter((g) => g.ref !== f.ref).map((g) => g.ref) : [];
          return { ...f, sameAs: same };
        }),
      },
    ];
  });
  return { paragraphs, unlisted: Math.max(0, order.length - limit) };
}
