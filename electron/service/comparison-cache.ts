/**
 * Comparisons of two versions of a review, kept for the compare view: it asks for one window of rows at a time
 * while the reviewer scrolls, so the comparison is built once and sliced many times.
 *
 * An entry stays valid while both versions it compared hold the same text. Saved versions never change; the
 * working text ('current') changes with every edit, and each change gives the review state a new drafts map
 * (the reducer copies on write), so the entry remembers the map it was built from and is rebuilt when the map
 * is another one. A handful of entries are kept, least recently used dropped first.
 */
import { compareRowsInSteps, type Comparison } from '../../shared/diff/compare-rows';
import { prepareWordSegmenter } from '../../shared/diff/tokenize';
import { breathe } from '../breathe';
import { editRate, type EditRate } from '../../shared/diff/ter';
import { versionTextsInSteps, type ReviewState, type VersionRef } from '../../shared/journal/review-state';
import type { VersionFigures } from './version-figures';

/** Comparisons kept per review: the pairs a reviewer flips between (0 ↔ current, last version ↔ current, ...). */
const MAX_CACHED_COMPARISONS = 6;
/** Paragraphs or rows gone over between two breaths when a comparison is prepared and summed up. */
const ROWS_PER_STEP = 20_000;

export interface CachedComparison {
  readonly comparison: Comparison;
  /** Edit rate of the whole article from left to right. */
  readonly ter: EditRate;
}

interface Entry extends CachedComparison {
  readonly key: string;
  readonly left: unknown;
  readonly right: unknown;
}

export class ComparisonCache {
  private entries: Entry[] = [];

  constructor(private readonly figures: VersionFigures) {}

  /**
   * The comparison of two versions the review has (the caller checks that they exist), built in steps with the
   * event loop free in between the first time it is asked for.
   */
  async get(state: ReviewState, left: VersionRef, right: VersionRef, level: 'word' | 'char'): Promise<CachedComparison> {
    const key = `${left}|${right}|${level}`;
    const leftToken = tokenOf(state, left);
    const rightToken = tokenOf(state, right);
    const at = this.entries.findIndex((e) => e.key === key);
    if (at >= 0) {
      const entry = this.entries[at]!;
      this.entries.splice(at, 1);
      if (entry.left === leftToken && entry.right === rightToken) {
        this.entries.push(entry);
        return entry;
      }
    }
    // The word segmenter (for Chinese and Japanese) is made in a step of its own: making it takes some milliseconds.
    prepareWordSegmenter();
    await breathe();
    const comparison = await compareRowsInSteps(
      await paragraphsAt(state, left),
      await paragraphsAt(state, right),
      { level, editRate: this.figures.unit },
      breathe,
    );
    const entry: Entry = { key, left: leftToken, right: rightToken, comparison, ter: await this.articleRate(state, comparison) };
    this.entries.push(entry);
    if (this.entries.length > MAX_CACHED_COMPARISONS) this.entries.shift();
    return entry;
  }

  clear(): void {
    this.entries = [];
  }

  /**
   * Total edits over total reference units, unchanged paragraphs adding their length and no edits: the figure
   * `articleEditRate` gives, with the lengths of unchanged machine-translated paragraphs taken from the counts
   * made once per review instead of scanning their text again on every comparison.
   */
  private async articleRate(state: ReviewState, comparison: Comparison): Promise<EditRate> {
    let edits = 0;
    let units = 0;
    const rows = comparison.rows;
    for (let k = 0; k < rows.length; k++) {
      if (k > 0 && k % ROWS_PER_STEP === 0) await breathe();
      const row = rows[k]!;
      if (row.ter !== undefined) {
        edits += row.ter.edits;
        units += row.ter.refWords;
      } else if (row.right !== undefined) {
        units += this.figures.unitsOf(state, state.paragraphIndex.get(row.paragraphId) ?? -1, row.right);
      }
    }
    return editRate(edits, units);
  }
}

/** What a version's text depends on: the drafts map for the working text, the saved version object otherwise. */
function tokenOf(state: ReviewState, ref: VersionRef): unknown {
  if (ref === 'current') return state.drafts;
  return ref === 0 ? null : state.versions[ref - 1];
}

/** A version's paragraphs as the comparison takes them, made a step at a time. */
async function paragraphsAt(state: ReviewState, ref: VersionRef): Promise<{ id: string; text: string }[]> {
  const texts = (await versionTextsInSteps(state, ref, breathe)) ?? [];
  await breathe();
  const out: { id: string; text: string }[] = new Array(state.paragraphs.length);
  for (let i = 0; i < out.length; i++) {
    if (i > 0 && i % ROWS_PER_STEP === 0) await breathe();
    const p = state.paragraphs[i]!;
    out[i] = { id: p.id, text: texts[i] ?? p.target };
  }
  return out;
}
