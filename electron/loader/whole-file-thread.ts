/**
 * An article that can only be parsed whole (an HTML page, a bilingual table, a Word document) parsed in a thread of
 * its own (whole-file-worker.ts), so that the service's thread, where the loader runs, never holds its event loop
 * for the seconds a long page takes. The loader still reads and decodes the file a chunk at a time and hands each
 * piece of text over as it comes; the paragraphs come back in batches, each asked for after a breath once the one
 * before has been taken in.
 *
 * Where the thread cannot start, the caller parses in its own thread as before.
 */
import type { Worker } from 'node:worker_threads';
import type { Block } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { breathe } from '../breathe';
import { startServiceThread } from '../service/service-thread';
import type { WholeFileAnswer, WholeFileRequest } from './whole-file-worker';

/** Starts the thread (tests start one that fails); undefined when it cannot start. */
export type StartThread = () => Worker | undefined;

/** A text parsed whole in the thread: its pieces handed over as decoded, then its paragraphs taken back. */
export interface WholeTextReader {
  /** Hands over the next piece of the decoded text. */
  push(text: string): void;
  /**
   * Ends the text, and resolves once every paragraph has been given to `onBlocks` (a batch at a time, each in a turn
   * of the event loop of its own), or with why the text could not be read. The thread ends either way.
   */
  end(onBlocks: (blocks: Block[]) => void, signal?: AbortSignal): Promise<Result<void>>;
  /** Ends the thread without waiting for anything (the caller gave up). */
  close(): void;
}

/** A reader of a page or table named `name` in the thread; undefined when the thread cannot start. */
export function wholeTextInThread(
  format: 'html' | 'tsv',
  name: string,
  start: StartThread = startWholeFileThread,
): WholeTextReader | undefined {
  const worker = start();
  if (!worker) return undefined;
  const answers = new ThreadParagraphs(worker, name);
  const send = (request: WholeFileRequest) => worker.postMessage(request);
  send({ kind: 'text-start', format, name });
  return {
    push: (text) => send({ kind: 'text', text }),
    end(onBlocks, signal) {
      send({ kind: 'text-end' });
      return answers.take(onBlocks, signal);
    },
    close: () => answers.close(),
  };
}

/**
 * The paragraphs of a Word document's `bytes`, read in the thread and given to `onBlocks` a batch at a time;
 * undefined when the thread cannot start. The bytes are handed over, not copied: the caller no longer has them.
 */
export function docxInThread(
  bytes: Uint8Array,
  name: string,
  onBlocks: (blocks: Block[]) => void,
  signal?: AbortSignal,
  start: StartThread = startWholeFileThread,
): Promise<Result<void>> | undefined {
  const worker = start();
  if (!worker) return undefined;
  const answers = new ThreadParagraphs(worker, name);
  // A buffer of its own is moved to the thread; a view of a shared pool (small files) is copied.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  worker.postMessage({ kind: 'docx', name, bytes } satisfies WholeFileRequest, own ? [bytes.buffer as ArrayBuffer] : []);
  return answers.take(onBlocks, signal);
}

/**
 * The thread's answers from the moment it starts (it may fail before the paragraphs are asked for): each batch is
 * given to the taker, and the next asked for after a breath; the thread ends with the first end or failure.
 */
class ThreadParagraphs {
  private readonly early: Block[][] = [];
  private onBlocks: ((blocks: Block[]) => void) | undefined;
  private result: Result<void> | undefined;
  private resolve: ((result: Result<void>) => void) | undefined;

  constructor(
    private readonly worker: Worker,
    private readonly name: string,
  ) {
    worker.on('message', (answer: WholeFileAnswer) => {
      if (this.result) return;
      switch (answer.kind) {
        case 'blocks':
          if (!this.onBlocks) return void this.early.push(answer.blocks as Block[]);
          return this.took(answer.blocks as Block[]);
        case 'done':
          return this.settle(ok(undefined));
        case 'failed':
          return this.settle({ ok: false, error: answer.error });
      }
    });
    worker.once('messageerror', () => this.stopped('its answer could not be read'));
    worker.once('error', (e) => this.stopped(e.message));
    worker.once('exit', (code) => this.stopped(`it ended with code ${code}`));
  }

  /** Gives every batch to `onBlocks` as it comes, and resolves after the last or at the first failure. */
  take(onBlocks: (blocks: Block[]) => void, signal: AbortSignal | undefined): Promise<Result<void>> {
    this.onBlocks = onBlocks;
    for (const blocks of this.early.splice(0)) this.took(blocks);
    const cancelled = () => this.settle(fail('internal', `Loading ${this.name} was cancelled.`));
    if (signal?.aborted) cancelled();
    else signal?.addEventListener('abort', cancelled, { once: true });
    if (this.result) return Promise.resolve(this.result);
    return new Promise((resolve) => (this.resolve = resolve));
  }

  close(): void {
    this.settle(fail('internal', `Loading ${this.name} was given up.`));
  }

  private took(blocks: Block[]): void {
    this.onBlocks!(blocks);
    void breathe().then(() => this.result || this.worker.postMessage({ kind: 'next' } satisfies WholeFileRequest));
  }

  private stopped(why: string): void {
    this.settle(fail('internal', `The thread reading ${this.name} stopped before it was done (${why}).`));
  }

  private settle(result: Result<void>): void {
    if (this.result) return;
    this.result = result;
    void this.worker.terminate();
    this.resolve?.(result);
  }
}

function startWholeFileThread(): Worker | undefined {
  return startServiceThread(new URL('./whole-file-worker.js', import.meta.url), new URL('./whole-file-worker.ts', import.meta.url), {});
}
