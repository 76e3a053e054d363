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
import { assertNever, fail, ok, type Result } from '../../shared/result';
import { breathe } from '../breathe';
import { startServiceThread, ThreadAnswers } from '../service/service-thread';
import { unpackBlocks } from '../../shared/formats/packed-blocks';
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
  const answers = new ThreadAnswers<WholeFileAnswer>(worker, (why) => stopped(name, why));
  const send = (request: WholeFileRequest) => worker.postMessage(request);
  send({ kind: 'text-start', format, name });
  return {
    push: (text) => send({ kind: 'text', text }),
    end(onBlocks, signal) {
      send({ kind: 'text-end' });
      return paragraphsFrom(worker, answers, name, onBlocks, signal);
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
  return paragraphsFrom(worker, answers, name, onBlocks, signal);
}

/**
 * Gives each batch the thread answers to `onBlocks`, and asks for the next after a breath; resolves after the last
 * or with the first failure, and ends the thread either way. Cancelling ends the thread at once.
 */
async function paragraphsFrom(
  worker: Worker,
  answers: ThreadAnswers<WholeFileAnswer>,
  name: string,
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
          onBlocks(unpackBlocks(answer.value));
          await breathe();
          worker.postMessage({ kind: 'next' } satisfies WholeFileRequest);
          break;
        case 'done':
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

function stopped(name: string, why: string): Result<never> {
  return fail('internal', `The thread reading ${name} stopped before it was done (${why}).`);
}

function startWholeFileThread(): Worker | undefined {
  return startServiceThread(new URL('./whole-file-worker.js', import.meta.url), new URL('./whole-file-worker.ts', import.meta.url), {});
}
