/**
 * The thread that reads an article which can only be parsed whole: an HTML page (its tree), a bilingual table
 * (quoted fields span lines), a Word document (a ZIP package of XML). Parsing a long page took parse5 seconds of one
 * thread, and the loader runs in the service's thread, which answers the reviewer: so the loader hands the text
 * over as it decodes it (or the document's bytes at once), and this thread parses it and hands the paragraphs back a
 * thousand at a time, each batch a message of its own, so the service takes them in with its event loop free in
 * between. One article per thread: the loader ends the thread once it has the paragraphs.
 */
import { parentPort } from 'node:worker_threads';
import type { Block } from '../../shared/model';
import { createSplitter, type BlockSplitter } from '../../shared/formats/block-splitter';
import { readDocx } from '../../shared/formats/docx/docx-reader';
import { assertNever, type Failure } from '../../shared/result';

/** The formats parsed here: those the loader can only parse whole. */
export type WholeFileFormat = 'html' | 'tsv' | 'docx';

/**
 * What the loader sends: a text format's name, then its decoded text in pieces, then the end; or a Word document's
 * bytes at once.
 */
export type WholeFileRequest =
  | { readonly kind: 'text-start'; readonly format: 'html' | 'tsv'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'text-end' }
  | { readonly kind: 'docx'; readonly name: string; readonly bytes: Uint8Array };

/** The thread's answers: the paragraphs in batches, in order, then the end; or why the file could not be read. */
export type WholeFileAnswer =
  | { readonly kind: 'blocks'; readonly blocks: readonly Block[] }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly error: Failure };

/** Paragraphs in one answer: a batch takes the service a few milliseconds to receive. */
export const BLOCKS_PER_ANSWER = 1000;

let splitter: BlockSplitter | undefined;

parentPort?.on('message', (request: WholeFileRequest) => {
  try {
    switch (request.kind) {
      case 'text-start':
        splitter = createSplitter(request.format, request.name);
        return;
      case 'text':
        send(splitter!.push(request.text));
        return;
      case 'text-end': {
        const last = splitter!.end();
        if (splitter!.failure) return answer({ kind: 'failed', error: splitter!.failure });
        send(last);
        return answer({ kind: 'done' });
      }
      case 'docx': {
        const read = readDocx(request.bytes, request.name);
        if (!read.ok) return answer({ kind: 'failed', error: read.error });
        send(read.value);
        return answer({ kind: 'done' });
      }
      default:
        return assertNever(request, 'whole-file request');
    }
  } catch (e) {
    answer({
      kind: 'failed',
      error: { code: 'internal', message: `Reading the article failed: ${e instanceof Error ? e.message : String(e)}.` },
    });
  }
});

function answer(message: WholeFileAnswer): void {
  parentPort!.postMessage(message);
}

function send(blocks: readonly Block[]): void {
  for (let from = 0; from < blocks.length; from += BLOCKS_PER_ANSWER) {
    answer({ kind: 'blocks', blocks: blocks.slice(from, from + BLOCKS_PER_ANSWER) });
  }
}
