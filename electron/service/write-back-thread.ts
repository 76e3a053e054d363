/**
 * Writing a version back into the article's original file in the export's thread (export-worker.ts), so the
 * service never reads, parses and rewrites a long article's file in one go: it hands the thread the paragraphs in
 * batches, with a breath between (copying 100,000 paragraphs' texts to the thread at once would itself hold the
 * event loop for a long moment), waits for the file to be made, and takes its bytes a piece at a time.
 *
 * A thread is started for each write-back and ended once it has handed the file over: a write-back is rare, starting a thread
 * takes tens of milliseconds beside the seconds the job takes, and a thread kept waiting would keep a long file's
 * worth of memory it no longer needs.
 */
import type { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/result';
import type { ExportThreadAnswer, ExportThreadRequest } from './export-worker';
import { startServiceThread, ThreadAnswers } from './service-thread';
import type { WriteBackJob, WriteBackParagraph, WrittenBackPieces } from './write-back';

/** Bytes of the file handed over in one piece: each is written to the file before the next is asked for. */
export const EXPORT_PIECE_BYTES = 4 << 20;

/**
 * `writeBack` of `job` in the export's thread, its paragraphs taken from `batches` one batch a step; the file's bytes
 * then come a piece at a time as the caller asks for them, and the thread ends once the caller has them all (or
 * closes). Fails with `internal` when the thread cannot start or stops before it is done; nothing is written either
 * way, the caller writes the bytes.
 */
export async function writeBackInThread<J extends WriteBackJob>(
  job: J,
  batches: Iterable<readonly WriteBackParagraph<J>[]>,
  breathe: () => Promise<void>,
  /** Starts the thread (tests start one that fails); undefined when it cannot start. */
  start: () => Worker | undefined = startExportThread,
  pieceBytes = EXPORT_PIECE_BYTES,
): Promise<Result<WrittenBackPieces>> {
  const worker = start();
  if (!worker) return fail('internal', `Redline could not start the thread that writes into ${job.name}; nothing was written.`);
  const answers = new ThreadAnswers<ExportThreadAnswer>(worker, (why) => stopped(job, why));
  let handedOver = false;
  try {
    const send = (request: ExportThreadRequest) => worker.postMessage(request);
    send({ kind: 'job', job });
    for (const paragraphs of batches) {
      if (answers.stopped) break;
      send({ kind: 'paragraphs', paragraphs });
      await breathe();
    }
    send({ kind: 'end' });
    const made = await answers.next();
    if (!made.ok) return made;
    if (made.value.kind !== 'made') return stopped(job, 'it answered out of turn');
    if (!made.value.ok) return { ok: false, error: made.value.error };
    const { length, warnings } = made.value;
    let received = 0;
    const next = async (): Promise<Result<Uint8Array | undefined>> => {
      if (received >= length) {
        void worker.terminate();
        return ok(undefined);
      }
      send({ kind: 'piece', size: pieceBytes });
      const answer = await answers.next();
      if (!answer.ok) return answer;
      if (answer.value.kind !== 'piece' || answer.value.bytes.byteLength === 0) return stopped(job, 'it answered out of turn');
      received += answer.value.bytes.byteLength;
      return ok(new Uint8Array(answer.value.bytes));
    };
    handedOver = true;
    return ok({ warnings, next, close: () => void worker.terminate() });
  } catch (e) {
    // A paragraph that cannot be copied to the thread (which would be a fault of ours, not of the review).
    return stopped(job, e instanceof Error ? e.message : String(e));
  } finally {
    if (!handedOver) void worker.terminate();
  }
}

function startExportThread(): Worker | undefined {
  return startServiceThread(new URL('./export-worker.js', import.meta.url), new URL('./export-worker.ts', import.meta.url), {});
}

function stopped(job: WriteBackJob, why: string): Result<never> {
  return fail('internal', `The thread writing into ${job.name} stopped before it was done (${why}); nothing was written.`);
}
