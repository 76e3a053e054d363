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
import { articleEditRate, compareRows, type CompareOptions, type Comparison, type ComparedParagraph } from './compare-rows';
import { myersDiff } from './myers';
import { countTerChars, countTerWords, type EditRate } from './ter';
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
export function diffArticles(
  oldTexts: readonly string[],
  newTexts: readonly string[],
  options: CompareOptions = {},
): ArticleDiff {
  const [left, right] = pairParagraphs(oldTexts, newTexts);
  const comparison = compareRows(left, right, options);
  const paragraphs = comparison.rows.map((row): ParagraphRate => {
    if (row.ter !== undefined) return { paragraph: row.index + 1, ...row.ter };
    const refWords = (comparison.editRate === 'char' ? countTerChars : countTerWords)(row.right ?? '');
    return { paragraph: row.index + 1, edits: 0, refWords, ter: 0 };
  });
  return { comparison, paragraphs, total: articleEditRate(comparison) };
}

/** Gives paired paragraphs the same id (`p1`, `p2`, ... in reading order) and unpaired ones an id of their own. */
export function pairParagraphs(
  oldTexts: readonly string[],
  newTexts: readonly string[],
): [ComparedParagraph[], ComparedParagraph[]] {
  const left: ComparedParagraph[] = [];
  const right: ComparedParagraph[] = [];
  let next = 1;
  let i = 0;
  let j = 0;
  const pair = (count: number): void => {
    for (let k = 0; k < count; k++) {
      const id = `p${next++}`;
      left.push({ id, text: oldTexts[i++]! });
      right.push({ id, text: newTexts[j++]! });
    }
  };
  const runs = myersDiff(internTexts(oldTexts, newTexts, 0), internTexts(oldTexts, newTexts, 1), MAX_DIFF_EDITS);
  if (runs === undefined) {
    pair(Math.min(oldTexts.length, newTexts.length));
  } else {
    let deleted = 0;
    let inserted = 0;
    const flush = (): void => {
      pair(Math.min(deleted, inserted));
      for (; deleted > inserted; deleted--) left.push({ id: `p${next++}`, text: oldTexts[i++]! });
      for (; inserted > deleted; inserted--) right.push({ id: `p${next++}`, text: newTexts[j++]! });
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
  for (; i < oldTexts.length; i++) left.push({ id: `p${next++}`, text: oldTexts[i]! });
  for (; j < newTexts.length; j++) right.push({ id: `p${next++}`, text: newTexts[j]! });
  return [left, right];
}

/** The texts of one side as ids shared by both sides (equal texts, equal ids). */
function internTexts(oldTexts: readonly string[], newTexts: readonly string[], side: 0 | 1): Int32Array {
  const ids = new Map<string, number>();
  for (const t of oldTexts) if (!ids.has(t)) ids.set(t, ids.size);
  for (const t of newTexts) if (!ids.has(t)) ids.set(t, ids.size);
  const texts = side === 0 ? oldTexts : newTexts;
  return Int32Array.from(texts, (t) => ids.get(t)!);
}
