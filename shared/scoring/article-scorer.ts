/**
 * The live score of the article under review, updated in constant time per flag so that the status bar stays
 * current on a 100,000-paragraph article.
 *
 * Choices a reviewer should know (also shown in the scoring help):
 * - Dismissed flags do not count; open and fixed ones do (a fixed flag was still an error of the machine
 *   translation, which is what the score rates). Flags from automatic checks count like anyone's once they
 *   are in the review, under the rater recorded on them.
 * - The side does not decide: a flag in the source (an omission marked where the text is missing) is an
 *   error of its category. Only a category that names a source problem (`Source issue`, `Source error`) is a
 *   source error: 0 in `wmt`, weighed like others in `wmt-legacy`, never in the MQM-Core figures.
 * - WMT-style score: every paragraph is a rated segment and every rater who flagged anything in the article is
 *   taken to have read all of it, so a paragraph's score is the sum of its flags divided by the number of
 *   raters, and the article's score is the mean over paragraphs.
 * - MQM-Core figures: the evaluated word count is the target words of the whole article (the machine
 *   translation as loaded, which is what was evaluated); with several raters the penalty and the error count
 *   are their means over raters, as with the WMT score.
 * - A flag on a paragraph id the article does not have is ignored.
 */
import type { Annotation } from '../model';
import { MQM_CORE } from '../typology/mqm-core';
import { categoryWeights, weightOf, type Typology } from '../typology/typology';
import { DEFAULT_PASS_THRESHOLD, mqmFigures, mqmPenalty, type MqmFigures } from './mqm-figures';
import { countWords } from './word-count';
import { errorWeightTenths, type ScoringProfile } from './wmt-weights';

export interface ScorerOptions {
  readonly profile: ScoringProfile;
  /** Category weights and severity multipliers for the MQM-Core figures; MQM-Core when absent. */
  readonly typology?: Typology;
  /** Pass mark for the MQM-Core quality score; `DEFAULT_PASS_THRESHOLD` when absent. */
  readonly threshold?: number;
}

export interface ParagraphText {
  readonly id: string;
  readonly target: string;
}

export interface WmtArticleScore {
  /** Mean over paragraphs of the mean over raters of their error weights. Lower is better. */
  readonly score: number;
  /** Sum over paragraphs of the mean over raters of their error weights: `score` times `segments`. */
  readonly total: number;
  readonly segments: number;
  readonly raters: number;
}

export interface ArticleScore {
  readonly profile: ScoringProfile;
  readonly wmt: WmtArticleScore;
  readonly mqm: MqmFigures;
  /** Flags that count (not dismissed, on a known paragraph). */
  readonly flags: number;
}

export interface ParagraphScore {
  readonly id: string;
  /** Sum of this paragraph's error weights over the article's raters. */
  readonly wmtScore: number;
  readonly mqm: MqmFigures;
  readonly flags: number;
}

export interface ArticleScorer {
  /** Counts a flag; a flag with an id already counted replaces it. */
  add(annotation: Annotation): void;
  /** Stops counting a flag (by the flag or its id); unknown ids are ignored. */
  remove(annotation: Annotation | string): void;
  summary(): ArticleScore;
  /** Figures for one paragraph, or undefined for an id the article does not have. */
  paragraph(id: string): ParagraphScore | undefined;
}

/** What one flag adds to the totals. */
interface Contribution {
  readonly paragraphId: string;
  readonly rater: string;
  readonly tenths: number;
  readonly penalty: number;
  readonly error: number;
}

/** What a paragraph's counted flags add up to; kept only for paragraphs that have some. */
interface ParagraphTotals {
  tenths: number;
  penalty: number;
  errors: number;
  flags: number;
}

/** The weighing both scorers share: undefined for a flag that does not count. */
export function contributionOf(
  annotation: Annotation,
  profile: ScoringProfile,
  typology: Typology,
  weights: ReadonlyMap<string, number>,
): Contribution | undefined {
  if (annotation.status === 'dismissed') return undefined;
  const p = mqmPenalty(typology.severityMultipliers, weightOf(weights, annotation.category), annotation.severity, annotation.category);
  return {
    paragraphId: annotation.paragraphId,
    rater: annotation.rater,
    tenths: errorWeightTenths(profile, annotation.severity, annotation.category),
    penalty: p.penalty,
    error: p.error ? 1 : 0,
  };
}

/**
 * Creates a scorer over the article's paragraphs. Their words are counted once, here, unless `words` gives the
 * count of each paragraph by position already (counted while the article loaded). `positionOf` finds a
 * paragraph's position by its id, when the caller has such an index already (a review's state has one); else
 * one is built here.
 *
 * Nothing is kept per paragraph until a flag lands on it, so creating a scorer over 100,000 paragraphs (on
 * opening a review, or when its scoring settings change) is one pass over the word counts.
 */
export function createArticleScorer(
  options: ScorerOptions,
  paragraphs: readonly ParagraphText[],
  words?: ArrayLike<number>,
  positionOf?: (id: string) => number | undefined,
): ArticleScorer {
  const typology = options.typology ?? MQM_CORE;
  const threshold = options.threshold ?? DEFAULT_PASS_THRESHOLD;
  const weights = categoryWeights(typology);
  const wordsAt: ArrayLike<number> = words ?? paragraphs.map((p) => countWords(p.target));
  let totalWords = 0;
  for (let i = 0; i < paragraphs.length; i++) totalWords += wordsAt[i] ?? 0;
  const position = positionOf ?? positionsOf(paragraphs);
  const byParagraph = new Map<string, ParagraphTotals>();
  const totalsOf = (id: string): ParagraphTotals => {
    let totals = byParagraph.get(id);
    if (!totals) byParagraph.set(id, (totals = { tenths: 0, penalty: 0, errors: 0, flags: 0 }));
    return totals;
  };
  const counted = new Map<string, Contribution>();
  const raters = new Map<string, number>();
  let tenths = 0;
  let penalty = 0;
  let errors = 0;

  const apply = (c: Contribution, sign: 1 | -1): void => {
    const p = totalsOf(c.paragraphId);
    p.tenths += sign * c.tenths;
    p.penalty += sign * c.penalty;
    p.errors += sign * c.error;
    p.flags += sign;
    tenths += sign * c.tenths;
    penalty += sign * c.penalty;
    errors += sign * c.error;
    const n = (raters.get(c.rater) ?? 0) + sign;
    if (n === 0) raters.delete(c.rater);
    else raters.set(c.rater, n);
  };

  const remove = (annotation: Annotation | string): void => {
    const id = typeof annotation === 'string' ? annotation : annotation.id;
    const c = counted.get(id);
    if (!c) return;
    counted.delete(id);
    apply(c, -1);
    // Penalties with fractional weights can leave float dust; an empty article is exactly zero again.
    if (counted.size === 0) penalty = 0;
  };

  const raterCount = (): number => Math.max(1, raters.size);

  return {
    add(annotation) {
      remove(annotation.id);
      if (position(annotation.paragraphId) === undefined) return;
      const c = contributionOf(annotation, options.profile, typology, weights);
      if (!c) return;
      counted.set(annotation.id, c);
      apply(c, 1);
    },
    remove,
    summary() {
      const r = raterCount();
      const segments = paragraphs.length;
      return {
        profile: options.profile,
        wmt: { score: segments === 0 ? 0 : tenths / 10 / r / segments, total: tenths / 10 / r, segments, raters: raters.size },
        mqm: mqmFigures(penalty / r, totalWords, errors / r, threshold),
        flags: counted.size,
      };
    },
    paragraph(id) {
      const at = position(id);
      if (at === undefined) return undefined;
      const p = byParagraph.get(id) ?? NO_FLAGS;
      const r = raterCount();
      return {
        id,
        wmtScore: p.tenths / 10 / r,
        mqm: mqmFigures(p.penalty / r, wordsAt[at] ?? 0, p.errors / r, threshold),
        flags: p.flags,
      };
    },
  };
}

const NO_FLAGS: Readonly<ParagraphTotals> = { tenths: 0, penalty: 0, errors: 0, flags: 0 };

/** Paragraph positions by id, for a caller that has no index of its own. */
function positionsOf(paragraphs: readonly ParagraphText[]): (id: string) => number | undefined {
  const positions = new Map<string, number>();
  paragraphs.forEach((p, i) => positions.set(p.id, i));
  return (id) => positions.get(id);
}

/** Scores an article from scratch: the same figures as a scorer fed every annotation. */
export function scoreArticle(
  options: ScorerOptions,
  paragraphs: readonly ParagraphText[],
  annotations: readonly Annotation[],
): ArticleScore {
  const typology = options.typology ?? MQM_CORE;
  const weights = categoryWeights(typology);
  const known = new Set(paragraphs.map((p) => p.id));
  const latest = new Map<string, Annotation>();
  for (const a of annotations) latest.set(a.id, a);
  const contributions = [...latest.values()]
    .filter((a) => known.has(a.paragraphId))
    .map((a) => contributionOf(a, options.profile, typology, weights))
    .filter((c): c is Contribution => c !== undefined);
  const r = Math.max(1, new Set(contributions.map((c) => c.rater)).size);
  const sum = (f: (c: Contribution) => number): number => contributions.reduce((s, c) => s + f(c), 0);
  const words = paragraphs.reduce((s, p) => s + countWords(p.target), 0);
  const segments = paragraphs.length;
  return {
    profile: options.profile,
    wmt: {
      score: segments === 0 ? 0 : sum((c) => c.tenths) / 10 / r / segments,
      total: sum((c) => c.tenths) / 10 / r,
      segments,
      raters: new Set(contributions.map((c) => c.rater)).size,
    },
    mqm: mqmFigures(sum((c) => c.penalty) / r, words, sum((c) => c.error) / r, options.threshold ?? DEFAULT_PASS_THRESHOLD),
    flags: contributions.length,
  };
}
