/**
 * An article whose paragraphs are all known only at its end (an HTML page, a bilingual table, a Word document)
 * parsed in a thread of its own (whole-file-worker.ts), so that the service's thread, where the loader runs, never
 * holds its event loop for the seconds a long page takes. The loader still reads and decodes the file a chunk at a
 * time and hands each piece of text over as it comes, no faster than the thread takes them; the paragraphs come back
 * in batches, each asked for after a breath once the one before has been taken in.
 *
 * Where the thread cannot start, the caller parses in its own thread as before.
 */
import type { Worker } from 'node:worker_threads';
import type { Block } from '../../shared/model';
import { assertNever, fail, ok, type Result } from '../../shared/result';
import { breathe } from '../breathe';
import { startServiceThread, ThreadAnswers } from '../service/service-thread';
import { unpackBlocks } from '../../shared/formats/packed-blocks';
import { BLOCKS_PER_ANSWER, type WholeFileAnswer, type WholeFileRequest } from './whole-file-protocol';
import { ArticleParagraphs } from '../../shared/formats/html/html-reader';

/** Pieces of text the thread may be behind the loader (each at most 128 kB of UTF-16). */
const PIECES_AHEAD = 4;

/** Starts the thread (tests start one that fails); undefined when it cannot start. */
export type StartThread = () => Worker | undefined;

/** A text parsed in the thread: its pieces handed over as decoded, then its paragraphs taken back. */
export interface WholeTextReader {
  /**
   * Hands over the next piece of the decoded text; resolves once the thread is at most a few pieces behind (a piece
   * waits there, not here, and the text read ahead of the parse is never more than those few pieces). Paragraphs the
   * thread knows for good by then are given to the reader's `onBlocks`.
   */
  push(text: string): Promise<void>;
  /**
   * Ends the text, and resolves once every other paragraph has been given to `onBlocks` (a batch at a time, each in
   * a turn of the event loop of its own), or with why the text could not be read. The thread ends either way.
   */
  end(signal?: AbortSignal): Promise<Result<void>>;
  /** Ends the thread without waiting for anything (the caller gave up). */
  close(): void;
}

/**
 * A reader of a page or table named `name` in the thread, which gives its paragraphs to `onBlocks` in order;
 * undefined when the thread cannot start.
 */
export function wholeTextInThread(
  format: 'html' | 'tsv',
  name: string,
  onBlocks: (blocks: Block[]) => void,
  start: StartThread = startWholeFileThread,
): WholeTextReader | undefined {
  const worker = start();
  if (!worker) return undefined;
  const answers = new ThreadAnswers<WholeFileAnswer>(worker, (why) => stopped(name, why));
  const send = (request: WholeFileRequest) => worker.postMessage(request);
  send({ kind: 'text-start', format, name });
  /** Pieces sent that the thread has not said it took; what it answered instead, when it failed. */
  let untaken = 0;
  let failed: Result<never> | undefined;
  /** A page's paragraphs, held here until they are sure. */
  const paragraphs = new ArticleParagraphs();
  /** The pushes, one after another: each waits for answers, and answers are waited for one at a time. */
  let pushed = Promise.resolve();
  const taken = async () => {
    while (untaken > PIECES_AHEAD && !failed) {
      const answer = await answers.next();
      if (answer.ok && answer.value.kind === 'taken') {
        untaken--;
        if (answer.value.read) await giveRead(answer.value.read, paragraphs, onBlocks);
      } else
        failed = !answer.ok
          ? answer
          : answer.value.kind === 'failed'
            ? { ok: false, error: answer.value.error }
            : stopped(name, 'it answered out of turn');
    }
  };
  return {
    push(text) {
      send({ kind: 'text', text });
      untaken++;
      pushed = pushed.then(taken);
      return pushed;
    },
    async end(signal) {
      send({ kind: 'text-end' });
      await pushed;
      if (failed) {
        void worker.terminate();
        return failed;
      }
      return paragraphsFrom(worker, answers, name, paragraphs, onBlocks, signal);
    },
    close: () => void worker.terminate(),
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
  const answers = new ThreadAnswers<WholeFileAnswer>(worker, (why) => stopped(name, why));
  // A buffer of its own is moved to the thread; a view of a shared pool (small files) is copied.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  worker.postMessage({ kind: 'docx', name, bytes } satisfies WholeFileRequest, own ? [bytes.buffer as ArrayBuffer] : []);
  return paragraphsFrom(worker, answers, name, new ArticleParagraphs(), onBlocks, signal);
}

/**
 * Gives each batch the thread answers to `onBlocks`, and asks for the next after a breath; resolves after the last
 * or with the first failure, and ends the thread either way. Cancelling ends the thread at once.
 */
async function paragraphsFrom(
  worker: Worker,
  answers: ThreadAnswers<WholeFileAnswer>,
  name: string,
  paragraphs: ArticleParagraphs,
  onBlocks: (blocks: Block[]) => void,
  signal: AbortSignal | undefined,
): Promise<Result<void>> {
  const cancel = () => void worker.terminate();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const answer = await answers.next();
      if (signal?.aborted) return fail('internal', `Loading ${name} was cancelled.`);
      if (!answer.ok) return answer;
      switch (answer.value.kind) {
        case 'blocks':
          await giveInSteps(paragraphs.take({ blocks: unpackBlocks(answer.value), of: answer.value.of, sure: true }), onBlocks);
          await breathe();
          worker.postMessage({ kind: 'next' } satisfies WholeFileRequest);
          break;
        case 'taken':
          // A piece of the text, taken after the loader stopped waiting for it.
          if (answer.value.read) await giveRead(answer.value.read, paragraphs, onBlocks);
          break;
        case 'done':
          // Paragraphs of a page still held are sure now if they are of the element read as its article at the end.
          await giveInSteps(paragraphs.take({ blocks: [], of: answer.value.of, sure: true }), onBlocks);
          return ok(undefined);
        case 'failed':
          return { ok: false, error: answer.value.error };
        default:
          return assertNever(answer.value, 'whole-file answer');
      }
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    void worker.terminate();
  }
}

/**
 * Gives what a page's piece read, as the thread sent it, to `onBlocks` once sure (see `ArticleParagraphs`), then a
 * breath: answers waiting in the queue are all taken at once, and each gets a turn of the event loop of its own.
 */
async function giveRead(
  read: NonNullable<Extract<WholeFileAnswer, { kind: 'taken' }>['read']>,
  paragraphs: ArticleParagraphs,
  onBlocks: (blocks: Block[]) => void,
): Promise<void> {
  await giveInSteps(paragraphs.take({ blocks: unpackBlocks(read), of: read.of, sure: read.sure }), onBlocks);
  await breathe();
}

/**
 * Gives paragraphs to `onBlocks` a few hundred at a time, a breath between two: a page that marks no article gives
 * all of its paragraphs at its end, held until then.
 */
async function giveInSteps(blocks: Block[], onBlocks: (blocks: Block[]) => void): Promise<void> {
  if (blocks.length <= BLOCKS_PER_ANSWER) {
    if (blocks.length > 0) onBlocks(blocks);
    return;
  }
  for (let at = 0; at < blocks.length; at += BLOCKS_PER_ANSWER) {
    if (at > 0) await breathe();
    onBlocks(blocks.slice(at, at + BLOCKS_PER_ANSWER));
  }
}

function stopped(name: string, why: string): Result<never> {
  return fail('internal', `The thread reading ${name} stopped before it was done (${why}).`);
}

/**
 * A page's parse makes a great deal of short-lived garbage and keeps little (the open part of its tree): a small
 * young generation, collected often, keeps the thread's memory low.
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 4 };

function startWholeFileThread(): Worker | undefined {
  return startServiceThread(
    new URL('./whole-file-worker.js', import.meta.url),
    new URL('./whole-file-worker.ts', import.meta.url),
    THREAD_LIMITS,
  );
}
