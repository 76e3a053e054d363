/**
 * One article being loaded: the target (translation) stream and, when given, the source stream, paired
 * paragraph by paragraph as both arrive. Paragraph objects are built on request for the window the renderer
 * shows, so holding 100,000 paragraphs costs little more than their text.
 */
import { stat } from 'node:fs/promises';
import type { ServiceEvent } from '../../shared/contract';
import { paragraphFromBlocks, paragraphIdAt, type ArticleInfo, type Block, type ImportedFlag, type Paragraph } from '../../shared/model';
import type { Failure } from '../../shared/result';
import type { ParagraphCounts } from '../../shared/scoring/paragraph-counts';
import { streamArticle } from '../loader/article-stream';
import { BackgroundCounter, countInSlices } from './background-counter';
import { HeaderBuilder, NOT_KNOWN_YET, SUMMED_ONLY, WARM_FROM_BYTES, type HeaderLine, type HeaderParagraphs } from './header-builder';
import { JOURNAL_FORMAT } from '../../shared/journal/journal-event';
import { headerOpening } from '../../shared/journal/read-journal';

/** An article's review file, in a folder that can be written, and whether it exists already. */
export interface ReviewFileFound {
  readonly path: string;
  readonly exists: boolean;
}

/** What a `load-progress` event says, less the review it belongs to. */
export type LoadProgress = Omit<Extract<ServiceEvent, { type: 'load-progress' }>, 'type' | 'reviewId'>;

interface Side {
  readonly blocks: Block[];
  bytesRead: number;
  totalBytes: number;
  done: boolean;
  error?: Failure;
  info?: ArticleInfo;
}

/**
 * `allParagraphsInSteps` builds at most this many paragraph objects between two breaths, and stops sooner once
 * `STEP_MS` have passed (it looks at the clock every `PARAGRAPHS_PER_LOOK`): 5,000 plain paragraphs take a few
 * milliseconds, but 5,000 of a page's (headings, inline tags), built for the first time, took 20 ms, and a
 * collection landing on them took the turn past 35; 256 of a Word document's, code not warm yet, took 15 ms.
 */
const PARAGRAPHS_PER_STEP = 5000;
const STEP_MS = 4;
const PARAGRAPHS_PER_LOOK = 64;

export class ArticleLoad {
  private readonly target: Side = { blocks: [], bytesRead: 0, totalBytes: 0, done: false };
  private readonly source: Side | undefined;
  private readonly controller = new AbortController();
  /**
   * Counts the translation's words while it loads, for the review's scores and edit rates, until the header's
   * thread takes the paragraphs over (a long article), which counts them too.
   */
  private readonly counter = new BackgroundCounter({ thread: false });
  private counterStopped = false;
  /** Makes a new review's header from the paragraphs as they settle, and counts them (see header-builder.ts). */
  private readonly header: HeaderBuilder;
  private built: Promise<{ paragraphs: HeaderParagraphs | undefined; counts: ParagraphCounts } | undefined> | undefined;
  /**
   * An article without a source file: its paragraph objects, made as its paragraphs come (a review needs them all
   * once it is loaded, and making 100,000 then took tens of milliseconds of the wait for the review).
   */
  private readonly made: Paragraph[] = [];
  /** Paragraphs given to `header` so far. */
  private headerNext = 0;
  /** Resolves once both sides are read (or one failed). */
  readonly finished: Promise<void>;
  /** Resolves when the first paragraphs are available, the load is done, or it failed. */
  readonly started: Promise<void>;

  /**
   * The article's review file and whether it exists (undefined when it cannot be written), once known: a long
   * article's header is made beside it.
   */
  private review: ReviewFileFound | undefined | typeof NOT_KNOWN_YET = NOT_KNOWN_YET;

  constructor(
    readonly targetPath: string,
    readonly sourcePath: string | undefined,
    private readonly onProgress: (p: LoadProgress) => void,
    /** Where the article's review file is, worked out beside the loading; undefined when it cannot be written. */
    review: Promise<ReviewFileFound | undefined> = Promise.resolve(undefined),
  ) {
    if (sourcePath) this.source = { blocks: [], bytesRead: 0, totalBytes: 0, done: false };
    review.then(
      (found) => (this.review = found),
      () => (this.review = undefined),
    );
    this.header = new HeaderBuilder(sourcePath !== undefined, () => this.headerLine());
    // A long article's header thread starts while its first paragraphs are read.
    stat(targetPath).then(
      (s) => s.size >= WARM_FROM_BYTES && !this.settled && this.header.warm(),
      () => undefined,
    );
    let markStarted!: () => void;
    this.started = new Promise((resolve) => (markStarted = resolve));
    const run = (side: Side, path: string) =>
      streamArticle(path, {
        signal: this.controller.signal,
        onBlocks: (blocks) => {
          for (const b of blocks) side.blocks.push(b);
          if (side === this.target && !this.source)
            for (const b of blocks) this.made.push(paragraphFromBlocks(this.made.length, b, undefined, false));
          if (side === this.target && !this.counterStopped) this.counter.enqueue(blocks.map((b) => b.text));
          this.settle(false);
          if (this.header.threaded && !this.counterStopped) {
            // The header's thread counts every paragraph from the first: counting here would be done twice.
            this.counterStopped = true;
            this.counter.cancel();
          }
          if (this.loaded > 0) markStarted();
          this.report(false);
        },
        onInfo: (info) => {
          side.info = info;
        },
        onProgress: (read, total) => {
          side.bytesRead = read;
          side.totalBytes = total;
          // Reported on its own too: a page or Word document is read whole before its first paragraph is found,
          // and the reviewer sees how far the reading is, and when it is done (that report is never held back).
          this.report(read >= total);
        },
      }).then((r) => {
        side.done = true;
        if (r.ok) side.info = r.value;
        else {
          side.error = r.error;
          // One side failing ends the whole load: a half-aligned article would mislead.
          this.controller.abort();
        }
      });
    this.finished = Promise.all([
      run(this.target, targetPath),
      this.source && sourcePath ? run(this.source, sourcePath) : Promise.resolve(),
    ]).then(() => {
      if (this.error) this.header.cancel();
      else this.settle(true);
      this.settled = true;
      markStarted();
      this.report(true);
    });
  }

  get error(): Failure | undefined {
    return this.target.error ?? this.source?.error;
  }

  get done(): boolean {
    return this.target.done && (this.source?.done ?? true);
  }

  /** Facts about the article; complete once the first chunk of each side has been read. */
  get info(): ArticleInfo | undefined {
    const t = this.target.info;
    if (!t) return undefined;
    const s = this.source?.info;
    return s ? { ...t, sourcePath: s.path, sourceName: s.name, sourceEncoding: s.encoding } : t;
  }

  /** Paragraphs that can be shown now: while loading, only positions both sides have reached. */
  get loaded(): number {
    if (!this.source) return this.target.blocks.length;
    if (this.done) return Math.max(this.target.blocks.length, this.source.blocks.length);
    return Math.min(this.target.blocks.length, this.source.blocks.length);
  }

  /** Source and target paragraph counts, once loading is done and they differ. */
  get mismatch(): { source: number; target: number } | undefined {
    if (!this.source || !this.done || this.error) return undefined;
    const source = this.source.blocks.length;
    const target = this.target.blocks.length;
    return source === target ? undefined : { source, target };
  }

  /** The paragraphs at positions start..end-1 (clipped to what is loaded). */
  paragraphs(start: number, end: number): Paragraph[] {
    const stop = Math.min(end, this.loaded);
    const out: Paragraph[] = [];
    for (let i = start; i < stop; i++) out.push(this.paragraph(i));
    return out;
  }

  /** Every paragraph (once loaded): for writing the review file and for exports. */
  allParagraphs(): Paragraph[] {
    return this.paragraphs(0, this.loaded);
  }

  /**
   * The same, built a few thousand paragraphs at a time with the event loop free in between (100,000 paragraph
   * objects take longer to build than a request may wait).
   */
  async allParagraphsInSteps(breathe: () => Promise<void>): Promise<Paragraph[]> {
    if (!this.source && this.made.length === this.loaded) return this.made.slice();
    const out: Paragraph[] = [];
    let stepStart = performance.now();
    let made = 0;
    for (let i = 0; i < this.loaded; i++) {
      out.push(this.paragraph(i));
      made++;
      const stepDone = made === PARAGRAPHS_PER_STEP || (made % PARAGRAPHS_PER_LOOK === 0 && performance.now() - stepStart >= STEP_MS);
      if (stepDone && i + 1 < this.loaded) {
        await breathe();
        stepStart = performance.now();
        made = 0;
      }
    }
    return out;
  }

  /** Flags the article's file carries (XLIFF quality issues), by paragraph id: a new review starts with them. */
  importedFlags(): { readonly paragraphId: string; readonly flag: ImportedFlag }[] {
    const out: { paragraphId: string; flag: ImportedFlag }[] = [];
    this.target.blocks.forEach((b, i) => {
      for (const flag of b.flags ?? []) out.push({ paragraphId: paragraphIdAt(i), flag });
    });
    return out;
  }

  /** The translation's per-paragraph counts, by position, once it is loaded (counted while it loaded). */
  async counts(): Promise<ParagraphCounts> {
    const built = await this.headerWork();
    if (built) return built.counts;
    if (!this.counterStopped) return this.counter.finish();
    // The header's thread failed after taking the counting over: the paragraphs are counted again here.
    return countInSlices(this.target.blocks.map((b) => b.text));
  }

  /**
   * The new review's header paragraphs, made beside the loading (a file of their JSON, see header-builder.ts),
   * once the article is loaded; undefined when they were not (the journal then makes them).
   */
  async headerParagraphs(): Promise<HeaderParagraphs | undefined> {
    return (await this.headerWork())?.paragraphs;
  }

  /** The header's paragraphs are not needed any more (the review file is open): their file goes, the counts stay. */
  dropHeaderParagraphs(): void {
    this.built = this.headerWork().then((b) => {
      b?.paragraphs?.remove();
      return b && { paragraphs: undefined, counts: b.counts };
    });
  }

  private headerWork(): Promise<{ paragraphs: HeaderParagraphs | undefined; counts: ParagraphCounts } | undefined> {
    this.built ??= this.finished.then(() => this.header.finish());
    return this.built;
  }

  cancel(): void {
    this.controller.abort();
    this.counter.cancel();
    this.header.cancel();
    if (this.built) this.dropHeaderParagraphs();
  }

  /** Gives the header builder the paragraphs settled since the last call: while loading, those both sides reached. */
  private settle(done: boolean): void {
    const t = this.target.blocks;
    const s = this.source?.blocks;
    const upTo = done ? this.loaded : s ? Math.min(t.length, s.length) : t.length;
    if (upTo <= this.headerNext) return;
    // Both lists run to `upTo`: past the end of the shorter side a paragraph has only the other side's block.
    const from = this.headerNext;
    const length = upTo - from;
    this.header.add(
      Array.from({ length }, (_, k) => t[from + k]),
      Array.from({ length }, (_, k) => s?.[from + k]),
    );
    this.headerNext = upTo;
  }

  /**
   * A new review's header line as it would begin if created now, beside its review file; or only sums of it when
   * the review exists (see header-builder.ts).
   */
  private headerLine(): HeaderLine | typeof SUMMED_ONLY | typeof NOT_KNOWN_YET | undefined {
    const { review, info: article } = this;
    if (review === NOT_KNOWN_YET) return NOT_KNOWN_YET;
    if (!review || !article) return undefined;
    if (review.exists) return SUMMED_ONLY;
    const created = new Date().toISOString();
    return { reviewPath: review.path, created, opening: headerOpening({ format: JOURNAL_FORMAT, created, article }) };
  }

  private paragraph(i: number): Paragraph {
    return paragraphFromBlocks(i, this.target.blocks[i], this.source?.blocks[i], this.source !== undefined);
  }

  private lastReport = 0;
  /** Set once both sides are read and the final progress is reported. */
  private settled = false;

  /** Where the load stands now, as its progress events say it. */
  progress(): LoadProgress {
    const sides = this.source ? [this.target, this.source] : [this.target];
    const mismatch = this.settled ? this.mismatch : undefined;
    const error = this.error;
    return {
      bytesRead: sides.reduce((n, s) => n + s.bytesRead, 0),
      totalBytes: sides.reduce((n, s) => n + s.totalBytes, 0),
      paragraphs: this.loaded,
      done: this.settled,
      ...(error ? { error } : {}),
      ...(mismatch ? { mismatch } : {}),
    };
  }

  private report(final: boolean): void {
    const now = Date.now();
    // Progress is throttled: a 100,000-paragraph file would otherwise send thousands of events.
    if (!final && now - this.lastReport < 40) return;
    this.lastReport = now;
    this.onProgress(this.progress());
  }
}
