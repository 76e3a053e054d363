/**
 * The figures of the version panel: for each saved version, how many paragraphs changed and the edit rate
 * from the machine translation to it over the whole article.
 *
 * The article's edit rate is total edits over total reference units (words, or characters for a Chinese or
 * Japanese target): a changed paragraph adds its TER edits and its reference length; an unchanged one adds its
 * length and no edits. The reference is the version's text and the hypothesis the machine translation, as
 * HTER defines it. Summaries are cached by version: a saved version never changes, so each is computed once,
 * touching only the paragraphs it changed.
 */
import { performance } from 'node:perf_hooks';
import type { RatedVersion, VersionSummary } from '../../shared/contract';
import { characterEditRate, countTerChars, countTerWords, editRate, translationEditRate, type EditRate } from '../../shared/diff/ter';
import { changedBetween, type ReviewState, type Version } from '../../shared/journal/review-state';
import type { Paragraph } from '../../shared/model';
import { letterCounts } from '../../shared/scoring/word-count';

export type EditRateUnit = 'word' | 'char';

/** Characters looked at to decide the unit: enough to judge, little enough to be instant on any article. */
const UNIT_SAMPLE_CHARS = 200_000;

/**
 * Words for spaced scripts; characters when most letters of the machine translation are Chinese or Japanese,
 * where a white-space-split "word" is a whole sentence and TER would say nothing.
 */
export function editRateUnitOf(paragraphs: readonly Paragraph[]): EditRateUnit {
  let cjk = 0;
  let letters = 0;
  let seen = 0;
  for (const p of paragraphs) {
    const counts = letterCounts(p.target);
    letters += counts.letters;
    cjk += counts.ideographs;
    seen += p.target.length;
    if (seen >= UNIT_SAMPLE_CHARS) break;
  }
  return letters > 0 && cjk * 2 > letters ? 'char' : 'word';
}

/** Edit rate of one paragraph in the article's unit: `hypothesis` the older text, `reference` the newer. */
export function paragraphEditRate(unit: EditRateUnit, hypothesis: string, reference: string): EditRate {
  return unit === 'char' ? characterEditRate(hypothesis, reference) : translationEditRate(hypothesis, reference);
}

/** Length of a text in the article's unit. */
export function unitCount(unit: EditRateUnit, text: string): number {
  return unit === 'char' ? countTerChars(text) : countTerWords(text);
}

/** Edit-rate work done between two breaths when summarising a version in slices. */
const SLICE_MS = 8;

export class VersionFigures {
  private readonly cache = new WeakMap<Version, RatedVersion>();
  /** A version's summary without its edit rate, until `prepare` reaches it (see `known`). */
  private readonly counted = new WeakMap<Version, VersionSummary>();
  private readonly machineUnits: number;
  /** Length of each paragraph's machine translation in the unit, by position: counted once per review. */
  private readonly machineCounts: Uint32Array;
  private readonly version0: RatedVersion;

  /** `counts`: each paragraph's length in the unit by position, when already counted (while the article loaded). */
  constructor(
    state0: ReviewState,
    readonly unit: EditRateUnit,
    counts?: ArrayLike<number>,
  ) {
    let units = 0;
    this.machineCounts = new Uint32Array(state0.paragraphs.length);
    state0.paragraphs.forEach((p, i) => {
      const n = counts ? (counts[i] ?? 0) : unitCount(unit, p.target);
      this.machineCounts[i] = n;
      units += n;
    });
    this.machineUnits = units;
    this.version0 = {
      number: 0,
      message: 'Machine translation',
      author: '',
      at: state0.header.created,
      changedFromPrevious: 0,
      changedFromMachine: 0,
      ter: editRate(0, units),
    };
  }

  /** Version 0 (the machine translation) and every saved version, in order. */
  summaries(state: ReviewState): RatedVersion[] {
    const out: RatedVersion[] = [this.version0];
    for (const version of state.versions) {
      let summary = this.cache.get(version);
      if (!summary) {
        summary = this.summarise(state, version);
        this.cache.set(version, summary);
      }
      out.push(summary);
    }
    return out;
  }

  /**
   * The summaries as far as they are known: a version `prepare` has not reached yet comes without its edit rate
   * (its counts of changed paragraphs take no time).
   */
  known(state: ReviewState): VersionSummary[] {
    return [this.version0, ...state.versions.map((version): VersionSummary => this.cache.get(version) ?? this.countedOf(state, version))];
  }

  /** A version's counts of changed paragraphs, made once: the view is made again at every change while rates are worked out. */
  private countedOf(state: ReviewState, version: Version): VersionSummary {
    let summary = this.counted.get(version);
    if (!summary) {
      summary = {
        number: version.number,
        message: version.message,
        author: version.author,
        at: version.at,
        changedFromPrevious: changedBetween(state, version.number - 1, version.number)?.length ?? 0,
        changedFromMachine: changedFromMachine(state, version),
      };
      this.counted.set(version, summary);
    }
    return summary;
  }

  /** Paragraphs `prepare` still has to rate: those the versions not summarised yet changed. */
  unprepared(state: ReviewState): number {
    let n = 0;
    for (const version of state.versions) if (!this.cache.has(version)) n += version.texts.size;
    return n;
  }

  /**
   * Works out the summaries of versions not summarised yet in slices of a few milliseconds with the event loop
   * free in between (a version that changed thousands of paragraphs takes one edit rate each), so that
   * `summaries` afterwards is instant.
   */
  async prepare(state: ReviewState, breathe: () => Promise<void>): Promise<void> {
    for (const version of state.versions) {
      if (this.cache.has(version)) continue;
      let edits = 0;
      let units = this.machineUnits;
      let changedMachine = 0;
      let sliceStart = performance.now();
      for (const [id, text] of version.texts) {
        const i = state.paragraphIndex.get(id);
        if (i === undefined) continue;
        const target = state.paragraphs[i]!.target;
        if (target !== text) changedMachine++;
        const rate = paragraphEditRate(this.unit, target, text);
        edits += rate.edits;
        units += rate.refWords - (this.machineCounts[i] ?? 0);
        if (performance.now() - sliceStart > SLICE_MS) {
          await breathe();
          sliceStart = performance.now();
        }
      }
      this.cache.set(version, {
        number: version.number,
        message: version.message,
        author: version.author,
        at: version.at,
        changedFromPrevious: changedBetween(state, version.number - 1, version.number)?.length ?? 0,
        changedFromMachine: changedMachine,
        ter: editRate(edits, units),
      });
    }
  }

  /** Length in the unit of a paragraph's text, by position; free when the text is the machine translation. */
  unitsOf(state: ReviewState, index: number, text: string): number {
    return text === state.paragraphs[index]?.target ? (this.machineCounts[index] ?? 0) : unitCount(this.unit, text);
  }

  /** The edit rate from the machine translation to a set of changed paragraph texts (id → text). */
  articleRate(state: ReviewState, changed: ReadonlyMap<string, string>): EditRate {
    let edits = 0;
    let units = this.machineUnits;
    for (const [id, text] of changed) {
      const i = state.paragraphIndex.get(id);
      if (i === undefined) continue;
      const target = state.paragraphs[i]!.target;
      const rate = paragraphEditRate(this.unit, target, text);
      edits += rate.edits;
      units += rate.refWords - (this.machineCounts[i] ?? 0);
    }
    return editRate(edits, units);
  }

  private summarise(state: ReviewState, version: Version): RatedVersion {
    const previous = version.number - 1;
    const changedMachine = changedFromMachine(state, version);
    return {
      number: version.number,
      message: version.message,
      author: version.author,
      at: version.at,
      changedFromPrevious: changedBetween(state, previous, version.number)?.length ?? 0,
      changedFromMachine: changedMachine,
      ter: this.articleRate(state, version.texts),
    };
  }
}

/** Paragraphs whose text in a version differs from the machine translation. */
function changedFromMachine(state: ReviewState, version: Version): number {
  let n = 0;
  for (const [id, text] of version.texts) {
    const i = state.paragraphIndex.get(id);
    if (i !== undefined && state.paragraphs[i]!.target !== text) n++;
  }
  return n;
}
