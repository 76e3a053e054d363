/**
 * The thread that writes a version back into the article's original file (see write-back.ts): it takes the job,
 * then the paragraphs in batches, and once they have all come reads the original, rewrites it and answers with
 * its new bytes, handed over without a copy. One job per thread: the service ends the thread once answered.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { assertNever, type Failure } from '../../shared/result';
import { writeBack, type WriteBackJob, type WriteBackParagraph } from './write-back';

/** The export thread's nice value (0 is the process's, 19 the lowest priority). */
const EXPORT_THREAD_NICENESS = 10;

/** What the service sends: the job first, then its paragraphs in batches, then the end. */
export type ExportThreadRequest =
  | { readonly kind: 'job'; readonly job: WriteBackJob }
  | { readonly kind: 'paragraphs'; readonly paragraphs: readonly WriteBackParagraph<WriteBackJob>[] }
  | { readonly kind: 'end' };

/** The thread's one answer: the file's new bytes (a buffer of their own, handed over) and warnings, or why not. */
export type ExportThreadAnswer =
  | { readonly ok: true; readonly bytes: ArrayBuffer; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: Failure };

// On Linux each thread has a priority of its own: this one gives way to the service's thread, which answers the
// reviewer, whenever both want a core (elsewhere the call would lower the whole process, so it is not made).
if (process.platform === 'linux') {
  try {
    setPriority(EXPORT_THREAD_NICENESS);
  } catch {
    // Left at the process's priority.
  }
}

let job: WriteBackJob | undefined;
const paragraphs: WriteBackParagraph<WriteBackJob>[] = [];

parentPort?.on('message', (request: ExportThreadRequest) => {
  switch (request.kind) {
    case 'job':
      job = request.job;
      return;
    case 'paragraphs':
      for (const p of request.paragraphs) paragraphs.push(p);
      return;
    case 'end':
      answer(job ? written(job) : { ok: false, error: { code: 'internal', message: 'The export thread was given no job.' } });
      return;
    default:
      assertNever(request, 'export thread request');
  }
});

function written(todo: WriteBackJob): ExportThreadAnswer {
  try {
    const made = writeBack(todo, paragraphs);
    return made.ok ? { ok: true, bytes: ownBuffer(made.value.bytes), warnings: made.value.warnings } : made;
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `The export failed: ${e instanceof Error ? e.message : String(e)}.` } };
  }
}

function answer(message: ExportThreadAnswer): void {
  parentPort!.postMessage(message, message.ok ? [message.bytes] : []);
}

/** The bytes in an ArrayBuffer of their own, which can be handed over (a Buffer may share a pool with others). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  // Copied into a new array: a Buffer's own slice() is a view of the same memory.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
