/**
 * What the service's loader and the thread that parses an article (whole-file-worker.ts) say to each other, apart
 * from either side's code: the loader never loads the thread's module (which lowers its thread's priority as it
 * starts).
 */
import type { HtmlRead } from '../../shared/formats/html/html-reader';
import type { PackedBlocks } from '../../shared/formats/packed-blocks';
import type { Failure } from '../../shared/result';

/**
 * What the loader sends: a text format's name, then its decoded text in pieces (each answered once taken), then the
 * end; or a Word document's bytes at once. The end and the bytes are answered with the first batch of paragraphs (or
 * why not); each batch taken, with a request for the next.
 */
export type WholeFileRequest =
  | { readonly kind: 'text-start'; readonly format: 'html' | 'tsv'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'text-end' }
  | { readonly kind: 'docx'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'next' };

/**
 * The thread's answers: a piece of text taken, with the paragraphs of a page it completed; the paragraphs known at
 * the end a batch at a time, in order (sure, of the element of a page read as its article), then the end; or why the
 * file could not be read.
 */
export type WholeFileAnswer =
  | { readonly kind: 'taken'; readonly read?: PackedBlocks & Omit<HtmlRead, 'blocks'> }
  | ({ readonly kind: 'blocks'; readonly of: number } & PackedBlocks)
  | { readonly kind: 'done'; readonly of: number }
  | { readonly kind: 'failed'; readonly error: Failure };

/**
 * Paragraphs in one answer. Taking a batch in is a few milliseconds' work, but every paragraph of it is kept, and the
 * collection that copies the kept ones lands on one batch or another: with a thousand a batch, a batch and a
 * collection held the service for 55-65 ms at times; with five hundred, 35-40.
 */
export const BLOCKS_PER_ANSWER = 500;
