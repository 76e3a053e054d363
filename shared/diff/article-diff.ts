/**
 * Comparing two articles that have no paragraph ids in common (two files, say the machine translation and its
 * post-edited version): paragraphs are paired first, then compared as rows.
 *
 * Pairing: the paragraph texts are diffed as whole units, so an inserted or deleted paragraph does not throw
 * every later pair off; within a stretch where both sides changed, paragraphs pair up in order and the
 * surplus on the longer side is added or removed. When the two articles differ in more paragraphs than the
 * diff limit, they pair purely by position (the usual case for a machine translation against its
 * post-edit, where every paragraph differs and position is the right answer anyway).
 */
import { compareRows, type CompareOptions, type Comparison, type ComparedParagraph } from './compare-rows';
import { myersDiff, type EditRun } from './myers';
import { aggregateEditRate, countTerChars, countTerWords, type EditRate } from './ter';
import { MAX_DIFF_EDITS } from './text-diff';

export interface ParagraphRate extends EditRate {
  /** 1-based row number in the comparison. */
  readonly paragraph: number;
}

export interface ArticleDiff {
  readonly comparison: Comparison;
  readonly paragraphs: readonly ParagraphRate[];
  /** Total edits over total reference words. */
  readonly total: EditRate;
}

/**
 * Pairs the paragraphs of two articles and compares them: `oldTexts` is the hypothesis (machine translation),
 * `newTexts` the reference. Every row gets an edit rate, unchanged ones with no edits.
 */
export function diffArticles(oldTexts: readonly string[], newTexts: readonly string[], options: CompareOptions = {}): ArticleDiff {
  const [left, right] = pairParagraphs(oldTexts, newTexts);
  const comparison = compareRows(left, right, options);
  const count = comparison.editRate === 'char' ? countTerChars : countTerWords;
  const paragraphs = comparison.rows.map((row): ParagraphRate => {
    if (row.ter !== undefined) return { paragraph: row.index + 1, ...row.ter };
    return { paragraph: row.index + 1, edits: 0, refWords: count(row.right ?? ''), ter: 0 };
  });
  // The same sums as articleEditRate(comparison), from the counts just made instead of counting every word again.
  return { comparison, paragraphs, total: aggregateEditRate(paragraphs) };
}

/**
 * How the paragraphs of two articles pair up, one entry per row in reading order: `oldIndex[k]` and
 * `newIndex[k]` are row k's paragraph on each side, or -1 where the row has a paragraph on one side only.
 * Within a stretch where both sides changed, pairs come first, then the surplus removed, then the surplus added.
 */
export interface RowPairing {
  readonly oldIndex: Int32Array;
  readonly newIndex: Int32Array;
}

/** Pairs the paragraphs of two articles (see the top of this file); typed arrays, no object per row. */
export function pairRows(oldTexts: readonly string[], newTexts: readonly string[]): RowPairing {
  const capacity = oldTexts.length + newTexts.length;
  const oldIndex = new Int32Array(capacity);
  const newIndex = new Int32Array(capacity);
  let rows = 0;
  let i = 0;
  let j = 0;
  const pair = (count: number): void => {
    for (let k = 0; k < count; k++) {
      oldIndex[rows] = i++;
      newIndex[rows++] = j++;
    }
  };
  const removed = (count: number): void => {
    for (let k = 0; k < count; k++) {
      oldIndex[rows] = i++;
      newIndex[rows++] = -1;
    }
  };
  const added = (count: number): void => {
    for (let k = 0; k < count; k++) {
      oldIndex[rows] = -1;
      newIndex[rows++] = j++;
    }
  };
  let runs: EditRun[] | undefined;
  if (!surelyMoreEdits(oldTexts, newTexts, MAX_DIFF_EDITS)) {
    const [oldIds, newIds] = internTexts(oldTexts, newTexts);
    runs = myersDiff(oldIds, newIds, MAX_DIFF_EDITS);
  }
  if (runs === undefined) {
    pair(Math.min(oldTexts.length, newTexts.length));
  } else {
    let deleted = 0;
    let inserted = 0;
    const flush = (): void => {
      const paired = Math.min(deleted, inserted);
      pair(paired);
      removed(deleted - paired);
      added(inserted - paired);
      deleted = 0;
      inserted = 0;
    };
    for (const run of runs) {
      if (run.kind === 'same') {
        flush();
        pair(run.count);
      } else if (run.kind === 'delete') deleted += run.count;
      else inserted += run.count;
    }
    flush();
  }
  removed(oldTexts.length - i);
  added(newTexts.length - j);
  return { oldIndex: oldIndex.subarray(0, rows), newIndex: newIndex.subarray(0, rows) };
}

/** Gives paired paragraphs the same id (`p1`, `p2`, ... in reading order) and unpaired ones an id of their own. */
export function pairParagraphs(oldTexts: readonly string[], newTexts: readonly string[]): [ComparedParagraph[], ComparedParagraph[]] {
  const { oldIndex, newIndex } = pairRows(oldTexts, newTexts);
  const left: ComparedParagraph[] = [];
  const right: ComparedParagraph[] = [];
  for (let k = 0; k < oldIndex.length; k++) {
    const id = `p${k + 1}`;
    if (oldIndex[k]! >= 0) left.push({ id, text: oldTexts[oldIndex[k]!]! });
    if (newIndex[k]! >= 0) right.push({ id, text: newTexts[newIndex[k]!]! });
  }
  return [left, right];
}

/**
 * A cheap stand-in for a text: equal texts have equal fingerprints, so a text whose fingerprint the other side
 * lacks is certainly not there. It reads the length and a few characters, never the whole text.
 */
function fingerprint(text: string): number {
  const n = text.length;
  let h = n;
  for (let k = 1; k < 8; k++) h = Math.imul(h ^ (n === 0 ? 0 : text.charCodeAt(((n - 1) * k) >> 3)), 0x9e3779b1);
  return h | 0;
}

/**
 * Whether the paragraph diff is sure to need more than `max` insertions and deletions: every paragraph found
 * on one side only must be deleted or inserted. Answering this from fingerprints spares reading every text
 * in full to intern it when an article has thousands of edited paragraphs and would be paired by position
 * anyway.
 */
function surelyMoreEdits(oldTexts: readonly string[], newTexts: readonly string[], max: number): boolean {
  const oldPrints = Int32Array.from(oldTexts, fingerprint);
  const newPrints = Int32Array.from(newTexts, fingerprint);
  const onOld = new Set(oldPrints);
  const onNew = new Set(newPrints);
  let unmatched = 0;
  for (const p of oldPrints) if (!onNew.has(p)) unmatched++;
  for (const p of newPrints) if (!onOld.has(p)) unmatched++;
  return Math.max(unmatched, Math.abs(oldTexts.length - newTexts.length)) > max;
}

/** The texts of both sides as ids shared by both (equal texts, equal ids). */
function internTexts(oldTexts: readonly string[], newTexts: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const idOf = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  return [Int32Array.from(oldTexts, idOf), Int32Array.from(newTexts, idOf)];
}
