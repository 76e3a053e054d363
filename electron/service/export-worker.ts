/**
 * The thread that writes a version back into the article's original file (see write-back.ts): it takes the job,
 * then the paragraphs in batches, and once they have all come reads the original and rewrites it; it then answers
 * with the new file's size, and hands its bytes over a piece at a time as the service asks for them (each piece
 * moved, not copied). Handed over whole, a long XLIFF file's 137 MB arrived in the service's heap at once, and the
 * garbage collection that followed held its thread for 50 ms and more. One job per thread: the service ends the
 * thread once it has all the pieces.
 */
import { parentPort } from 'node:worker_threads';
import { assertNever, type Failure } from '../../shared/result';
import { giveWayToService } from './thread-priority';
import { writeBack, type WriteBackJob, type WriteBackParagraph } from './write-back';

/**
 * What the service sends: the job first, then its paragraphs in batches, then the end; then, once the file is made,
 * a request for each of its pieces.
 */
export type ExportThreadRequest =
  | { readonly kind: 'job'; readonly job: WriteBackJob }
  | { readonly kind: 'paragraphs'; readonly paragraphs: readonly WriteBackParagraph<WriteBackJob>[] }
  | { readonly kind: 'end' }
  | { readonly kind: 'piece'; /** At most this many bytes. */ readonly size: number };

/**
 * The thread's answers: the file made (its size in bytes, and warnings) or why not; then each piece asked for, in
 * order, of the size asked for but the last (a buffer of its own, handed over).
 */
export type ExportThreadAnswer =
  | { readonly kind: 'made'; readonly ok: true; readonly length: number; readonly warnings: readonly string[] }
  | { readonly kind: 'made'; readonly ok: false; readonly error: Failure }
  | { readonly kind: 'piece'; readonly bytes: ArrayBuffer };

giveWayToService();

let job: WriteBackJob | undefined;
const paragraphs: WriteBackParagraph<WriteBackJob>[] = [];
/** The file made, and how much of it has been handed over. */
let made: Uint8Array | undefined;
let handed = 0;

parentPort?.on('message', (request: ExportThreadRequest) => {
  switch (request.kind) {
    case 'job':
      job = request.job;
      return;
    case 'paragraphs':
      for (const p of request.paragraphs) paragraphs.push(p);
      return;
    case 'end':
      parentPort!.postMessage(job ? write(job) : failed('The export thread was given no job.'));
      return;
    case 'piece': {
      const bytes = piece(made ?? new Uint8Array(0), handed, handed + request.size);
      handed += bytes.byteLength;
      parentPort!.postMessage({ kind: 'piece', bytes } satisfies ExportThreadAnswer, [bytes]);
      return;
    }
    default:
      assertNever(request, 'export thread request');
  }
});

/** Makes the file, keeps it to hand over, and answers with its size. */
function write(todo: WriteBackJob): ExportThreadAnswer {
  try {
    const result = writeBack(todo, paragraphs);
    // The paragraphs are no longer needed: only the file is kept until it has been handed over.
    paragraphs.length = 0;
    if (!result.ok) return { kind: 'made', ...result };
    made = result.value.bytes;
    return { kind: 'made', ok: true, length: made.byteLength, warnings: result.value.warnings };
  } catch (e) {
    return failed(`The export failed: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

function failed(message: string): ExportThreadAnswer {
  return { kind: 'made', ok: false, error: { code: 'internal', message } };
}

/** The bytes at [from, to) in an ArrayBuffer of their own, which can be handed over. */
function piece(bytes: Uint8Array, from: number, to: number): ArrayBuffer {
  const part = bytes.subarray(from, Math.min(to, bytes.byteLength));
  // Copied into a new array: a Buffer's own slice() is a view of the same memory, often of a pool shared with others.
  const copy = new Uint8Array(part.byteLength);
  copy.set(part);
  return copy.buffer;
}
