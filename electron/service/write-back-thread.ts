/**
 * Writing a version back into the article's original file in the export's thread (export-worker.ts), so the
 * service never reads, parses and rewrites a long article's file in one go: it hands the thread the paragraphs in
 * batches, with a breath between (copying 100,000 paragraphs' texts to the thread at once would itself hold the
 * event loop for a long moment), and waits for the bytes.
 *
 * A thread is started for each write-back and ended once it has answered: a write-back is rare, starting a thread
 * takes tens of milliseconds beside the seconds the job takes, and a thread kept waiting would keep a long file's
 * worth of memory it no longer needs.
 */
import type { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/result';
import type { ExportThreadAnswer, ExportThreadRequest } from './export-worker';
import { startServiceThread } from './service-thread';
import type { WriteBackJob, WriteBackParagraph, WrittenBack } from './write-back';

/**
 * `writeBack` of `job` in the export's thread, its paragraphs taken from `batches` one batch a step. Fails with
 * `internal` when the thread cannot start or stops before it answers; nothing is written either way, the caller
 * writes the bytes.
 */
export async function writeBackInThread<J extends WriteBackJob>(
  job: J,
  batches: Iterable<readonly WriteBackParagraph<J>[]>,
  breathe: () => Promise<void>,
  /** Starts the thread (tests start one that fails); undefined when it cannot start. */
  start: () => Worker | undefined = startExportThread,
): Promise<Result<WrittenBack>> {
  const worker = start();
  if (!worker) return fail('internal', `Redline could not start the thread that writes into ${job.name}; nothing was written.`);
  let settled: Result<WrittenBack> | undefined;
  const answered = new Promise<Result<WrittenBack>>((resolve) => {
    const settle = (result: Result<WrittenBack>) => {
      settled ??= result;
      resolve(settled);
    };
    worker.once('message', (answer: ExportThreadAnswer) =>
      settle(answer.ok ? ok({ bytes: new Uint8Array(answer.bytes), warnings: answer.warnings }) : { ok: false, error: answer.error }),
    );
    worker.once('messageerror', () => settle(stopped(job, 'its answer could not be read')));
    worker.once('error', (e) => settle(stopped(job, e.message)));
    worker.once('exit', (code) => settle(stopped(job, `it ended with code ${code}`)));
  });
  try {
    const send = (request: ExportThreadRequest) => worker.postMessage(request);
    send({ kind: 'job', job });
    for (const paragraphs of batches) {
      if (settled) break;
      send({ kind: 'paragraphs', paragraphs });
      await breathe();
    }
    if (!settled) send({ kind: 'end' });
    return await answered;
  } catch (e) {
    // A paragraph that cannot be copied to the thread (which would be a fault of ours, not of the review).
    return stopped(job, e instanceof Error ? e.message : String(e));
  } finally {
    void worker.terminate();
  }
}

function startExportThread(): Worker | undefined {
  return startServiceThread(new URL('./export-worker.js', import.meta.url), new URL('./export-worker.ts', import.meta.url), {});
}

function stopped(job: WriteBackJob, why: string): Result<never> {
  return fail('internal', `The thread writing into ${job.name} stopped before it was done (${why}); nothing was written.`);
}
