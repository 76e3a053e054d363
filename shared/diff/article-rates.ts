/**
 * The edit rates of two articles paragraph by paragraph, and nothing else: for `redline diff --json`, which
 * prints only the rates of a comparison that may run to 100,000 paragraphs. The figures are those of
 * `diffArticles` (same pairing, same rates); what it leaves out is the rows a view needs, so a row costs two
 * numbers in typed arrays instead of objects and strings.
 *
 * The work is split so that it can be shared between threads: `planRates` pairs the paragraphs and lists the
 * changed rows; `countSettledRows` fills in the others (a word count at most); the TER of the changed rows,
 * nearly all the cost, is computed by `rateChangedRows` on any slice of that list, here or in a worker. Each
 * rate is written at its row, so the result does not depend on who computed which slice.
 */
import { pairRows } from './article-diff';
import { characterEditRate, countTerChars, countTerWords, editRate, translationEditRate, type EditRate } from './ter';

/** Words (TER) or characters (the character edit rate, for Chinese and Japanese). */
export type RateUnit = 'word' | 'char';

export interface ArticleRates {
  readonly unit: RateUnit;
  /** Per row in reading order: the edits from the old text (the hypothesis) to the new one (the reference). */
  readonly edits: Int32Array;
  /** Per row: the reference words (characters) the edits are counted over. */
  readonly refWords: Int32Array;
  /** Rows whose two texts differ, ascending; their rates are still to be filled in by `rateChangedRows`. */
  readonly changed: Int32Array;
  /** Row k's paragraph in each article, or -1 where the row has none on that side. */
  readonly oldIndex: Int32Array;
  readonly newIndex: Int32Array;
}

/**
 * Pairs the paragraphs (as `diffArticles` does) and lists the changed rows. No rate is filled in yet: the
 * rows that are not changed are settled by `countSettledRows`, the changed ones by `rateChangedRows`.
 */
export function planRates(oldTexts: readonly string[], newTexts: readonly string[], unit: RateUnit): ArticleRates {
  const { oldIndex, newIndex } = pairRows(oldTexts, newTexts);
  const rows = oldIndex.length;
  const changed = new Int32Array(rows);
  let changedCount = 0;
  for (let k = 0; k < rows; k++) {
    const o = oldIndex[k]!;
    const n = newIndex[k]!;
    if (o >= 0 && n >= 0 && oldTexts[o] !== newTexts[n]) changed[changedCount++] = k;
  }
  return {
    unit,
    edits: new Int32Array(rows),
    refWords: new Int32Array(rows),
    changed: changed.slice(0, changedCount),
    oldIndex,
    newIndex,
  };
}

/**
 * Fills in the rates of rows [from, to) that are not changed, which need at most a word count: an unchanged
 * paragraph has no edits over its words, a removed one costs its words over none, an added one its words
 * over its words.
 */
export function countSettledRows(
  rates: ArticleRates,
  oldTexts: readonly string[],
  newTexts: readonly string[],
  from: number,
  to: number,
): void {
  const count = rates.unit === 'char' ? countTerChars : countTerWords;
  const { changed, oldIndex, newIndex, edits, refWords } = rates;
  let next = firstAtOrAbove(changed, from);
  for (let k = from; k < to; k++) {
    if (next < changed.length && changed[next] === k) {
      next++;
      continue;
    }
    const o = oldIndex[k]!;
    const n = newIndex[k]!;
    if (o < 0) {
      const words = count(newTexts[n]!);
      edits[k] = words;
      refWords[k] = words;
    } else if (n < 0) {
      edits[k] = count(oldTexts[o]!);
      refWords[k] = 0;
    } else {
      edits[k] = 0;
      refWords[k] = count(newTexts[n]!);
    }
  }
}

/** Every rate of two articles, in this thread: the plan, the settled rows and the changed ones. */
export function articleRates(oldTexts: readonly string[], newTexts: readonly string[], unit: RateUnit): ArticleRates {
  const rates = planRates(oldTexts, newTexts, unit);
  countSettledRows(rates, oldTexts, newTexts, 0, rates.edits.length);
  rateChangedRows(rates, oldTexts, newTexts, 0, rates.changed.length);
  return rates;
}

/** Index of the first value at or above `value` in an ascending list. */
function firstAtOrAbove(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The edit rate of one pair of texts: `hypothesis` is the machine translation, `reference` the corrected text. */
export function pairRate(hypothesis: string, reference: string, unit: RateUnit): EditRate {
  return unit === 'char' ? characterEditRate(hypothesis, reference) : translationEditRate(hypothesis, reference);
}

/** Computes the rates of `rates.changed[from, to)` and writes them into `rates`. */
export function rateChangedRows(
  rates: ArticleRates,
  oldTexts: readonly string[],
  newTexts: readonly string[],
  from: number,
  to: number,
): void {
  for (let c = from; c < to; c++) {
    const k = rates.changed[c]!;
    const rate = pairRate(oldTexts[rates.oldIndex[k]!]!, newTexts[rates.newIndex[k]!]!, rates.unit);
    rates.edits[k] = rate.edits;
    rates.refWords[k] = rate.refWords;
  }
}

/** Row k's rate, from its two counts: the same figure `editRate` gives everywhere else. */
export function rowRate(rates: ArticleRates, k: number): EditRate {
  return editRate(rates.edits[k]!, rates.refWords[k]!);
}

/** The article's rate: total edits over total reference words. */
export function totalRate(rates: ArticleRates): EditRate {
  let edits = 0;
  let refWords = 0;
  for (let k = 0; k < rates.edits.length; k++) {
    edits += rates.edits[k]!;
    refWords += rates.refWords[k]!;
  }
  return editRate(edits, refWords);
}
