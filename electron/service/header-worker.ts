/**
 * The thread that writes a new review's header while its article loads (see header-builder.ts): each settled
 * paragraph as the JSON the header holds, in UTF-8, a run at a time. Making 60 MB of JSON and its bytes takes the
 * loading thread most of a second; here it runs beside the loading, and the bytes go back without a copy.
 */
import { parentPort } from 'node:worker_threads';
import { paragraphFromBlocks, type Block } from '../../shared/model';

/** Paragraphs from position `from`, each as its translation's and its source's block. */
export interface HeaderRun {
  readonly from: number;
  readonly withSource: boolean;
  readonly targets: readonly (Block | undefined)[];
  readonly sources: readonly (Block | undefined)[];
}

/** The run's paragraphs as header JSON, comma-separated (a leading comma unless the run starts the list). */
export interface HeaderBytes {
  readonly from: number;
  readonly bytes: Uint8Array;
}

const encoder = new TextEncoder();

/** The header JSON of a run of paragraphs, as the loading thread would write it. */
export function encodeRun(run: HeaderRun): Uint8Array {
  let json = '';
  for (let k = 0; k < run.targets.length; k++) {
    const i = run.from + k;
    if (i > 0) json += ',';
    json += JSON.stringify(paragraphFromBlocks(i, run.targets[k], run.sources[k], run.withSource));
  }
  return encoder.encode(json);
}

parentPort?.on('message', (run: HeaderRun) => {
  const bytes = encodeRun(run);
  const answer: HeaderBytes = { from: run.from, bytes };
  parentPort!.postMessage(answer, [bytes.buffer as ArrayBuffer]);
});
