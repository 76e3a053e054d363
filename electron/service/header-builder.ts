/**
 * Works beside a long article's loading: its paragraphs go, as they settle, to a second thread (header-worker.ts)
 * that turns them into the review header's JSON bytes and counts their words. Once the article is loaded, a new
 * review file is written from bytes already made (and a reopened one's header is checked against them) and the
 * scores have their counts, instead of first spending a second or more making them.
 *
 * A short article, or one whose thread cannot start or fails, gets nothing here (`finish` says so): the journal
 * makes its header itself, as the same JSON, and the loader counts its words.
 */
import type { Worker } from 'node:worker_threads';
import type { Block } from '../../shared/model';
import { ParagraphCounter, type ParagraphCounts } from '../../shared/scoring/paragraph-counts';
import type { HeaderBytes, HeaderRun } from './header-worker';
import { startServiceThread } from './service-thread';

/** Characters of paragraphs held back before a thread is started: a short article's header is made at once. */
const THREAD_FROM_CHARS = 500_000;
/** Paragraphs sent to the thread at a time. */
const RUN = 512;
/** The thread keeps one run at a time; its young generation is kept small so its memory stays low. */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 8 };

export class HeaderBuilder {
  private worker: Worker | undefined;
  private tried = false;
  private failed = false;
  /** Paragraphs settled and not sent yet, from position `pendingFrom`. */
  private targets: (Block | undefined)[] = [];
  private sources: (Block | undefined)[] = [];
  private pendingFrom = 0;
  private pendingChars = 0;
  /** The first position of each run sent, and the bytes received back, in order. */
  private readonly runsSent: number[] = [];
  private readonly received: Uint8Array[] = [];
  private readonly counter = new ParagraphCounter();
  private wake: (() => void) | undefined;

  constructor(private readonly withSource: boolean) {}

  /** Adds the next settled paragraphs, in article order: each as its translation's and its source's block. */
  add(targets: readonly (Block | undefined)[], sources: readonly (Block | undefined)[]): void {
    if (this.failed) return;
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k];
      const s = sources[k];
      this.targets.push(t);
      this.sources.push(s);
      this.pendingChars += (t?.text.length ?? 0) + (s?.text.length ?? 0) + (t?.source?.length ?? 0);
    }
    if (!this.tried && this.pendingChars >= THREAD_FROM_CHARS) {
      this.tried = true;
      this.worker = this.startThread();
      if (!this.worker) this.fail();
    }
    if (this.worker && this.targets.length >= RUN) this.send();
  }

  /** True once a thread has taken the paragraphs (and is still working): the loader need not count them. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /**
   * The header's paragraph list as UTF-8 JSON, comma-separated, in pieces, and every paragraph's counts, once every
   * paragraph added has been made; undefined when no thread made them (a short article, or the thread failed), or
   * `cancel` was called.
   */
  async finish(): Promise<{ bytes: Uint8Array[]; counts: ParagraphCounts } | undefined> {
    if (this.failed || !this.worker) {
      this.close();
      return undefined;
    }
    this.send();
    while (!this.failed && this.received.length < this.runsSent.length) await new Promise<void>((resolve) => (this.wake = resolve));
    const bytes = this.failed ? undefined : this.received.splice(0);
    this.close();
    return bytes && { bytes, counts: this.counter.result() };
  }

  /** Stops (the article was closed while loading): the thread ends and nothing more is made. */
  cancel(): void {
    this.fail();
  }

  private send(): void {
    const worker = this.worker;
    if (!worker || this.targets.length === 0) return;
    const run: HeaderRun = { from: this.pendingFrom, withSource: this.withSource, targets: this.targets, sources: this.sources };
    this.pendingFrom += this.targets.length;
    this.runsSent.push(run.from);
    this.targets = [];
    this.sources = [];
    worker.postMessage(run);
  }

  private startThread(): Worker | undefined {
    const worker = startServiceThread(
      new URL('./header-worker.js', import.meta.url),
      new URL('./header-worker.ts', import.meta.url),
      THREAD_LIMITS,
    );
    if (!worker) return undefined;
    worker.unref();
    worker.on('message', (answer: HeaderBytes) => {
      if (this.worker !== worker) return;
      // Runs are answered in the order they were sent: anything else means the bytes cannot be trusted.
      if (answer.from !== this.runsSent[this.received.length]) {
        this.fail();
        return;
      }
      this.received.push(answer.bytes);
      this.counter.place(answer.from, answer.counts);
      this.wakeUp();
    });
    worker.on('error', () => this.worker === worker && this.fail());
    worker.on('exit', () => this.worker === worker && this.fail());
    return worker;
  }

  private fail(): void {
    this.failed = true;
    this.targets = [];
    this.sources = [];
    this.received.length = 0;
    this.close();
    this.wakeUp();
  }

  private close(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
