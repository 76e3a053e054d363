/**
 * The edit rates of two long articles on two threads. The machine the command line runs on has at least two
 * cores, and the TER of the changed paragraphs is nearly all of `diff --json`'s work, so a worker takes
 * batches of changed pairs from the front of the list while this thread counts the words of the other rows
 * and then takes pairs from the back; they meet in the middle, whichever is faster doing more. Each rate is
 * written at its row (see shared/diff/article-rates.ts), so the result is the same whoever computed it.
 *
 * Only changed pairs cross to the worker: copying strings between threads costs about as much per megabyte
 * as decoding them, so sending the whole articles would cost more than the worker saves.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { countSettledRows, planRates, rateChangedRows, type ArticleRates, type RateUnit } from '../../shared/diff/article-rates';
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

export interface RatesRun {
  readonly rates: ArticleRates;
  /** Changed pairs the worker rated (0 without one). */
  readonly byWorker: number;
}

/**
 * Every rate of two articles, the changed pairs shared with `worker` when one is given. The worker is left
 * running; the caller ends it.
 */
export async function parallelRates(
  oldTexts: readonly string[],
  newTexts: readonly string[],
  unit: RateUnit,
  worker: Worker | undefined,
): Promise<RatesRun> {
  const rates = planRates(oldTexts, newTexts, unit);
  const rows = rates.edits.length;
  if (worker === undefined) {
    countSettledRows(rates, oldTexts, newTexts, 0, rows);
    rateChangedRows(rates, oldTexts, newTexts, 0, rates.changed.length);
    return { rates, byWorker: 0 };
  }

  // The worker takes changed pairs [front, ...) and this thread (..., back); both move towards the middle.
  let front = 0;
  let back = rates.changed.length;
  const pending = new Map<number, number>();
  let byWorker = 0;
  let failure = false;
  let wake: (() => void) | undefined;

  const send = (): void => {
    while (!failure && pending.size < WORKER_QUEUE && front < back) {
      const from = front;
      const to = Math.min(back, front + WORKER_BATCH);
      front = to;
      const hypotheses: string[] = [];
      const references: string[] = [];
      for (let c = from; c < to; c++) {
        const k = rates.changed[c]!;
        hypotheses.push(oldTexts[rates.oldIndex[k]!]!);
        references.push(newTexts[rates.newIndex[k]!]!);
      }
      pending.set(from, to);
      const request: RateRequest = { id: from, unit, hypotheses, references };
      worker.postMessage(request);
    }
  };
  const onAnswer = (answer: RateAnswer): void => {
    const to = pending.get(answer.id);
    if (to === undefined) return;
    pending.delete(answer.id);
    for (let c = answer.id; c < to; c++) {
      const k = rates.changed[c]!;
      rates.edits[k] = answer.edits[c - answer.id]!;
      rates.refWords[k] = answer.refWords[c - answer.id]!;
    }
    byWorker += to - answer.id;
    send();
    wake?.();
  };
  // A worker that fails leaves its batches to this thread: the result is the same, only later.
  const onFailure = (): void => {
    failure = true;
    wake?.();
  };
  worker.on('message', onAnswer);
  worker.on('error', onFailure);
  worker.on('exit', onFailure);
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
      rateChangedRows(rates, oldTexts, newTexts, back, to);
      await breathe();
    }
    while (pending.size > 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
    for (const [from, to] of pending) rateChangedRows(rates, oldTexts, newTexts, from, to);
  } finally {
    worker.off('message', onAnswer);
    worker.off('error', onFailure);
    worker.off('exit', onFailure);
  }
  return { rates, byWorker };
}
