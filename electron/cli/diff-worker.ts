/**
 * The second thread of `redline diff --json`: it receives batches of changed paragraph pairs and answers with
 * their edit rates, while the main thread computes the rest (see parallel-rates.ts). Only the texts of changed
 * pairs cross between the threads; the answers are two typed arrays, handed over without a copy.
 */
import { parentPort } from 'node:worker_threads';
import { pairRate, type RateUnit } from '../../shared/diff/article-rates';

/** A batch of pairs: `hypotheses[i]` (the old text) against `references[i]` (the new one). */
export interface RateRequest {
  readonly id: number;
  readonly unit: RateUnit;
  readonly hypotheses: readonly string[];
  readonly references: readonly string[];
}

export interface RateAnswer {
  readonly id: number;
  readonly edits: Int32Array;
  readonly refWords: Int32Array;
}

parentPort?.on('message', (request: RateRequest) => {
  const count = request.hypotheses.length;
  const edits = new Int32Array(count);
  const refWords = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const rate = pairRate(request.hypotheses[i]!, request.references[i]!, request.unit);
    edits[i] = rate.edits;
    refWords[i] = rate.refWords;
  }
  const answer: RateAnswer = { id: request.id, edits, refWords };
  parentPort!.postMessage(answer, [edits.buffer, refWords.buffer]);
});
