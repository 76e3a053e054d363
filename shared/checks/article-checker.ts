/**
 * Runs every check over an article and keeps the findings current as paragraphs are edited.
 *
 * A full run goes paragraph by paragraph and can stop after any paragraph (`runInSlices` hands control back
 * between slices, so a service never blocks on a 100,000-paragraph article). Article-wide checks keep what they
 * learnt: consistency keeps its index of writings, length its calibration, so an edit re-checks the edited
 * paragraph and only the variant groups its phrases belong to.
 */
import { ConsistencyIndex } from './consistency-check';
import { findingKey, isMostlyHan, type CheckParagraph, type Finding } from './finding';
import { furnitureOf } from './furniture-check';
import type { Glossary } from './glossary';
import { calibrateLength, lengthFinding, logRatio, type LengthCalibration } from './length-check';
import { checkNumbers } from './number-check';
import { checkPunctuation } from './punctuation-check';
import { checkSentences } from './sentence-check';
import { checkTerminology } from './terminology-check';
import { checkUntranslated } from './untranslated-check';

export interface CheckerOptions {
  readonly glossary?: Glossary;
}

/** A variant group's findings, each with the position of its paragraph. */
interface VariantGroup {
  readonly findings: readonly Finding[];
  readonly positions: readonly number[];
}

/**
 * Paragraphs checked between two looks at the clock. A paragraph takes some microseconds, but while its code runs
 * unoptimized (cold, or after V8 drops an optimization) it took 2 ms: sixteen then held a slice 40 ms.
 */
const BATCH = 4;

export class ArticleChecker {
  private paragraphs: CheckParagraph[] = [];
  private local: (readonly Finding[] | undefined)[] = [];
  private lengths: (Finding | undefined)[] = [];
  /**
   * Each paragraph's log length ratio, NaN where it is not judged (no ratio is NaN). A typed list holds the numbers
   * themselves: a list of numbers and gaps held an object for each, 100,000 of them for a long article.
   */
  private ratios = new Float64Array(0);
  /** The ratios of a full run in one dense list, gathered as it goes: calibrating is then one short step. */
  private judged: number[] = [];
  private calibration: LengthCalibration | undefined;
  /** Variant groups with findings: each finding with the position of its paragraph, to put it in article order. */
  private readonly groups = new Map<string, VariantGroup>();
  private consistency = new ConsistencyIndex();
  private readonly glossary: Glossary;
  /** A Chinese (or Japanese) translation: the checks for English text stay quiet. */
  private hanTarget = false;

  constructor(options: CheckerOptions = {}) {
    this.glossary = options.glossary ?? [];
  }

  /** Checks a whole article at once (the command line, tests). */
  runAll(paragraphs: readonly CheckParagraph[]): Finding[] {
    const work = this.steps(paragraphs);
    while (!work.next().done);
    return this.findings();
  }

  /**
   * Checks a whole article in slices of about `sliceMs`, awaiting `pause` between them. `now` is the clock
   * (milliseconds); `cancelled` is asked between slices and stops the run early (returning false).
   */
  async runInSlices(
    paragraphs: readonly CheckParagraph[],
    { sliceMs, now, pause, cancelled }: { sliceMs: number; now: () => number; pause: () => Promise<void>; cancelled?: () => boolean },
  ): Promise<boolean> {
    const work = this.steps(paragraphs);
    for (;;) {
      const until = now() + sliceMs;
      while (now() < until) {
        for (let n = 0; n < BATCH; n++) if (work.next().done) return true;
      }
      await pause();
      if (cancelled?.()) return false;
    }
  }

  /** The whole run as small steps: each paragraph, then each paragraph's length, then each variant group. */
  private *steps(paragraphs: readonly CheckParagraph[]): Generator<void, void, void> {
    this.begin(paragraphs);
    for (let i = 0; i < paragraphs.length; i++) {
      this.checkParagraph(i);
      yield;
    }
    this.calibrate();
    yield;
    if (!this.hanTarget) {
      for (let i = 0; i < paragraphs.length; i++) {
        const r = this.ratios[i]!;
        if (!Number.isNaN(r)) this.lengths[i] = lengthFinding(this.paragraphs[i]!, this.calibration, r);
        if ((i & 15) === 15) yield;
      }
    }
    for (const key of [...this.consistency.keys()]) {
      this.regroup(key);
      yield;
    }
  }

  /**
   * Re-checks one paragraph after an edit. Returns the ids of every paragraph whose findings may have changed
   * (the edited one, and those sharing a variant group with it).
   */
  update(index: number, paragraph: CheckParagraph): Set<string> {
    const changed = new Set<string>([paragraph.id]);
    if (index < 0 || index >= this.paragraphs.length) return changed;
    this.paragraphs[index] = paragraph;
    this.checkParagraph(index);
    const r = this.ratios[index]!;
    this.lengths[index] = this.hanTarget || Number.isNaN(r) ? undefined : lengthFinding(paragraph, this.calibration, r);
    // The keys the paragraph held before the edit and holds now (see ConsistencyIndex.set).
    for (const key of this.touched) {
      for (const f of this.groups.get(key)?.findings ?? []) changed.add(f.paragraphId);
      this.regroup(key);
      for (const f of this.groups.get(key)?.findings ?? []) changed.add(f.paragraphId);
    }
    return changed;
  }

  /** Every finding, in article order. */
  findings(): Finding[] {
    const out: Finding[] = [];
    // Each finding's paragraph position, found once: looked up in the comparisons, 30,000 findings took tens of ms.
    const at: number[] = [];
    const add = (f: Finding, position: number) => {
      out.push(f);
      at.push(position);
    };
    for (let i = 0; i < this.paragraphs.length; i++) {
      for (const f of this.local[i] ?? []) add(f, i);
      const length = this.lengths[i];
      if (length) add(length, i);
    }
    for (const { findings, positions } of this.groups.values()) for (let k = 0; k < findings.length; k++) add(findings[k]!, positions[k]!);
    // A stable sort of places in the list, so that findings alike keep the order they were gathered in.
    const ranks = out.map((_, k) => k);
    ranks.sort((x, y) => at[x]! - at[y]! || out[x]!.start - out[y]!.start || out[x]!.end - out[y]!.end);
    return ranks.map((k) => out[k]!);
  }

  /** Variant groups the last checked paragraph held before or holds now. */
  private touched = new Set<string>();
  private begin(paragraphs: readonly CheckParagraph[]): void {
    this.paragraphs = [...paragraphs];
    this.local = new Array<readonly Finding[] | undefined>(paragraphs.length);
    this.lengths = new Array<Finding | undefined>(paragraphs.length);
    this.ratios = new Float64Array(paragraphs.length).fill(Number.NaN);
    this.judged = [];
    this.groups.clear();
    this.consistency = new ConsistencyIndex();
    // Judged on a sample of the article: the first paragraphs are enough to tell a Chinese translation.
    this.hanTarget = isMostlyHan(
      paragraphs
        .slice(0, 50)
        .map((p) => p.text)
        .join(' '),
    );
  }

  private calibrate(): void {
    this.calibration = calibrateLength(this.judged);
    this.judged = [];
  }

  private regroup(key: string): void {
    const positions: number[] = [];
    const findings = this.consistency.findings(key, positions);
    if (findings.length > 0) this.groups.set(key, { findings, positions });
    else this.groups.delete(key);
  }

  private checkParagraph(i: number): void {
    const p = this.paragraphs[i]!;
    const ratio = logRatio(p);
    this.ratios[i] = ratio ?? Number.NaN;
    if (ratio !== undefined) this.judged.push(ratio);
    if (this.hanTarget) {
      this.local[i] = undefined;
      this.touched = new Set();
      return;
    }
    const found: Finding[] = [];
    const furniture = furnitureOf(p, i > 0 ? this.paragraphs[0]?.text.trim() : undefined);
    if (furniture) {
      // Furniture is removed whole: what else is wrong with it does not matter.
      found.push(furniture);
    } else {
      found.push(...checkSentences(p), ...checkPunctuation(p), ...checkNumbers(p), ...checkUntranslated(p));
      if (this.glossary.length > 0) found.push(...checkTerminology(p, this.glossary));
    }
    // Kept exactly as long as its findings (slice, a literal): a list grown by push keeps room for a dozen more.
    this.local[i] = found.length > 1 ? dedupe(found).slice() : found.length === 1 ? [found[0]!] : undefined;
    this.touched = furniture ? this.consistency.set({ ...p, text: '' }, i) : this.consistency.set(p, i);
  }
}

/** One finding per check and span: two rules that found the same thing say it once. */
function dedupe(found: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = findingKey({ ...f, text: '' });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every check over an article: the findings in article order. */
export function checkArticle(paragraphs: readonly CheckParagraph[], options: CheckerOptions = {}): Finding[] {
  return new ArticleChecker(options).runAll(paragraphs);
}
