/**
 * Two versions of an article turned into rows for a side-by-side (or inline) view: data first, the view only
 * renders rows and virtualizes them, so a 100,000-paragraph comparison costs the DOM no more than a short one.
 *
 * Paragraphs pair by their stable id. Only paragraphs whose texts differ are diffed and scored; an unchanged
 * paragraph costs a string comparison and a word count (for the article's edit rate).
 */
import { assertNever } from '../result';
import { characterEditRate, countTerChars, countTerWords, editRate, translationEditRate, type EditRate } from './ter';
import { diffText, newSide, oldSide, type DiffLevel, type DiffSegment } from './text-diff';

export interface ComparedParagraph {
  readonly id: string;
  readonly text: string;
}

export type RowStatus = 'same' | 'changed' | 'added' | 'removed';

/** The diff of a changed paragraph, ready to render. */
export interface RowDiff {
  /** Inline view: what stayed, what was deleted and what was inserted, in reading order. */
  readonly segments: readonly DiffSegment[];
  /** Left (old) column: what stayed and what was deleted. */
  readonly left: readonly DiffSegment[];
  /** Right (new) column: what stayed and what was inserted. */
  readonly right: readonly DiffSegment[];
  readonly level: DiffLevel;
  /** True when a size limit made the diff coarser than asked for. */
  readonly coarsened: boolean;
}

export interface CompareRow {
  /** 0-based position among the rows. */
  readonly index: number;
  readonly paragraphId: string;
  readonly status: RowStatus;
  /** The old text; absent for an added paragraph. */
  readonly left?: string;
  /** The new text; absent for a removed paragraph. */
  readonly right?: string;
  /** Changed rows only. */
  readonly diff?: RowDiff;
  /** Edit rate from the old text (the hypothesis) to the new one (the reference); every row but `same`. */
  readonly ter?: EditRate;
}

export interface CompareOptions {
  /** Diff level for changed rows; `char` falls back to words past the size limits. Default `word`. */
  readonly level?: 'word' | 'char';
  /** Edit rate over words (TER) or characters (for Chinese and Japanese). Default `word`. */
  readonly editRate?: 'word' | 'char';
  /**
   * False for callers that need only the edit rates (the command line's `--json`): changed rows then carry
   * their rate but no `diff`, which on a long article costs as much as the rates themselves. Default true.
   */
  readonly rowDiffs?: boolean;
}

export interface Comparison {
  readonly rows: readonly CompareRow[];
  /** Indices of the rows that are not `same`, ascending: for "next change" and "changes only". */
  readonly changedIndices: readonly number[];
  readonly counts: { readonly same: number; readonly changed: number; readonly added: number; readonly removed: number };
  /** How many paragraph pairs were diffed: equal to `counts.changed`, never the whole article. */
  readonly diffed: number;
  /** The unit of the rows' edit rates. */
  readonly editRate: 'word' | 'char';
}

/**
 * Compares two versions of an article, each a list of paragraphs in article order. A paragraph whose id is
 * on one side only is `added` or `removed`; a paragraph whose position among the shared ids changed is shown
 * as removed where it was and added where it is now.
 */
export function compareRows(
  oldParagraphs: readonly ComparedParagraph[],
  newParagraphs: readonly ComparedParagraph[],
  options: CompareOptions = {},
): Comparison {
  const steps = compareSteps(oldParagraphs, newParagraphs, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Changed paragraphs diffed between two pauses when comparing in steps (each a word diff and an edit rate): one of
 * a long paragraph rewritten in places takes 2-3 ms, and sixteen held the service for 30-57 ms.
 */
const DIFFS_PER_STEP = 8;
/** Unchanged paragraphs passed between two pauses. */
const ROWS_PER_STEP = 20_000;

/**
 * The same comparison, pausing (`breathe`) every few changed paragraphs, so a service comparing two versions of
 * a 100,000-paragraph article keeps answering meanwhile.
 */
export async function compareRowsInSteps(
  oldParagraphs: readonly ComparedParagraph[],
  newParagraphs: readonly ComparedParagraph[],
  options: CompareOptions,
  breathe: () => Promise<void>,
): Promise<Comparison> {
  const steps = compareSteps(oldParagraphs, newParagraphs, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await breathe();
  }
}

function* compareSteps(
  oldParagraphs: readonly ComparedParagraph[],
  newParagraphs: readonly ComparedParagraph[],
  options: CompareOptions,
): Generator<void, Comparison> {
  const level = options.level ?? 'word';
  const rowDiffs = options.rowDiffs ?? true;
  const byChars = options.editRate === 'char';
  const rate = byChars ? characterEditRate : translationEditRate;
  const count = byChars ? countTerChars : countTerWords;
  // Two versions of one article usually hold the same paragraphs in the same order: every row then pairs the
  // paragraphs at its position, and the sets of ids that find moved, added and removed ones are not needed.
  const aligned = sameIdsInOrder(oldParagraphs, newParagraphs);
  const inOld = new Set<string>();
  const inNew = new Set<string>();
  if (!aligned) {
    for (const p of oldParagraphs) inOld.add(p.id);
    for (const p of newParagraphs) inNew.add(p.id);
  }

  const rows: CompareRow[] = [];
  const changedIndices: number[] = [];
  const counts = { same: 0, changed: 0, added: 0, removed: 0 };
  const moved = new Set<string>();
  let diffed = 0;
  const changed = (row: CompareRow): void => {
    changedIndices.push(row.index);
    rows.push(row);
  };
  const removed = (p: ComparedParagraph): void => {
    counts.removed++;
    const ter = editRate(count(p.text), 0);
    changed({ index: rows.length, paragraphId: p.id, status: 'removed', left: p.text, ter });
  };
  const added = (p: ComparedParagraph): void => {
    counts.added++;
    const words = count(p.text);
    changed({ index: rows.length, paragraphId: p.id, status: 'added', right: p.text, ter: editRate(words, words) });
  };

  /** Two paragraphs with one id: the same text, or a changed one diffed and rated. */
  const paired = (a: ComparedParagraph, b: ComparedParagraph): void => {
    const left = a.text;
    const right = b.text;
    if (left === right) {
      counts.same++;
      rows.push({ index: rows.length, paragraphId: a.id, status: 'same', left, right });
      return;
    }
    counts.changed++;
    diffed++;
    sinceBreath += ROWS_PER_STEP / DIFFS_PER_STEP;
    const ter = rate(left, right);
    if (rowDiffs) {
      const diff = diffText(left, right, level);
      const rowDiff = { ...diff, left: oldSide(diff.segments), right: newSide(diff.segments) };
      changed({ index: rows.length, paragraphId: a.id, status: 'changed', left, right, diff: rowDiff, ter });
    } else {
      changed({ index: rows.length, paragraphId: a.id, status: 'changed', left, right, ter });
    }
  };

  let i = 0;
  let j = 0;
  let sinceBreath = 0;
  while (i < oldParagraphs.length || j < newParagraphs.length) {
    // A diffed paragraph weighs as much as about a thousand unchanged ones.
    if (sinceBreath >= ROWS_PER_STEP) {
      sinceBreath = 0;
      yield;
    }
    sinceBreath++;
    const a = oldParagraphs[i];
    const b = newParagraphs[j];
    if (aligned) {
      paired(a!, b!);
      i++;
      j++;
    } else if (a !== undefined && !inNew.has(a.id)) {
      removed(a);
      i++;
    } else if (b !== undefined && (!inOld.has(b.id) || moved.has(b.id))) {
      added(b);
      j++;
    } else if (a !== undefined && b !== undefined && a.id === b.id) {
      paired(a, b);
      i++;
      j++;
    } else if (a !== undefined) {
      // Both sides hold a shared id here but not the same one: the old paragraph moved further down.
      moved.add(a.id);
      removed(a);
      i++;
    } else {
      // Only new paragraphs are left, so this one's old counterpart was passed: it moved up.
      added(b!);
      j++;
    }
  }
  return { rows, changedIndices, counts, diffed, editRate: byChars ? 'char' : 'word' };
}

/** Whether both lists hold the same ids at the same positions. */
function sameIdsInOrder(oldParagraphs: readonly ComparedParagraph[], newParagraphs: readonly ComparedParagraph[]): boolean {
  if (oldParagraphs.length !== newParagraphs.length) return false;
  for (let k = 0; k < oldParagraphs.length; k++) if (oldParagraphs[k]!.id !== newParagraphs[k]!.id) return false;
  return true;
}

/**
 * The whole article's edit rate: total edits over total reference words, unchanged paragraphs counting their
 * words with no edits. Computed on request because counting the words of every unchanged paragraph costs more
 * than building all the rows.
 */
export function articleEditRate(comparison: Comparison): EditRate {
  const count = comparison.editRate === 'char' ? countTerChars : countTerWords;
  let edits = 0;
  let refWords = 0;
  for (const row of comparison.rows) {
    if (row.ter !== undefined) {
      edits += row.ter.edits;
      refWords += row.ter.refWords;
    } else if (row.right !== undefined) refWords += count(row.right);
  }
  return editRate(edits, refWords);
}

/** The first changed row after `index`, or `undefined` at the last change. */
export function nextChangedRow(comparison: Comparison, index: number): CompareRow | undefined {
  const list = comparison.changedIndices;
  const at = firstAbove(list, index);
  return at < list.length ? comparison.rows[list[at]!] : undefined;
}

/** The last changed row before `index`, or `undefined` at the first change. */
export function previousChangedRow(comparison: Comparison, index: number): CompareRow | undefined {
  const list = comparison.changedIndices;
  const at = firstAbove(list, index - 1) - 1;
  return at >= 0 ? comparison.rows[list[at]!] : undefined;
}

/** The rows that are not `same`, for a "changes only" view. */
export function changedRowsOnly(comparison: Comparison): CompareRow[] {
  return comparison.changedIndices.map((i) => comparison.rows[i]!);
}

/** Index in an ascending list of the first value greater than `value` (binary search). */
export function firstAbove(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A short label for a row's status, for screen readers and the command line. */
export function statusLabel(status: RowStatus): string {
  switch (status) {
    case 'same':
      return 'unchanged';
    case 'changed':
      return 'changed';
    case 'added':
      return 'added';
    case 'removed':
      return 'removed';
    default:
      return assertNever(status, 'row status');
  }
}
