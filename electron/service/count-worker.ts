/**
 * The thread that counts an article's words while it loads (see background-counter.ts). Counting a long
 * article's words and edit-rate tokens takes the best part of a second: here it runs beside the loading instead of
 * taking turns with it. It receives runs of paragraph texts
 * and answers with their counts, three typed arrays handed over without a copy.
 */
import { parentPort } from 'node:worker_threads';
import { countParagraphs } from '../../shared/scoring/paragraph-counts';

/** A run of paragraphs starting at position `from`. */
export interface CountRequest {
  readonly from: number;
  readonly texts: readonly string[];
}

export interface CountAnswer {
  readonly from: number;
  readonly words: Uint32Array;
  readonly terWords: Uint32Array;
  readonly terChars: Uint32Array;
}

/** Sent once when the thread is ready to count: until then the loading thread counts on by itself. */
export const COUNT_THREAD_READY = 'ready';

parentPort?.on('message', (request: CountRequest) => {
  const { words, terWords, terChars } = countParagraphs(request.texts);
  const answer: CountAnswer = { from: request.from, words, terWords, terChars };
  // The arrays are fresh, so their buffers are plain ArrayBuffers that can be handed over.
  parentPort!.postMessage(answer, [words.buffer as ArrayBuffer, terWords.buffer as ArrayBuffer, terChars.buffer as ArrayBuffer]);
});
parentPort?.postMessage(COUNT_THREAD_READY);
