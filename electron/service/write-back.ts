/**
 * Writing a version back into the file the article came from: an HTML page, a Word document, an XLIFF file. Each
 * means reading the original again, parsing all of it and writing it out whole, which for a long article takes
 * seconds of one thread's time; so it runs in the export's own thread (export-worker.ts), from plain data the
 * service gathers a few hundred paragraphs a step (see write-back-thread.ts). Everything here is synchronous:
 * the thread has nothing else to do meanwhile.
 *
 * A page or document whose original is gone, unreadable or changed since the review began is written new instead,
 * with a warning that says so; an XLIFF file cannot be, and the export fails (XLIFF 2.1 is written from the review
 * alone).
 */
import { readFileSync } from 'node:fs';
import { newDocx, rewriteDocx, type DocxExportOptions, type DocxExportParagraph } from '../../shared/formats/docx/docx-export';
import { openDocx } from '../../shared/formats/docx/docx-reader';
import type { ExportParagraph } from '../../shared/formats/export-paragraph';
import { newHtml, rewriteHtml } from '../../shared/formats/html/html-writer';
import { assertNever, ok, type Result } from '../../shared/result';
import { decodeWholeFile } from '../loader/encoding';
import { unreadableXliff, xliffWrittenBack, type RevisedUnit } from './xliff-export';

/** The original file to write into: where it is and the name messages give it. */
interface OriginalFile {
  readonly path: string;
  readonly name: string;
}

/** What to write back, and how: everything but the paragraphs, which follow in batches. */
export type WriteBackJob =
  | (OriginalFile & { readonly format: 'html'; /** The title of a new page, if one is written instead. */ readonly title: string })
  | (OriginalFile & { readonly format: 'docx'; readonly options: DocxExportOptions })
  | (OriginalFile & { readonly format: 'xliff' });

/** The paragraphs a job takes: each paragraph exported (HTML, Word), or every unit of the file (XLIFF). */
export type WriteBackParagraph<J extends WriteBackJob> = J extends { readonly format: 'html' }
  ? ExportParagraph
  : J extends { readonly format: 'docx' }
    ? DocxExportParagraph
    : RevisedUnit;

/** The file's new bytes, and what the reviewer should know about them (a new file written instead). */
export interface WrittenBack {
  readonly bytes: Uint8Array;
  readonly warnings: readonly string[];
}

/**
 * A write-back's file as its maker hands it over: its warnings, and its bytes a piece at a time (`next` answers
 * undefined after the last, or fails if the maker stopped), so that a caller writing them to a file holds one piece
 * at a time. `close` lets go of
 * whatever is left (the caller calls it once done, or on giving up).
 */
export interface WrittenBackPieces {
  readonly warnings: readonly string[];
  readonly next: () => Promise<Result<Uint8Array | undefined>>;
  readonly close: () => void;
}

/** Runs a write-back from paragraphs given in batches: in the export's thread (`writeBackInThread`), or `writeBackHere`. */
export type WriteBackRunner = <J extends WriteBackJob>(
  job: J,
  batches: Iterable<readonly WriteBackParagraph<J>[]>,
  breathe: () => Promise<void>,
) => Promise<Result<WrittenBackPieces>>;

/** `writeBack` in this thread, for a caller that has nothing else to do meanwhile (the command line's export). */
export const writeBackHere: WriteBackRunner = async <J extends WriteBackJob>(
  job: J,
  batches: Iterable<readonly WriteBackParagraph<J>[]>,
) => {
  const paragraphs: WriteBackParagraph<J>[] = [];
  for (const batch of batches) for (const p of batch) paragraphs.push(p);
  const made = writeBack(job, paragraphs);
  if (!made.ok) return made;
  let bytes: Uint8Array | undefined = made.value.bytes;
  const next = async () => {
    const piece = bytes;
    bytes = undefined;
    return ok(piece);
  };
  return ok({ warnings: made.value.warnings, next, close: () => (bytes = undefined) });
};

/**
 * The version written into the original file, as the file's new bytes: a page as UTF-8, a Word package, an XLIFF
 * file in its own encoding. Fails only for XLIFF (see `xliffWrittenBack`, and `not-found` when the file cannot be
 * read).
 */
export function writeBack<J extends WriteBackJob>(job: J, paragraphs: readonly WriteBackParagraph<J>[]): Result<WrittenBack> {
  switch (job.format) {
    case 'html':
      return ok(htmlWrittenBack(job, paragraphs as readonly ExportParagraph[]));
    case 'docx':
      return ok(docxWrittenBack(job, paragraphs as readonly DocxExportParagraph[]));
    case 'xliff': {
      const original = readOriginal(job.path);
      if (!original.ok) return unreadableXliff(job.name, original.code);
      const written = xliffWrittenBack(job.name, original.bytes, paragraphs as readonly RevisedUnit[]);
      return written.ok ? ok({ bytes: written.value, warnings: [] }) : written;
    }
    default:
      return assertNever(job, 'write-back');
  }
}

function htmlWrittenBack(job: OriginalFile & { readonly title: string }, paragraphs: readonly ExportParagraph[]): WrittenBack {
  const warnings: string[] = [];
  const original = readOriginal(job.path);
  const decoded = original.ok ? decodeWholeFile(original.bytes, job.name) : undefined;
  const page = decoded?.ok ? decoded.value.text : undefined;
  if (page !== undefined) {
    const written = rewriteHtml(page, paragraphs, job.name);
    if (written.ok) return { bytes: utf8(written.value), warnings };
    warnings.push(`${written.error.message} A new page was written instead.`);
  } else {
    warnings.push(`${job.path} could not be read, so a new page was written instead.`);
  }
  return { bytes: utf8(newHtml(paragraphs, job.title)), warnings };
}

function docxWrittenBack(
  job: OriginalFile & { readonly options: DocxExportOptions },
  paragraphs: readonly DocxExportParagraph[],
): WrittenBack {
  const warnings: string[] = [];
  const original = readOriginal(job.path);
  if (original.ok) {
    const opened = openDocx(original.bytes, job.name);
    const written = opened.ok ? rewriteDocx(opened.value, paragraphs, job.options, job.name) : opened;
    if (written.ok) return { bytes: written.value, warnings };
    warnings.push(`${written.error.message} A new Word document was written instead, without the original's layout.`);
  } else {
    warnings.push(`${job.path} could not be read, so a new Word document was written without the original's layout.`);
  }
  return { bytes: newDocx(paragraphs, job.options), warnings };
}

/** The file's bytes, or the system's code for why they cannot be read. */
function readOriginal(path: string): { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly code: string } {
  try {
    return { ok: true, bytes: readFileSync(path) };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/** A page is written in UTF-8, whatever the original's encoding (its text as the export has always written it). */
function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
