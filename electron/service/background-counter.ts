/**
 * Counts an article's paragraphs in the background while it loads: paragraphs are queued as the loader finds
 * them and counted in slices of a few milliseconds with the event loop free in between, so neither loading nor
 * any request waits for counting, and the counts are ready almost as soon as the last paragraph is.
 */
import { performance } from 'node:perf_hooks';
import { ParagraphCounter, type ParagraphCounts } from '../../shared/scoring/paragraph-counts';
import { breathe } from '../breathe';

/** Counting work done between two breaths: well under the 50 ms a request may wait. */
const SLICE_MS = 8;

export class BackgroundCounter {
  private readonly counter = new ParagraphCounter();
  private readonly queue: string[] = [];
  private head = 0;
  private running: Promise<void> | undefined;

  /** Queues paragraphs' texts, in article order. */
  enqueue(texts: readonly string[]): void {
    for (const t of texts) this.queue.push(t);
    this.start();
  }

  /** Resolves with every paragraph queued so far counted. */
  async finish(): Promise<ParagraphCounts> {
    while (this.running) await this.running;
    return this.counter.result();
  }

  private start(): void {
    if (this.running || this.head >= this.queue.length) return;
    // Cleared only once the run has settled, so `finish` never waits on a run that has already ended; paragraphs
    // queued after the run's last look are picked up by the next one.
    this.running = this.run().finally(() => {
      this.running = undefined;
      this.start();
    });
  }

  private async run(): Promise<void> {
    for (;;) {
      const until = performance.now() + SLICE_MS;
      while (this.head < this.queue.length && performance.now() < until) {
        // A few paragraphs between clock reads: reading the clock costs more than counting a short paragraph.
        const stop = Math.min(this.queue.length, this.head + 16);
        for (; this.head < stop; this.head++) this.counter.add(this.queue[this.head]!);
      }
      if (this.head >= this.queue.length) {
        // Counted texts are dropped: the loader keeps the paragraphs themselves.
        this.queue.length = 0;
        this.head = 0;
        return;
      }
      await breathe();
    }
  }
}

/** Counts a list of paragraphs the same way, in slices (for a review whose header differs from the file). */
export async function countInSlices(texts: readonly string[]): Promise<ParagraphCounts> {
  const counter = new BackgroundCounter();
  counter.enqueue(texts);
  return counter.finish();
}
