/**
 * The edit rates of two long articles on two threads. The machine the command line runs on has at least two
 * cores, and the TER of the changed paragraphs is most of `diff --json`'s work after reading the files, so a
 * worker rates batches of changed pairs while this thread does the rest:
 * - while the new version is still being read, the worker already rates each paragraph that differs from the
 *   old one at the same position (`offerEarly`): a long post-edited article pairs by position, and where it
 *   does not, a rate for a pair that is not made is simply not used;
 * - once both are read, the worker takes the changed pairs left from the front of the list while this thread
 *   counts the words of the other rows and then takes pairs from the back; they meet in the middle, whichever
 *   is faster doing more.
 * Each rate is written at its row (see shared/diff/article-rates.ts), so the result is the same whoever
 * computed it. Only changed pairs cross to the worker: copying strings between threads costs about as much
 * per megabyte as decoding them, so sending the whole articles would cost more than the worker saves.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { countSettledRows, pairRate, planRates, rateChangedRows, type ArticleRates, type RateUnit } from '../../shared/diff/article-rates';
import type { RateAnswer, RateRequest } from './diff-worker';

/**
 * Articles smaller than this (both files together) are compared in one thread: starting a worker costs some
 * 30 to 50 ms, about what the TER of a megabyte of edited text takes.
 */
export const PARALLEL_MIN_BYTES = 1 << 20;

/** Changed pairs per message to the worker: enough that messages cost little beside the TER they carry. */
const WORKER_BATCH = 48;
/** Batches the worker holds at once, so that it never waits for this thread to send the next. */
const WORKER_QUEUE = 2;
/** Changed pairs this thread rates between two looks at the worker's answers. */
const OWN_BATCH = 16;
/** Rows this thread settles (counts words of) between two looks at the worker's answers. */
const SETTLE_BATCH = 4096;

/**
 * Starts the worker of the built command line, which sits beside this module as `diff-worker.js`; returns
 * `undefined` where there is none (the sources run through a TypeScript loader), and the rates are then
 * computed in this thread.
 */
export function startRateWorker(): Worker | undefined {
  const script = new URL('./diff-worker.js', import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  return new Worker(script);
}

/** A rate the worker computed, by the old paragraph's index. */
interface WorkerRate {
  readonly newIndex: number;
  readonly edits: number;
  readonly refWords: number;
  /** False for a batch this thread rated after the worker failed. */
  readonly byWorker: boolean;
}

/**
 * The worker's side of the work: batches of pairs (old paragraph index, new paragraph index) sent, answers
 * kept by old index. A worker that fails leaves its batches to this thread: the result is the same, only later.
 */
export class RateWorker {
  /** Rates answered so far, by old paragraph index. */
  readonly answered = new Map<number, WorkerRate>();
  /** Old paragraph indices sent and not yet answered, with their new paragraph index. */
  private readonly inFlight = new Map<number, { readonly olds: Int32Array; readonly news: Int32Array }>();
  private nextId = 0;
  private failed = false;
  private waiting: (() => void) | undefined;
  /** Called after each answer, so that the caller can send the next batch. */
  onAnswer: (() => void) | undefined;
  private readonly onMessage = (answer: RateAnswer): void => {
    const batch = this.inFlight.get(answer.id);
    if (batch === undefined) return;
    this.inFlight.delete(answer.id);
    for (let i = 0; i < batch.olds.length; i++) {
      this.answered.set(batch.olds[i]!, {
        newIndex: batch.news[i]!,
        edits: answer.edits[i]!,
        refWords: answer.refWords[i]!,
        byWorker: true,
      });
    }
    this.onAnswer?.();
    this.waiting?.();
  };
  private readonly onFailure = (): void => {
    this.failed = true;
    this.waiting?.();
  };

  constructor(
    private readonly worker: Worker,
    private readonly unit: RateUnit,
    private readonly oldTexts: readonly string[],
    private readonly newTexts: readonly string[],
  ) {
    worker.on('message', this.onMessage);
    worker.on('error', this.onFailure);
    worker.on('exit', this.onFailure);
  }

  /** Batches sent and not yet answered; none once the worker has failed. */
  get busy(): number {
    return this.failed ? WORKER_QUEUE : this.inFlight.size;
  }

  /** Sends one batch: `olds[i]` of the old article against `news[i]` of the new. */
  send(olds: Int32Array, news: Int32Array): void {
    if (this.failed) return;
    const id = this.nextId++;
    const hypotheses = Array.from(olds, (o) => this.oldTexts[o]!);
    const references = Array.from(news, (n) => this.newTexts[n]!);
    this.inFlight.set(id, { olds, news });
    const request: RateRequest = { id, unit: this.unit, hypotheses, references };
    this.worker.postMessage(request);
  }

  /** Whether the pair (old `o`, new `n`) was sent or answered. */
  has(o: number, n: number): boolean {
    const rate = this.answered.get(o);
    if (rate !== undefined) return rate.newIndex === n;
    for (const batch of this.inFlight.values()) {
      const at = batch.olds.indexOf(o);
      if (at >= 0) return batch.news[at] === n;
    }
    return false;
  }

  /** Waits for every batch sent; those of a worker that failed are rated here instead. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0 && !this.failed) await new Promise<void>((resolve) => (this.waiting = resolve));
    this.waiting = undefined;
    for (const { olds, news } of this.inFlight.values()) {
      for (let i = 0; i < olds.length; i++) {
        const rate = pairRate(this.oldTexts[olds[i]!]!, this.newTexts[news[i]!]!, this.unit);
        this.answered.set(olds[i]!, { newIndex: news[i]!, edits: rate.edits, refWords: rate.refWords, byWorker: false });
      }
    }
    this.inFlight.clear();
  }

  /** Stops listening to the worker (which the caller ends). */
  close(): void {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onFailure);
    this.worker.off('exit', this.onFailure);
  }
}

/**
 * Feeds the worker, while the new article is read, the paragraphs that differ from the old one at the same
 * position. Call `offer` with each new paragraph's index as it arrives, and `stop` once reading ends; pairs
 * not yet sent by then are left to `parallelRates`.
 */
export class EarlyRates {
  private waiting: number[] = [];
  private stopped = false;

  constructor(
    private readonly worker: RateWorker,
    private readonly oldTexts: readonly string[],
    private readonly newTexts: readonly string[],
  ) {
    worker.onAnswer = () => this.flush();
  }

  offer(k: number): void {
    if (this.stopped || k >= this.oldTexts.length || this.oldTexts[k] === this.newTexts[k]) return;
    this.waiting.push(k);
    if (this.waiting.length >= WORKER_BATCH) this.flush();
  }

  private flush(): void {
    while (!this.stopped && this.worker.busy < WORKER_QUEUE && this.waiting.length >= WORKER_BATCH) {
      const batch = Int32Array.from(this.waiting.splice(0, WORKER_BATCH));
      this.worker.send(batch, batch);
    }
  }

  stop(): void {
    this.stopped = true;
    this.waiting = [];
    this.worker.onAnswer = undefined;
  }
}

export interface RatesRun {
  readonly rates: ArticleRates;
  /** Changed pairs the worker rated (0 without one). */
  readonly byWorker: number;
}

/**
 * Every rate of two articles, the changed pairs shared with `worker` when one is given (including any it
 * was sent while the new article was read). The worker is left running; the caller ends it.
 */
export async function parallelRates(
  oldTexts: readonly string[],
  newTexts: readonly string[],
  unit: RateUnit,
  worker: RateWorker | undefined,
): Promise<RatesRun> {
  const rates = planRates(oldTexts, newTexts, unit);
  const rows = rates.edits.length;
  if (worker === undefined) {
    countSettledRows(rates, oldTexts, newTexts, 0, rows);
    rateChangedRows(rates, oldTexts, newTexts, 0, rates.changed.length);
    return { rates, byWorker: 0 };
  }

  // Changed rows the worker already has are left out of the sharing below.
  const { changed, oldIndex, newIndex } = rates;
  const left: number[] = [];
  const taken: number[] = [];
  for (let c = 0; c < changed.length; c++) {
    const k = changed[c]!;
    (worker.has(oldIndex[k]!, newIndex[k]!) ? taken : left).push(c);
  }
  // The worker takes positions [front, ...) of `left` and this thread (..., back); both move to the middle.
  let front = 0;
  let back = left.length;
  const send = (): void => {
    while (worker.busy < WORKER_QUEUE && front < back) {
      const to = Math.min(back, front + WORKER_BATCH);
      const olds = new Int32Array(to - front);
      const news = new Int32Array(to - front);
      for (let c = front; c < to; c++) {
        const k = changed[left[c]!]!;
        olds[c - front] = oldIndex[k]!;
        news[c - front] = newIndex[k]!;
        taken.push(left[c]!);
      }
      front = to;
      worker.send(olds, news);
    }
  };
  worker.onAnswer = send;
  const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  try {
    send();
    for (let k = 0; k < rows; k += SETTLE_BATCH) {
      countSettledRows(rates, oldTexts, newTexts, k, Math.min(rows, k + SETTLE_BATCH));
      await breathe();
    }
    while (front < back) {
      const to = back;
      back = Math.max(front, back - OWN_BATCH);
      for (let c = back; c < to; c++) rateChangedRows(rates, oldTexts, newTexts, left[c]!, left[c]! + 1);
      await breathe();
    }
    worker.onAnswer = undefined;
    await worker.settle();
  } finally {
    worker.onAnswer = undefined;
  }
  let byWorker = 0;
  for (const c of taken) {
    const k = changed[c]!;
    const rate = worker.answered.get(oldIndex[k]!)!;
    rates.edits[k] = rate.edits;
    rates.refWords[k] = rate.refWords;
    if (rate.byWorker) byWorker++;
  }
  return { rates, byWorker };
}
