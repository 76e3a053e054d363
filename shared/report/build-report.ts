/**
 * Builds the quality report's model from one review or several reviews of the same article.
 *
 * Figures are those of the scoring module, weighed flag by flag with `contributionOf` (the live scorer's own
 * weighing), and aggregated the way `redline score` aggregates a review: a paragraph's score is the sum of its
 * flags over the number of raters, the article's the mean over paragraphs; MQM-Core penalties and error counts
 * are means over raters. Raters are those with a flag that counts, plus raters known to have read the article
 * without flagging anything (a WMT file's No-error rows; with several review files, a file's reviewer who
 * flagged nothing), since they found it without error.
 *
 * Several reviews: raters are named by their own names; a name found in two files (two reviewers who never
 * changed the default) is told apart by the file's name.
 */
import { paragraphIndexOf } from '../journal/paragraph-index';
import type { RatedVersion } from '../contract';
import { annotationList, type ReviewState } from '../journal/review-state';
import type { Annotation, Paragraph, Severity } from '../model';
import { SEVERITIES } from '../model';
import { fail, ok, type Result } from '../result';
import { contributionOf } from '../scoring/article-scorer';
import { mqmFigures } from '../scoring/mqm-figures';
import { countWords } from '../scoring/word-count';
import { describeProfile, PROFILE_NAMES, type ScoringProfile } from '../scoring/wmt-weights';
import { categoryWeights, type Typology } from '../typology/typology';
import { flagRef } from './adjudication';
import { cohenKappa, fleissKappa, kappaWords, spanAgreement, type MarkedSpan } from './agreement';
import { excerpt, type SpanMark } from './flagged-text';
import {
  REPORT_KIND,
  type CategoryBar,
  type CategoryCount,
  type DisputedParagraph,
  type PairAgreement,
  type RaterScore,
  type ReportAgreement,
  type ReportFlag,
  type ReportModel,
  type ReportParagraph,
  type ReportVersion,
  type StripCell,
  type SuggestionCounts,
} from './report-model';

/** At most this many cells in the article strip: a few pixels each across a page, whatever the article's length. */
export const MAX_STRIP_CELLS = 400;
/** Paragraphs quoted as the worst, and listed for adjudication. */
export const WORST_PARAGRAPHS = 10;
export const DISPUTED_PARAGRAPHS = 12;

export interface ReportReview {
  /** How the review is named in the report: its file name. */
  readonly label: string;
  /** The reviewer the review belongs to (shown, and a rater when several reviews are compared). */
  readonly reviewer: string;
  readonly paragraphs: readonly Paragraph[];
  readonly annotations: readonly Annotation[];
  /** Raters who read the article whether or not they flagged anything (a WMT file's raters). */
  readonly raters?: readonly string[];
  /**
   * Who rated each paragraph, by position, when not every rater read every paragraph (a WMT file whose segments
   * have different raters): a paragraph's score is then the mean over its own raters, as `redline score` takes it.
   */
  readonly readers?: readonly (readonly string[])[];
  readonly versions?: readonly RatedVersion[];
  /** Suggestions of the automatic checks the reviewer dismissed (`suggestions-dismissed` events). */
  readonly dismissedSuggestions?: readonly { readonly check: string }[];
  /** Suggestions still offered, when the checks have run over the article (the app's live list). */
  readonly openSuggestions?: readonly { readonly check: string }[];
}

export interface ReportOptions {
  readonly article: string;
  readonly profile: ScoringProfile;
  readonly typology: Typology;
  readonly threshold: number;
  /** ISO time printed on the report. */
  readonly generated: string;
  /** Each paragraph's MQM word count by position, when counted already (while the article loaded). */
  readonly words?: ArrayLike<number>;
  readonly editRateUnit?: 'word' | 'char';
  /**
   * How many disputed paragraphs to list (DISPUTED_PARAGRAPHS by default, what a report shows); adjudication asks
   * for all of them, in the same order.
   */
  readonly disputedLimit?: number;
}

/** One counted flag, weighed. */
interface Counted {
  readonly flag: Annotation;
  /** The label of the review the flag is in. */
  readonly review: string;
  readonly index: number;
  readonly rater: string;
  readonly tenths: number;
  readonly penalty: number;
  readonly error: number;
}

/** A review's state as the report takes it; `label` names it (its file name). */
export function reportReviewOf(
  state: ReviewState,
  label: string,
  versions?: readonly RatedVersion[],
  openSuggestions?: readonly { readonly check: string }[],
): ReportReview {
  return {
    label,
    reviewer: state.rater,
    paragraphs: state.paragraphs,
    annotations: annotationList(state),
    ...(versions ? { versions } : {}),
    dismissedSuggestions: [...state.dismissed.values()],
    ...(openSuggestions ? { openSuggestions } : {}),
  };
}

/** Whether two reviews are of the same article: same paragraphs, same machine translation. */
function sameArticle(a: readonly Paragraph[], b: readonly Paragraph[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.target !== b[i]!.target) return false;
  return true;
}

/** The report of one review, or of several reviews of one article. Fails when the reviews are of different articles. */
export function buildReport(reviews: readonly ReportReview[], options: ReportOptions): Result<ReportModel> {
  const steps = reportSteps(reviews, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `buildReport` for a caller that must keep its event loop free (the app's service, with an article of 100,000
 * paragraphs): the same report, made a pass or a few tens of thousands of paragraphs at a time.
 */
export async function buildReportInSteps(
  reviews: readonly ReportReview[],
  options: ReportOptions,
  breathe: () => Promise<void>,
): Promise<Result<ReportModel>> {
  const steps = reportSteps(reviews, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await breathe();
  }
}

/** Paragraphs or flags gone through in one step of `reportSteps`. */
const REPORTED_PER_STEP = 20_000;

/** The report, made in steps: each `yield` is a point where a caller may let other work run. */
function* reportSteps(reviews: readonly ReportReview[], options: ReportOptions): Generator<void, Result<ReportModel>> {
  const first = reviews[0];
  if (!first) return fail('bad-request', 'A report needs at least one review.');
  for (const r of reviews.slice(1)) {
    if (!sameArticle(first.paragraphs, r.paragraphs)) {
      return fail(
        'bad-request',
        `${r.label} is not a review of the same article as ${first.label} (its paragraphs differ); a report compares reviews of one article.`,
      );
    }
  }
  const paragraphs = first.paragraphs;
  const n = paragraphs.length;
  const index = paragraphIndexOf(paragraphs);
  const words = new Uint32Array(n);
  let totalWords = 0;
  for (let i = 0; i < n; i++) {
    words[i] = options.words ? (options.words[i] ?? 0) : countWords(paragraphs[i]!.target);
    totalWords += words[i]!;
    if ((i + 1) % (options.words ? REPORTED_PER_STEP : REPORTED_PER_STEP / 10) === 0) yield;
  }
  yield;

  // Raters, told apart across files when two files use one name.
  const namesIn = reviews.map((r) => new Set([...r.annotations.map((a) => a.rater), ...(r.raters ?? [])]));
  const seen = new Map<string, number>();
  for (const names of namesIn) for (const name of names) seen.set(name, (seen.get(name) ?? 0) + 1);
  const raterName = (name: string, review: ReportReview): string => ((seen.get(name) ?? 0) > 1 ? `${name} (${review.label})` : name);

  const weights = categoryWeights(options.typology);
  const counted: Counted[] = [];
  const raterReview = new Map<string, string>();
  for (const review of reviews) {
    const latest = new Map<string, Annotation>();
    for (const a of review.annotations) latest.set(a.id, a);
    yield;
    let any = false;
    let gone = 0;
    for (const a of latest.values()) {
      if (++gone % REPORTED_PER_STEP === 0) yield;
      const i = index.get(a.paragraphId);
      if (i === undefined) continue;
      const c = contributionOf(a, options.profile, options.typology, weights);
      if (!c) continue;
      const rater = raterName(a.rater, review);
      counted.push({ flag: a, review: review.label, index: i, rater, tenths: c.tenths, penalty: c.penalty, error: c.error });
      if (!raterReview.has(rater)) raterReview.set(rater, review.label);
      any = true;
    }
    for (const r of review.raters ?? []) if (!raterReview.has(raterName(r, review))) raterReview.set(raterName(r, review), review.label);
    if (!any && reviews.length > 1 && !raterReview.has(raterName(review.reviewer, review))) {
      raterReview.set(raterName(review.reviewer, review), review.label);
    }
  }
  yield;
  const raters = [...raterReview.keys()];
  const r = Math.max(1, raters.length);
  const slot = new Map(raters.map((name, i) => [name, i]));

  // Which paragraphs each rater read: all of them, unless the review says who rated what.
  const reads = raters.map(() => new Uint8Array(n).fill(1));
  for (const review of reviews) {
    if (!review.readers) continue;
    const own = raters.filter((name) => raterReview.get(name) === review.label);
    for (const name of own) reads[slot.get(name)!]!.fill(0);
    review.readers.forEach((names, i) => {
      for (const name of names) {
        const s = slot.get(raterName(name, review));
        if (s !== undefined && i < n) reads[s]![i] = 1;
      }
    });
  }
  yield;
  // Raters of each paragraph: the divisor of its sums. With no rater at all, every paragraph is rated once (clean).
  const readersOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (const row of reads) c += row[i]!;
    readersOf[i] = raters.length === 0 ? 1 : c;
  }

  yield;
  // Per paragraph totals (sums over raters); sparse maps would be slower than arrays for 100,000 paragraphs.
  const tenths = new Float64Array(n);
  const penalty = new Float64Array(n);
  const flagCount = new Uint32Array(n);
  const errors = new Float64Array(n);
  for (const c of counted) {
    tenths[c.index]! += c.tenths;
    penalty[c.index]! += c.penalty;
    errors[c.index]! += c.error;
    flagCount[c.index]! += 1;
  }
  // Sums over paragraphs of each paragraph's mean over its raters; paragraphs nobody rated are left out.
  let sumScore = 0;
  let sumPenalty = 0;
  let sumErrors = 0;
  let ratedWords = 0;
  let rated = 0;
  const uniform = readersOf.every((c) => c === r);
  if (uniform) {
    // Every rater read everything (a review): divide once, so the figures equal the live scorer's to the last bit.
    for (const c of counted) {
      sumScore += c.tenths;
      sumPenalty += c.penalty;
      sumErrors += c.error;
    }
    sumScore = sumScore / 10 / r;
    sumPenalty /= r;
    sumErrors /= r;
    ratedWords = totalWords;
    rated = n;
  } else {
    for (let i = 0; i < n; i++) {
      const c = readersOf[i]!;
      if (c === 0) continue;
      rated++;
      ratedWords += words[i]!;
      sumScore += tenths[i]! / 10 / c;
      sumPenalty += penalty[i]! / c;
      sumErrors += errors[i]! / c;
    }
  }
  yield;
  const mqm = mqmFigures(sumPenalty, ratedWords, sumErrors, options.threshold);
  const perParagraph = rated === 0 ? 0 : sumScore / rated;
  const divisor = (i: number): number => Math.max(1, readersOf[i]!);
  let flaggedParagraphs = 0;
  for (let i = 0; i < n; i++) if (flagCount[i]! > 0) flaggedParagraphs++;

  const byParagraph = new Map<number, Counted[]>();
  for (const c of counted) {
    const list = byParagraph.get(c.index);
    if (list) list.push(c);
    else byParagraph.set(c.index, [c]);
  }

  const flagOf = (c: Counted): ReportFlag => {
    const p = paragraphs[c.index]!;
    const text = c.flag.side === 'source' ? (p.source ?? '') : p.target;
    return {
      ref: flagRef(c.review, c.flag.id),
      side: c.flag.side,
      start: c.flag.start,
      end: c.flag.end,
      category: c.flag.category,
      severity: c.flag.severity,
      rater: c.rater,
      comment: c.flag.comment,
      quote: text.slice(c.flag.start, c.flag.end),
    };
  };
  const marksOf = (list: readonly Counted[], side: 'target' | 'source', withRater: boolean): SpanMark[] =>
    list
      .filter((c) => c.flag.side === side)
      .map((c) => ({
        start: c.flag.start,
        end: c.flag.end,
        severity: c.flag.severity,
        label: `${c.flag.category} (${c.flag.severity})${withRater ? ` · ${c.rater}` : ''}`,
      }));

  yield;
  const worst: ReportParagraph[] = [...byParagraph.keys()]
    .filter((i) => tenths[i]! > 0 || penalty[i]! > 0)
    .sort((a, b) => tenths[b]! - tenths[a]! || penalty[b]! - penalty[a]! || a - b)
    .slice(0, WORST_PARAGRAPHS)
    .map((i) => {
      const p = paragraphs[i]!;
      const list = byParagraph.get(i)!;
      const sourceMarks = marksOf(list, 'source', raters.length > 1);
      return {
        number: i + 1,
        id: p.id,
        wmtScore: tenths[i]! / 10 / divisor(i),
        penalty: penalty[i]! / divisor(i),
        flags: list.map(flagOf),
        target: excerpt(p.target, marksOf(list, 'target', raters.length > 1)),
        ...(p.source !== undefined && p.source !== '' ? { source: excerpt(p.source, sourceMarks) } : {}),
      };
    });

  yield;
  const categories = categoryFigures(counted);
  yield;
  const stripped = strip(n, words, penalty, tenths, flagCount, readersOf, options.threshold);
  yield;
  const suggestions = suggestionsOf(reviews);
  yield;
  const raterScores: RaterScore[] = [];
  for (const name of raters) {
    raterScores.push(raterScore(name, raterReview.get(name)!, counted, reads[slot.get(name)!]!, words, options.threshold));
    yield;
  }
  const agreement = yield* agreementSteps(
    raters,
    reads,
    counted,
    byParagraph,
    paragraphs,
    flagOf,
    marksOf,
    options.disputedLimit ?? DISPUTED_PARAGRAPHS,
  );
  return ok({
    kind: REPORT_KIND,
    version: 1,
    generated: options.generated,
    article: { name: options.article, paragraphs: n, words: totalWords, flaggedParagraphs },
    reviews: reviews.map((rv) => ({ label: rv.label, reviewer: rv.reviewer })),
    profile: { id: options.profile, name: PROFILE_NAMES[options.profile], description: describeProfile(options.profile) },
    typology: options.typology.name,
    score: {
      total: sumScore,
      perParagraph,
      segments: rated,
      quality: mqm.quality,
      pass: mqm.pass,
      threshold: mqm.threshold,
      penalty: mqm.penalty,
      perWordPenalty: mqm.perWordPenalty,
      errors: mqm.errors,
      errorsPerThousandWords: mqm.errorsPerThousandWords,
      words: ratedWords,
      flags: counted.length,
      raters: raters.length,
    },
    ...categories,
    strip: stripped,
    worst,
    editRateUnit: options.editRateUnit ?? 'word',
    versions: reviews.flatMap((rv) => versionsOf(rv)),
    ...suggestions,
    raters: raterScores,
    agreement,
  });
}

function categoryFigures(counted: readonly Counted[]): { byCategory: CategoryCount[]; categoryBars: CategoryBar[] } {
  const counts = new Map<string, number>();
  const bars = new Map<string, Record<Severity, number>>();
  for (const c of counted) {
    const key = `${c.flag.category}\t${c.flag.severity}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const top = c.flag.category.split('/')[0]!;
    const bar = bars.get(top) ?? { neutral: 0, minor: 0, major: 0, critical: 0 };
    bar[c.flag.severity] += 1;
    bars.set(top, bar);
  }
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  const byCategory = [...counts]
    .map(([key, count]) => {
      const [category, severity] = key.split('\t') as [string, Severity];
      return { category, severity, count };
    })
    .sort((a, b) => a.category.localeCompare(b.category) || rank(b.severity) - rank(a.severity));
  const categoryBars = [...bars]
    .map(([category, c]) => ({ category, counts: c, total: c.neutral + c.minor + c.major + c.critical }))
    .sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
  return { byCategory, categoryBars };
}

/** A cell's level from its quality score against the pass mark `t`: steps of (100 − t) below it. */
function levelOf(penalty: number, quality: number, t: number): StripCell['level'] {
  if (penalty <= 0) return 0;
  const step = 100 - t;
  if (quality >= (100 + t) / 2) return 1;
  if (quality >= t) return 2;
  if (quality >= t - step) return 3;
  if (quality >= t - 3 * step) return 4;
  return 5;
}

function strip(
  n: number,
  words: Uint32Array,
  penalty: Float64Array,
  tenths: Float64Array,
  flags: Uint32Array,
  readersOf: Uint32Array,
  threshold: number,
): { paragraphsPerCell: number; cells: StripCell[] } {
  const per = Math.max(1, Math.ceil(n / MAX_STRIP_CELLS));
  const cells: StripCell[] = [];
  for (let start = 0; start < n; start += per) {
    const end = Math.min(n, start + per);
    let w = 0;
    let p = 0;
    let f = 0;
    let worst = start;
    for (let i = start; i < end; i++) {
      w += words[i]!;
      p += penalty[i]! / Math.max(1, readersOf[i]!);
      f += flags[i]!;
      if (tenths[i]! > tenths[worst]! || (tenths[i] === tenths[worst] && penalty[i]! > penalty[worst]!)) worst = i;
    }
    const figures = mqmFigures(p, w, 0, threshold);
    cells.push({
      first: start + 1,
      last: end,
      flags: f,
      penalty: p,
      words: w,
      quality: figures.quality,
      level: levelOf(p, figures.quality, threshold),
      worst: worst + 1,
    });
  }
  return { paragraphsPerCell: per, cells };
}

function versionsOf(review: ReportReview): ReportVersion[] {
  return (review.versions ?? []).map((v) => ({
    review: review.label,
    number: v.number,
    message: v.message,
    author: v.author,
    at: v.at,
    ter: v.ter.ter,
    edits: v.ter.edits,
    changedFromPrevious: v.changedFromPrevious,
    changedFromMachine: v.changedFromMachine,
  }));
}

/**
 * Suggestions from automatic checks: accepted ones are flags whose origin is a check (a dismissed flag counts as
 * dismissed), dismissed ones are the review's `suggestions-dismissed` events, open ones the app's live list. A
 * review without dismissal records (made before suggestions existed) is counted from check flags alone, and says so.
 */
function suggestionsOf(reviews: readonly ReportReview[]): { suggestions?: SuggestionCounts } {
  let accepted = 0;
  let dismissed = 0;
  let open = 0;
  let openKnown = reviews.length > 0;
  let events = false;
  const byCheck = new Map<string, number>();
  const note = (check: string): void => void byCheck.set(check, (byCheck.get(check) ?? 0) + 1);
  for (const review of reviews) {
    const latest = new Map<string, Annotation>();
    for (const a of review.annotations) latest.set(a.id, a);
    for (const a of latest.values()) {
      if (a.origin.kind !== 'check') continue;
      note(a.origin.check);
      if (a.status === 'dismissed') dismissed++;
      else accepted++;
    }
    if (review.dismissedSuggestions) {
      events = true;
      for (const d of review.dismissedSuggestions) {
        note(d.check);
        dismissed++;
      }
    }
    if (review.openSuggestions) {
      for (const o of review.openSuggestions) {
        note(o.check);
        open++;
      }
    } else openKnown = false;
  }
  const total = accepted + dismissed + open;
  if (total === 0) return {};
  return {
    suggestions: {
      basis: events ? 'events' : 'check-flags',
      total,
      accepted,
      dismissed,
      ...(openKnown ? { open } : {}),
      byCheck: [...byCheck].map(([check, count]) => ({ check, count })).sort((a, b) => b.count - a.count || a.check.localeCompare(b.check)),
    },
  };
}

/** A rater's own figures over the paragraphs they read (their sums, no mean over raters). */
function raterScore(
  rater: string,
  review: string,
  counted: readonly Counted[],
  reads: Uint8Array,
  words: Uint32Array,
  threshold: number,
): RaterScore {
  let n = 0;
  let w = 0;
  for (let i = 0; i < reads.length; i++) {
    if (reads[i] === 0) continue;
    n++;
    w += words[i]!;
  }
  let t = 0;
  let p = 0;
  let e = 0;
  let flags = 0;
  const withErrors = new Set<number>();
  for (const c of counted) {
    if (c.rater !== rater) continue;
    t += c.tenths;
    p += c.penalty;
    e += c.error;
    flags++;
    if (hasError(c)) withErrors.add(c.index);
  }
  const m = mqmFigures(p, w, e, threshold);
  return {
    rater,
    review,
    flags,
    perParagraph: n === 0 ? 0 : t / 10 / n,
    total: t / 10,
    quality: m.quality,
    pass: m.pass,
    errorsPerThousandWords: m.errorsPerThousandWords,
    paragraphsWithErrors: withErrors.size,
  };
}

/** A flag that says "this paragraph has an error": it weighs something, or it is an MQM error (neutral notes are not). */
function hasError(c: Counted): boolean {
  return c.tenths > 0 || c.error > 0;
}

function* agreementSteps(
  raters: readonly string[],
  reads: readonly Uint8Array[],
  counted: readonly Counted[],
  byParagraph: ReadonlyMap<number, readonly Counted[]>,
  paragraphs: readonly Paragraph[],
  flagOf: (c: Counted) => ReportFlag,
  marksOf: (list: readonly Counted[], side: 'target' | 'source', withRater: boolean) => SpanMark[],
  disputedLimit: number,
): Generator<void, ReportAgreement> {
  const k = raters.length;
  const n = paragraphs.length;
  if (k < 2 || n === 0) {
    return {
      raters: k,
      kappa: undefined,
      kappaMethod: 'none',
      kappaWords: 'one rater: nothing to compare',
      fleissKappa: undefined,
      observed: undefined,
      pairs: [],
      disputed: [],
    };
  }
  const slot = new Map(raters.map((name, i) => [name, i]));
  // Which raters marked an error in each paragraph: one byte per rater and paragraph.
  const marked = raters.map(() => new Uint8Array(n));
  const spans: MarkedSpan[][] = raters.map(() => []);
  let gone = 0;
  for (const c of counted) {
    if (++gone % REPORTED_PER_STEP === 0) yield;
    if (!hasError(c)) continue;
    const s = slot.get(c.rater)!;
    marked[s]![c.index] = 1;
    spans[s]!.push({ paragraph: c.index, side: c.flag.side, start: c.flag.start, end: c.flag.end });
  }
  // Fleiss' kappa needs the same raters on every item: the paragraphs every rater read.
  const yes = new Uint8Array(n);
  const everyone: number[] = [];
  let unanimous = 0;
  yield;
  for (let i = 0; i < n; i++) {
    if ((i + 1) % REPORTED_PER_STEP === 0) yield;
    let y = 0;
    let readBy = 0;
    for (let s = 0; s < k; s++) {
      y += marked[s]![i]!;
      readBy += reads[s]![i]!;
    }
    yes[i] = y;
    if (readBy < k) continue;
    everyone.push(y);
    if (y === 0 || y === k) unanimous++;
  }
  const pairs: PairAgreement[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      yield;
      const s = spanAgreement(spans[a]!, spans[b]!);
      yield;
      // Cohen's kappa of a pair: over the paragraphs both read.
      const ja: boolean[] = [];
      const jb: boolean[] = [];
      for (let i = 0; i < n; i++) {
        if ((i + 1) % REPORTED_PER_STEP === 0) yield;
        if (reads[a]![i] === 0 || reads[b]![i] === 0) continue;
        ja.push(marked[a]![i] === 1);
        jb.push(marked[b]![i] === 1);
      }
      pairs.push({
        a: raters[a]!,
        b: raters[b]!,
        kappa: cohenKappa(ja, jb),
        characterF1: s.characterF1,
        exactSpanF1: s.exactSpanF1,
        overlapSpanF1: s.overlapSpanF1,
      });
    }
  }
  const fleiss = fleissKappa(everyone, k);
  const kappa = k === 2 ? pairs[0]!.kappa : fleiss;

  // Paragraphs judged most differently: the widest spread of rater scores, then split yes/no answers.
  const candidates: { index: number; spread: number; split: number }[] = [];
  yield;
  let weighed = 0;
  for (const [i, list] of byParagraph) {
    if (++weighed % REPORTED_PER_STEP === 0) yield;
    const score = new Float64Array(k);
    for (const c of list) score[slot.get(c.rater)!]! += c.tenths;
    const readers = raters.map((_, s) => s).filter((s) => reads[s]![i] === 1);
    const own = readers.map((s) => score[s]!);
    const spread = own.length < 2 ? 0 : (Math.max(...own) - Math.min(...own)) / 10;
    const y = yes[i]!;
    const split = Math.min(y, readers.length - y);
    if (spread > 0 || split > 0) candidates.push({ index: i, spread, split });
  }
  yield;
  candidates.sort((x, y) => y.spread - x.spread || y.split - x.split || x.index - y.index);
  yield;
  const disputed: DisputedParagraph[] = candidates.slice(0, disputedLimit).map(({ index, spread }) => {
    const list = byParagraph.get(index)!;
    const p = paragraphs[index]!;
    return {
      number: index + 1,
      id: p.id,
      spread,
      raters: raters
        .filter((rater) => reads[slot.get(rater)!]![index] === 1)
        .map((rater) => {
          const own = list.filter((c) => c.rater === rater);
          return {
            rater,
            score: own.reduce((s, c) => s + c.tenths, 0) / 10,
            flags: own.map(flagOf),
            target: excerpt(p.target, marksOf(own, 'target', false)),
          };
        }),
    };
  });

  return {
    raters: k,
    kappa,
    kappaMethod: k === 2 ? 'cohen' : 'fleiss',
    kappaWords: kappaWords(kappa),
    fleissKappa: fleiss,
    observed: everyone.length === 0 ? undefined : unanimous / everyone.length,
    pairs,
    disputed,
  };
}
