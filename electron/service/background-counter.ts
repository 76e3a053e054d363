/**
 * Counts an article's paragraphs in the background while it loads, so that neither loading nor any request waits
 * for counting, and the counts are ready almost as soon as the last paragraph is.
 *
 * A long article is counted in a second thread (count-worker.ts): counting 60 MB of prose takes the best part of a
 * second of CPU, which on the loading thread would take turns with the loading and hold up the review. A short article, or one in a process where the
 * thread cannot start (its script is not beside this module) or fails, is counted here, in slices of a few
 * milliseconds with the event loop free in between. Both give the same counts.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { ParagraphCounter, type ParagraphCounts } from '../../shared/scoring/paragraph-counts';
import { prepareWordCounting } from '../../shared/scoring/word-count';
import { breathe } from '../breathe';
import { startServiceThread } from './service-thread';
import { COUNT_THREAD_READY, type CountAnswer, type CountRequest } from './count-worker';

/** Counting work done between two breaths: well under the 50 ms a request may wait. */
const SLICE_MS = 8;
/**
 * Characters queued before a second thread is started: below this an article is counted in a few milliseconds,
 * less than a thread takes to start. Until the thread is ready, counting goes on here.
 */
const THREAD_FROM_CHARS = 500_000;
/** Paragraphs sent to the thread at a time: few enough messages, and the last run is short. */
const RUN = 512;
/**
 * Runs at the thread at once. The others wait here as references to texts the loader holds anyway: sent all at
 * once, their copies would pile up in the thread's queue whenever it falls behind.
 */
const AT_THREAD = 3;

interface Run {
  readonly from: number;
  readonly texts: readonly string[];
}

export interface CounterOptions {
  /** Whether a long article may be counted in a second thread (true by default). */
  readonly thread?: boolean;
}

export class BackgroundCounter {
  private readonly counter = new ParagraphCounter();
  /** Position of the next paragraph queued. */
  private next = 0;
  private chars = 0;
  private readonly allowThread: boolean;
  private worker: Worker | undefined;
  /** Set once the thread has said it is ready to count: runs go to it from then on. */
  private threadReadyNow = false;
  private readyWaiters: ((ready: boolean) => void)[] = [];
  /** Set once a thread was started (or could not be): a thread that failed is not started again. */
  private threadTried = false;
  /** Paragraphs waiting to go to the thread, from position `pendingFrom`. */
  private pending: string[] = [];
  private pendingFrom = 0;
  /** Runs for the thread not sent yet; once the loading is done, this thread takes them from the back too. */
  private readonly waiting: Run[] = [];
  private finishing = false;
  /** Runs sent to the thread and not answered yet, by their first position. */
  private readonly atThread = new Map<number, Run>();
  /** Runs to count in this thread, and how far into the first one counting is. */
  private readonly local: Run[] = [];
  private localHead = 0;
  private running: Promise<void> | undefined;
  private countedByThread = 0;
  private wake: (() => void) | undefined;

  constructor(options: CounterOptions = {}) {
    this.allowThread = options.thread ?? true;
  }

  /** Queues paragraphs' texts, in article order. */
  enqueue(texts: readonly string[]): void {
    if (texts.length === 0) return;
    const from = this.next;
    this.next += texts.length;
    if (this.worker && this.threadReadyNow) {
      if (this.pending.length === 0) this.pendingFrom = from;
      for (const t of texts) this.pending.push(t);
      if (this.pending.length >= RUN) this.send();
      return;
    }
    this.local.push({ from, texts });
    this.start();
    if (this.threadTried || !this.allowThread) return;
    for (const t of texts) this.chars += t.length;
    if (this.chars >= THREAD_FROM_CHARS) {
      this.threadTried = true;
      this.worker = this.startThread();
    }
  }

  /**
   * Resolves true once a second thread is ready to take paragraphs, false when none will (a short article, no
   * thread possible, or it failed).
   */
  threadReady(): Promise<boolean> {
    if (this.threadReadyNow) return Promise.resolve(true);
    if (!this.worker) return Promise.resolve(false);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Paragraphs the second thread has counted so far. */
  get byThread(): number {
    return this.countedByThread;
  }

  /** Resolves with every paragraph queued so far counted; a thread counting them is ended. */
  async finish(): Promise<ParagraphCounts> {
    this.send();
    this.finishing = true;
    this.start();
    for (;;) {
      if (this.running) await this.running;
      else if (this.atThread.size > 0 || this.waiting.length > 0) await new Promise<void>((resolve) => (this.wake = resolve));
      else break;
    }
    void this.worker?.terminate();
    this.worker = undefined;
    return this.counter.result();
  }

  /** Stops counting (the article was closed while loading): the thread ends and what is queued is dropped. */
  cancel(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.threadTried = true;
    this.pending = [];
    this.atThread.clear();
    this.waiting.length = 0;
    this.local.length = 0;
    this.localHead = 0;
    void worker?.terminate();
    for (const resolve of this.readyWaiters.splice(0)) resolve(false);
    this.wakeUp();
  }

  private send(): void {
    if (this.pending.length === 0) return;
    const run: Run = { from: this.pendingFrom, texts: this.pending };
    this.pending = [];
    if (!this.worker || !this.threadReadyNow) {
      this.local.push(run);
      this.start();
      return;
    }
    this.waiting.push(run);
    this.feed();
  }

  /** Sends waiting runs to the thread while it has fewer than `AT_THREAD`. */
  private feed(): void {
    const worker = this.worker;
    if (!worker || !this.threadReadyNow) return;
    while (this.atThread.size < AT_THREAD && this.waiting.length > 0) {
      const run = this.waiting.shift()!;
      this.atThread.set(run.from, run);
      worker.postMessage(run satisfies CountRequest);
    }
  }

  private startThread(): Worker | undefined {
    const worker = startCountThread();
    if (!worker) return undefined;
    worker.unref();
    worker.on('message', (answer: CountAnswer | typeof COUNT_THREAD_READY) => {
      if (answer === COUNT_THREAD_READY) {
        if (this.worker !== worker) return;
        this.threadReadyNow = true;
        for (const resolve of this.readyWaiters.splice(0)) resolve(true);
        // Runs queued here and not begun yet go to the thread.
        this.waiting.unshift(...this.local.splice(this.localHead > 0 ? 1 : 0));
        this.feed();
        return;
      }
      this.counter.place(answer.from, answer);
      this.countedByThread += answer.words.length;
      this.atThread.delete(answer.from);
      this.feed();
      this.wakeUp();
    });
    // A thread that fails leaves its runs to this one: the counts are the same, only slower.
    const fallBack = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.threadReadyNow = false;
      for (const resolve of this.readyWaiters.splice(0)) resolve(false);
      for (const run of this.atThread.values()) this.local.push(run);
      this.local.push(...this.waiting.splice(0));
      this.atThread.clear();
      this.send();
      this.start();
      this.wakeUp();
    };
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    return worker;
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Gives this thread a run the other has not begun, once the loading is done (or there is no other). */
  private takeWaiting(): boolean {
    const run = this.finishing || !this.worker ? this.waiting.pop() : undefined;
    if (run) this.local.push(run);
    return run !== undefined;
  }

  private start(): void {
    if (this.running || (this.local.length === 0 && !this.takeWaiting())) return;
    // Cleared only once the run has settled, so `finish` never waits on a run that has already ended; paragraphs
    // queued after the run's last look are picked up by the next one. It begins after a breath, not within the
    // call that queued the paragraphs: that call is the loading's, which has its own work in the same turn.
    this.running = breathe()
      .then(() => this.run())
      .finally(() => {
        this.running = undefined;
        this.start();
        this.wakeUp();
      });
  }

  private async run(): Promise<void> {
    // The table of every character that counting uses is built in a step of its own.
    prepareWordCounting();
    await breathe();
    for (;;) {
      const until = performance.now() + SLICE_MS;
      while (this.local.length > 0 && performance.now() < until) {
        const run = this.local[0]!;
        // A few paragraphs between clock reads: reading the clock costs more than counting a short paragraph.
        const stop = Math.min(run.texts.length, this.localHead + 16);
        for (; this.localHead < stop; this.localHead++) this.counter.addAt(run.from + this.localHead, run.texts[this.localHead]!);
        if (this.localHead >= run.texts.length) {
          // Counted texts are dropped: the loader keeps the paragraphs themselves.
          this.local.shift();
          this.localHead = 0;
        }
      }
      if (this.local.length === 0 && !this.takeWaiting()) return;
      await breathe();
    }
  }
}

/**
 * The thread holds a few runs of texts at a time and nothing else: a small young generation, collected often,
 * keeps its memory to a few megabytes above its code.
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 4 };

function startCountThread(): Worker | undefined {
  return startServiceThread(new URL('./count-worker.js', import.meta.url), new URL('./count-worker.ts', import.meta.url), THREAD_LIMITS);
}

/** Counts a list of paragraphs the same way (for a review whose header differs from the file). */
export async function countInSlices(texts: readonly string[], options: CounterOptions = {}): Promise<ParagraphCounts> {
  const counter = new BackgroundCounter(options);
  for (let i = 0; i < texts.length; i += RUN) counter.enqueue(texts.slice(i, i + RUN));
  return counter.finish();
}
