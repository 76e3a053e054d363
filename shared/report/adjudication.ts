/**
 * Adjudication: several raters' flags on one article become one agreed set. The adjudicator decides, flag by
 * flag, to keep it, drop it, or merge several flags (of different raters, on the same error) into one; a flag
 * nobody decided on is kept, and flags of different raters that are identical (same span, category and severity)
 * are merged without asking, since there is nothing to decide.
 *
 * Every resulting flag records where it came from: its rater and origin stay those of the flag it was kept from
 * (a merged flag names all its raters), and its comment ends with the source flags (`ana.redline#a3`), so the
 * adjudicated review can be traced back to the reviews it was made from.
 */
import type { EventBody, JournalHeader, ReviewSettings } from '../journal/journal-event';
import type { Annotation, Severity } from '../model';
import { fail, ok, type Result } from '../result';
import type { ReportReview } from './build-report';

/** A flag of one of the reviews: `review#id`, the review named by its label (file name). */
export type FlagRef = string;

export type Decision =
  | { readonly action: 'keep'; readonly flag: FlagRef }
  | { readonly action: 'drop'; readonly flag: FlagRef }
  | {
      readonly action: 'merge';
      readonly flags: readonly FlagRef[];
      /** The merged flag's category and severity; the first flag's category and the highest severity by default. */
      readonly category?: string;
      readonly severity?: Severity;
    };

export interface AdjudicatedFlag {
  readonly annotation: Omit<Annotation, 'id' | 'created'>;
  /** The flags it was made from. */
  readonly from: readonly FlagRef[];
  readonly how: 'kept' | 'merged';
}

const RANK: Readonly<Record<Severity, number>> = { neutral: 0, minor: 1, major: 2, critical: 3 };

export function flagRef(review: string, id: string): FlagRef {
  return `${review}#${id}`;
}

/**
 * Applies the decisions to the reviews' flags (dismissed flags are not offered: they were already turned down).
 * Fails when a decision names a flag no review has, or decides one flag twice.
 */
export function adjudicate(reviews: readonly ReportReview[], decisions: readonly Decision[]): Result<readonly AdjudicatedFlag[]> {
  const flags = new Map<FlagRef, Annotation>();
  for (const review of reviews) {
    for (const a of review.annotations) {
      if (a.status === 'dismissed') flags.delete(flagRef(review.label, a.id));
      else flags.set(flagRef(review.label, a.id), a);
    }
  }
  const decided = new Set<FlagRef>();
  const out: AdjudicatedFlag[] = [];
  const take = (ref: FlagRef): Result<Annotation> => {
    const flag = flags.get(ref);
    if (!flag) return fail('bad-request', `No review holds the flag ${ref} (or it was dismissed); a flag is named review-file#flag-id.`);
    if (decided.has(ref)) return fail('bad-request', `The flag ${ref} is decided twice.`);
    decided.add(ref);
    return ok(flag);
  };
  for (const d of decisions) {
    if (d.action === 'keep' || d.action === 'drop') {
      const flag = take(d.flag);
      if (!flag.ok) return flag;
      if (d.action === 'keep') out.push({ annotation: strip(flag.value), from: [d.flag], how: 'kept' });
      continue;
    }
    const taken: Annotation[] = [];
    for (const ref of d.flags) {
      const flag = take(ref);
      if (!flag.ok) return flag;
      taken.push(flag.value);
    }
    const merged = merge(taken, d.category, d.severity);
    if (!merged.ok) return fail('bad-request', `${d.flags.join(', ')}: ${merged.error.message}`);
    out.push({ annotation: merged.value, from: d.flags, how: 'merged' });
  }
  // Undecided flags: identical ones of different raters become one, the others stay as they are.
  const same = new Map<string, { refs: FlagRef[]; flags: Annotation[] }>();
  for (const [ref, flag] of flags) {
    if (decided.has(ref)) continue;
    const key = identicalKey(flag);
    const group = same.get(key) ?? { refs: [], flags: [] };
    group.refs.push(ref);
    group.flags.push(flag);
    same.set(key, group);
  }
  for (const { refs, flags: group } of same.values()) {
    if (mergedWithoutAsking(group.map((f) => f.rater))) {
      const merged = merge(group, undefined, undefined);
      if (merged.ok) {
        out.push({ annotation: merged.value, from: refs, how: 'merged' });
        continue;
      }
    }
    group.forEach((f, i) => out.push({ annotation: strip(f), from: [refs[i]!], how: 'kept' }));
  }
  return ok(out);
}

/** Flags with the same key are identical: same paragraph side, span, category and severity. */
export function identicalKey(flag: Pick<Annotation, 'paragraphId' | 'side' | 'start' | 'end' | 'category' | 'severity'>): string {
  return [flag.paragraphId, flag.side, flag.start, flag.end, flag.category, flag.severity].join('\u0000');
}

/** Whether undecided identical flags, by these raters, become one without asking: several, each by another rater. */
export function mergedWithoutAsking(raters: readonly string[]): boolean {
  return raters.length > 1 && new Set(raters).size === raters.length;
}

/**
 * Says why a review cannot be adjudicated with another (the first, whose article the adjudication is of), naming
 * both articles; undefined when both review the same article (same paragraphs, same machine translation).
 */
export function articleMismatch(
  first: { readonly label: string; readonly article: string; readonly paragraphs: readonly { readonly target: string }[] },
  other: { readonly label: string; readonly article: string; readonly paragraphs: readonly { readonly target: string }[] },
): string | undefined {
  const a = first.paragraphs;
  const b = other.paragraphs;
  if (a.length === b.length && a.every((p, i) => p.target === b[i]!.target)) return undefined;
  if (other.article !== first.article) {
    return `${other.label} is a review of ${other.article}, not of ${first.article} (the article of ${first.label}); only reviews of one article can be adjudicated together.`;
  }
  const why =
    a.length !== b.length
      ? `it has ${b.length} paragraphs, ${first.label} ${a.length}`
      : `paragraph ${a.findIndex((p, i) => p.target !== b[i]!.target) + 1} differs`;
  return `${other.label} is a review of another text of ${first.article} than ${first.label} (${why}); only reviews of one article can be adjudicated together.`;
}

function strip(a: Annotation): Omit<Annotation, 'id' | 'created'> {
  const { id: _id, created: _created, ...rest } = a;
  return rest;
}

/** One flag over the span all of them cover, on one paragraph side. */
function merge(
  flags: readonly Annotation[],
  category: string | undefined,
  severity: Severity | undefined,
): Result<Omit<Annotation, 'id' | 'created'>> {
  const first = flags[0];
  if (!first) return fail('bad-request', 'a merge needs at least one flag.');
  if (flags.some((f) => f.paragraphId !== first.paragraphId || f.side !== first.side)) {
    return fail('bad-request', 'only flags of one paragraph, on one side, can be merged.');
  }
  let worst: Severity = first.severity;
  for (const f of flags) if (RANK[f.severity] > RANK[worst]) worst = f.severity;
  const comments = [...new Set(flags.map((f) => f.comment).filter((c) => c !== ''))];
  return ok({
    paragraphId: first.paragraphId,
    side: first.side,
    start: Math.min(...flags.map((f) => f.start)),
    end: Math.max(...flags.map((f) => f.end)),
    category: category ?? first.category,
    severity: severity ?? worst,
    comment: comments.join(' / '),
    rater: [...new Set(flags.map((f) => f.rater))].join(' + '),
    origin: first.origin,
    status: flags.every((f) => f.status === 'fixed') ? 'fixed' : 'open',
  });
}

/** The comment an adjudicated flag carries: its own, then where it came from. */
export function provenanceComment(flag: AdjudicatedFlag): string {
  const note = `${flag.how === 'kept' ? 'Kept from' : 'Merged from'} ${flag.from.join(', ')}`;
  return flag.annotation.comment === '' ? note : `${flag.annotation.comment} — ${note}`;
}

/** How an adjudicated review's reviewer is named: "Lead (adjudicated)". */
export function adjudicatedRater(adjudicator: string): string {
  return `${adjudicator.trim() || 'Adjudicator'} (adjudicated)`;
}

/**
 * The new review that adjudication makes, as its first line and events: the first review's article, stamped with
 * the adjudicator's name, the first review's scoring settings, then one flag per adjudicated flag (ids `j1`,
 * `j2`, ...) carrying its provenance in its comment. The command line and the app both write exactly this.
 */
export function adjudicatedReview(
  header: JournalHeader,
  flags: readonly AdjudicatedFlag[],
  options: {
    readonly adjudicator: string;
    readonly settings?: Pick<ReviewSettings, 'scoringProfile' | 'passThreshold' | 'typology'>;
    /** ISO time the review is made. */
    readonly now: string;
  },
): { readonly header: JournalHeader; readonly events: readonly EventBody[] } {
  const { settings, now } = options;
  return {
    header: { ...header, created: now },
    events: [
      { type: 'rater-set', rater: adjudicatedRater(options.adjudicator) },
      ...(settings
        ? [
            {
              type: 'settings-changed',
              settings: { scoringProfile: settings.scoringProfile, passThreshold: settings.passThreshold, typology: settings.typology },
            } as const,
          ]
        : []),
      ...flags.map((flag, i): EventBody => ({
        type: 'annotation-added',
        annotation: { ...flag.annotation, id: `j${i + 1}`, created: now, comment: provenanceComment(flag) },
      })),
    ],
  };
}
