/**
 * Exporting the text of a version: the paragraphs as the review holds them, with that version's text, written
 * as plain text or Markdown through a temporary file that is flushed and renamed into place, so an export that
 * fails half way never leaves a half-written file where the reviewer expects the article.
 *
 * An export never destroys a reviewer's work. The target is resolved to its real path (symlinked folders and
 * links followed) and refused when it is a review file (by name or by its first line), the article or its source
 * (by real path and by device and inode, so a hard link or a differently written path is caught too), a folder,
 * or anything else that is not a regular file (a device such as /dev/null, a pipe, a socket). Replacing an
 * existing file needs `overwrite`; without it the export fails with `conflict` and writes nothing.
 *
 * A paragraph that exists only in the source (no translation) is left out unless the reviewer wrote a
 * translation for it: an export is the translated article.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, lstat, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ExportArticleFormat, ExportedText } from '../../shared/contract';
import { JOURNAL_FORMAT } from '../../shared/journal/journal-event';
import { hasVersion, type ReviewState, type VersionRef } from '../../shared/journal/review-state';
import { assertNever, fail, ok, type Result } from '../../shared/result';
import { exportedInSteps, renderExportInSteps, type ExportFormat, type ExportOptions, type RenderedInSteps } from './export-formats';
import { breathe } from '../breathe';

/** Formats exportVersion writes (see ExportArticleFormat in the contract). */
export type ArticleExportFormat = ExportArticleFormat;

/** The export format and options that write an export of the contract (`docx-clean` is Word without tracking). */
function renderFormat(format: ArticleExportFormat): { readonly format: ExportFormat; readonly clean?: boolean } {
  switch (format) {
    case 'docx-clean':
      return { format: 'docx', clean: true };
    case 'txt':
    case 'md':
    case 'html':
    case 'docx':
    case 'xliff':
    case 'xliff-its':
    case 'bitext':
    case 'tsv':
    case 'json':
    case 'csv':
    case 'patch':
      return { format };
    default:
      return assertNever(format, 'export format');
  }
}

/**
 * Renders a version in a format of the contract through the same rendering the command line uses, in steps with the
 * event loop free in between (see `renderExportInSteps`): the text may come as pieces, which `writeExport` writes one
 * after another. `delimiterFrom` is the file name whose extension picks a bilingual table's delimiter (`.csv`: a
 * comma).
 */
function renderArticleExportInSteps(
  state: ReviewState,
  ref: VersionRef,
  format: ArticleExportFormat,
  reviewPath: string,
  delimiterFrom: string,
  write?: (piece: string | Uint8Array) => Promise<void>,
): Promise<Result<RenderedInSteps>> {
  const target = renderFormat(format);
  return renderExportInSteps(state, ref, target.format, exportOptions(target, reviewPath, delimiterFrom), breathe, write);
}

function exportOptions(target: ReturnType<typeof renderFormat>, reviewPath: string, delimiterFrom: string): ExportOptions {
  return {
    reviewPath,
    delimiter: extname(delimiterFrom).toLowerCase() === '.csv' ? ',' : '\t',
    ...(target.clean ? { clean: true } : {}),
  };
}

/** Writes a piece of text or bytes at the file's position (the two are different overloads of write()). */
function writePiece(handle: FileHandle, piece: string | Uint8Array): Promise<unknown> {
  return typeof piece === 'string' ? handle.write(piece) : handle.write(piece);
}

/** What an export writes: text, bytes, either in pieces written one after another, or made as it is written. */
export type FileContent = string | Uint8Array | readonly string[] | readonly Uint8Array[] | StreamedContent;

/** The name of a version in messages: "version 2", "the current text". */
export function versionName(ref: VersionRef): string {
  return ref === 'current' ? 'the current text' : ref === 0 ? 'version 0 (the machine translation)' : `version ${ref}`;
}

/** What an export wrote. */
export interface ExportedFile {
  readonly path: string;
  readonly paragraphs: number;
}

/**
 * The content of a version in a format, for a caller that delivers it itself (the browser's download): text, or
 * base64 for bytes (a Word document, an XLIFF file written back in its own encoding).
 */
export async function exportText(
  state: ReviewState,
  ref: VersionRef,
  format: ArticleExportFormat,
  reviewPath: string,
): Promise<Result<ExportedText>> {
  const made = await exportTextPieces(state, ref, format, reviewPath);
  if (!made.ok) return made;
  const { pieces, encoding, paragraphs } = made.value;
  return ok({ text: pieces.join(''), ...(encoding ? { encoding } : {}), paragraphs });
}

/** What `exportText` answers, its text in pieces that follow one another (see `exportTextPieces`). */
export interface ExportedPieces {
  readonly pieces: readonly string[];
  readonly encoding?: 'base64';
  readonly paragraphs: number;
}

/** Bytes turned into base64 at a time: a multiple of three, so the pieces' base64 joins into the whole's. */
const BASE64_PIECE = 3 << 20;

/**
 * The same as pieces made in steps, for a caller that sends them one after another (the browser host streams a
 * download's answer): a long article's text is never joined into one string, which held the event loop.
 */
export async function exportTextPieces(
  state: ReviewState,
  ref: VersionRef,
  format: ArticleExportFormat,
  reviewPath: string,
): Promise<Result<ExportedPieces>> {
  if (!hasVersion(state, ref)) return noSuchVersion(state, ref);
  const rendered = await renderArticleExportInSteps(state, ref, format, reviewPath, state.header.article.name);
  if (!rendered.ok) return rendered;
  const { content, paragraphs } = rendered.value;
  if (typeof content === 'string') return ok({ pieces: [content], paragraphs });
  if (content instanceof Uint8Array) return ok({ pieces: await base64InPieces([content]), encoding: 'base64', paragraphs });
  if (isText(content)) return ok({ pieces: content, paragraphs });
  return ok({ pieces: await base64InPieces(content), encoding: 'base64', paragraphs });
}

function isText(pieces: readonly string[] | readonly Uint8Array[]): pieces is readonly string[] {
  return pieces.length === 0 || typeof pieces[0] === 'string';
}

/**
 * Bytes given in pieces as base64 in pieces, a few megabytes a step: each piece but the last covers a multiple of
 * three bytes, so that the pieces' base64 joins into the whole's.
 */
export async function base64InPieces(bytes: readonly Uint8Array[], perPiece = BASE64_PIECE): Promise<string[]> {
  const out: string[] = [];
  let held: Buffer[] = [];
  let heldLength = 0;
  const flush = async (all: boolean) => {
    const joined = Buffer.concat(held, heldLength);
    const cut = all ? joined.length : joined.length - (joined.length % 3);
    if (cut > 0) out.push(joined.subarray(0, cut).toString('base64'));
    held = cut < joined.length ? [joined.subarray(cut)] : [];
    heldLength = joined.length - cut;
    await breathe();
  };
  for (const piece of bytes) {
    held.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    heldLength += piece.length;
    if (heldLength >= perPiece) await flush(false);
  }
  await flush(true);
  return out;
}

/**
 * Writes a version of the review to `outPath`. Fails with `bad-request` for an unknown version or a target the
 * export must never write over (a review file, the article, its source), `not-a-file` for a folder or a special
 * file, `conflict` when the target exists and `overwrite` is not set, `not-found` when the folder does not
 * exist, `io-error` when the disk refuses.
 */
export async function exportVersion(
  state: ReviewState,
  ref: VersionRef,
  format: ArticleExportFormat,
  outPath: string,
  reviewPath: string,
  overwrite = false,
): Promise<Result<ExportedFile>> {
  if (!hasVersion(state, ref)) return noSuchVersion(state, ref);
  if (!exportedInSteps(renderFormat(format).format)) {
    const rendered = await renderArticleExportInSteps(state, ref, format, reviewPath, outPath);
    if (!rendered.ok) return rendered;
    const written = await writeExport(state, rendered.value.content, outPath, reviewPath, overwrite);
    return written.ok ? ok({ path: written.value.path, paragraphs: rendered.value.paragraphs }) : written;
  }
  // Made in steps: each piece goes to the file as it is made, once the target has been checked, and is let go of
  // (held until the end, a long article's pieces made the service's memory, and its collections of it, grow).
  let rendered: Result<RenderedInSteps> | undefined;
  const streamed: StreamedContent = {
    stream: async (write) => {
      rendered = await renderArticleExportInSteps(state, ref, format, reviewPath, outPath, write);
      if (!rendered.ok) throw new RenderFailed();
      const { content } = rendered.value;
      if (typeof content === 'string' || content instanceof Uint8Array) await write(content);
      else for (const piece of content) await write(piece);
    },
  };
  const written = await writeExport(state, streamed, outPath, reviewPath, overwrite);
  const made = rendered as Result<RenderedInSteps> | undefined;
  if (made && !made.ok) return made;
  if (!written.ok) return written;
  return ok({ path: written.value.path, paragraphs: made?.ok ? made.value.paragraphs : 0 });
}

/** Content made as it is written: `stream` hands each piece to `write` (see `exportVersion`). */
interface StreamedContent {
  readonly stream: (write: (piece: string | Uint8Array) => Promise<void>) => Promise<void>;
}

/** The rendering failed while its file was being written: the caller answers with the rendering's failure. */
class RenderFailed extends Error {}

/**
 * Writes content already rendered for the review (a Word package, a WMT file, ...) to `outPath`, with the same
 * guards and the same temporary-file-and-rename as exportVersion.
 */
export async function writeExport(
  state: ReviewState,
  content: FileContent,
  outPath: string,
  reviewPath: string,
  overwrite = false,
): Promise<Result<{ readonly path: string }>> {
  const { article } = state.header;
  const guarded: GuardedFile[] = [
    { path: reviewPath, what: 'the review file itself' },
    { path: article.path, what: 'the article under review' },
    ...(article.sourcePath !== undefined ? [{ path: article.sourcePath, what: "the article's source text" }] : []),
  ];
  return writeGuardedFile(content, outPath, guarded, overwrite);
}

/**
 * Writes `content` to `outPath` under the export's rules (never over a review file, one of `guarded`, a folder or
 * a device; an existing file only with `overwrite`), for files that are not a version of one review (a report).
 */
export async function writeGuardedFile(
  content: FileContent,
  outPath: string,
  guarded: readonly { readonly path: string; readonly what: string }[],
  overwrite = false,
): Promise<Result<{ readonly path: string }>> {
  const shown = resolve(outPath);
  try {
    const target = await checkTarget(shown, guarded, overwrite);
    if (!target.ok) return target;
    await replaceWith(target.value, content);
    return ok({ path: target.value.path });
  } catch (e) {
    if (e instanceof TargetChanged)
      return fail('conflict', `${shown} changed while it was being written; nothing was replaced. Write it again.`);
    const code = (e as NodeJS.ErrnoException).code;
    return fail('io-error', `Could not write ${shown} (${code ?? (e instanceof Error ? e.message : String(e))}).`);
  }
}

function noSuchVersion<T>(state: ReviewState, ref: VersionRef): Result<T> {
  return fail('bad-request', `The review has no ${versionName(ref)}; its versions are 0 to ${state.versions.length}.`);
}

/** A file an export must not write over, and how messages name it. */
interface GuardedFile {
  readonly path: string;
  readonly what: string;
}

/** Where to write: the real path, and what was there when it was checked (undefined: nothing). */
interface CheckedTarget {
  readonly path: string;
  readonly existing: Stats | undefined;
}

/** A review file's name, or the name of one of its lock or temporary files (`story.redline.lock`). */
function isReviewFileName(name: string): boolean {
  return /\.redline($|\.)/i.test(name);
}

async function statOrNothing(path: string, follow: boolean): Promise<Stats | undefined> {
  try {
    return follow ? await stat(path) : await lstat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

async function checkTarget(shown: string, guarded: readonly GuardedFile[], overwrite: boolean): Promise<Result<CheckedTarget>> {
  const name = basename(shown);
  if (name === '') return fail('not-a-file', `${shown} is a folder; name a file to export to.`);
  const folderGiven = dirname(shown);
  let folder: string;
  try {
    // The real folder: a symlinked folder leads where it points, and the checks below look there.
    folder = await realpath(folderGiven);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('not-found', `The folder ${folderGiven} does not exist.`);
    throw e;
  }
  if (!(await stat(folder)).isDirectory()) return fail('not-found', `${folderGiven} is not a folder.`);

  let path = join(folder, name);
  const entry = await statOrNothing(path, false);
  if (entry?.isSymbolicLink()) {
    try {
      path = await realpath(path);
    } catch {
      return fail('not-a-file', `${shown} is a link that leads nowhere; name a file to export to.`);
    }
  }
  const existing = entry ? await statOrNothing(path, true) : undefined;
  for (const g of guarded) {
    if (await sameFile(g.path, path, existing)) return fail('bad-request', `${shown} is ${g.what}; export to another file.`);
  }
  if (isReviewFileName(basename(path)) || isReviewFileName(name)) {
    return fail('bad-request', `${shown} is a Redline review file name (.redline); export to another name.`);
  }
  if (existing?.isDirectory()) return fail('not-a-file', `${shown} is a folder; name a file to export to.`);
  if (existing && !existing.isFile()) {
    return fail('not-a-file', `${shown} is not a regular file (a device, pipe or socket); export to a file.`);
  }
  if (existing) {
    if (await hasReviewHeader(path)) return fail('bad-request', `${shown} is a Redline review file; export to another file.`);
    if (!overwrite) return fail('conflict', `${shown} already exists.`);
  }
  return ok({ path, existing });
}

/** True when `guardedPath` names the file at `path`: the same real path, or the same device and inode. */
async function sameFile(guardedPath: string, path: string, existing: Stats | undefined): Promise<boolean> {
  const real = await realpath(guardedPath).catch(() => resolve(guardedPath));
  if (real === path) return true;
  if (!existing) return false;
  const other = await statOrNothing(guardedPath, true).catch(() => undefined);
  return other !== undefined && other.dev === existing.dev && other.ino === existing.ino;
}

/** How much of a file's start is read to recognise a review header; the format name comes first in it. */
const HEADER_SNIFF_BYTES = 64 * 1024;

/** Whether a regular file's first line is a Redline review header, whatever the file is called. */
async function hasReviewHeader(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const newline = head.indexOf('\n');
    const firstLine = newline < 0 ? head : head.slice(0, newline);
    return new RegExp(`"format"\\s*:\\s*"${JOURNAL_FORMAT}"`).test(firstLine);
  } finally {
    await handle.close();
  }
}

/** Thrown when the target changed between the checks and the rename (another program wrote it meanwhile). */
class TargetChanged extends Error {}

/**
 * Writes `text` to a new temporary file beside the target (a unique name, created exclusively, so nothing
 * already there is followed or truncated), flushes it, checks that the target is still what was checked, and
 * renames it into place; the folder is flushed so the new name survives a crash.
 */
async function replaceWith(target: CheckedTarget, text: FileContent): Promise<void> {
  const folder = dirname(target.path);
  const temp = join(folder, `.${basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      // A string and bytes are written by different overloads of write(); pieces one after another.
      if (typeof text === 'string' || text instanceof Uint8Array) await writePiece(handle, text);
      else if ('stream' in text) await text.stream(async (piece) => void (await writePiece(handle, piece)));
      else for (const piece of text) await writePiece(handle, piece);
      // A replaced file keeps its permissions: an export should not widen who can read it.
      if (target.existing) await chmod(temp, target.existing.mode & 0o777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const now = await statOrNothing(target.path, false);
    // A file that appeared meanwhile was never checked (nor confirmed): it is not replaced.
    const unchanged = target.existing
      ? now !== undefined && now.isFile() && now.dev === target.existing.dev && now.ino === target.existing.ino
      : now === undefined;
    if (!unchanged) throw new TargetChanged();
    await rename(temp, target.path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  const dir = await open(folder, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
