/**
 * A unified diff (the patch `patch` and `git apply` read) of two texts that are made of the same paragraphs, made
 * paragraph by paragraph and written in pieces, so that a caller working in steps can write a long article's patch
 * without diffing its whole text at once.
 *
 * The texts are given as chunks, one a paragraph: its lines before and after. A chunk the same on both sides is
 * context; a chunk that differs is diffed line by line on its own (a paragraph is a few lines). The hunks are
 * those jsdiff's `createPatch` writes for the same two texts when their paragraphs line up (four lines of context,
 * hunks joined when eight or fewer lines lie between them, the same header), so the two read alike; the lines are
 * never matched across paragraphs, which keeps each paragraph's change in one place and the work linear.
 */
import { diffArrays, formatPatch } from 'diff';

/**
 * One paragraph's lines in the old text and in the new (none where a side does not write the paragraph), with the
 * blank line that parts it from the paragraph before. Both texts end with a line break (or are empty).
 */
export interface PatchChunk {
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface PatchHeader {
  /** The file the patch applies to. */
  readonly fileName: string;
  /** What the old and the new text are (written after the file's name, as `diff -u` writes a date). */
  readonly oldLabel: string;
  readonly newLabel: string;
}

/** Lines of context around a change, and so the most lines between two changes that one hunk spans. */
const CONTEXT = 4;

/** A hunk being gathered: where it starts on each side and its lines, each with its mark (' ', '-', '+'). */
interface OpenHunk {
  oldStart: number;
  newStart: number;
  oldLines: number;
  newLines: number;
  lines: string[];
}

/**
 * The patch turning the chunks' old text into their new text, in pieces: the header first, then each hunk as soon
 * as it is closed, its lines `perPiece` to a piece. Each piece costs about `perPiece` lines or chunks of work.
 */
export function* unifiedPatchPieces(header: PatchHeader, chunks: Iterable<PatchChunk>, perPiece: number): Generator<string> {
  yield formatPatch({
    oldFileName: header.fileName,
    newFileName: header.fileName,
    oldHeader: header.oldLabel,
    newHeader: header.newLabel,
    hunks: [],
  });
  // Line numbers (from 1) of the next line on each side.
  let oldLine = 1;
  let newLine = 1;
  let hunk: OpenHunk | undefined;
  // The lines the same on both sides since the last change: while a hunk is open, up to `2 * CONTEXT` of them
  // (one more closes it); otherwise the last `CONTEXT`, the leading context of the next hunk.
  let same: string[] = [];
  // Pieces of closed hunks, to be yielded.
  const ready: string[] = [];

  /** Writes out the open hunk, with the first `count` lines of `same` as its trailing context. */
  const close = (h: OpenHunk, count: number) => {
    for (let i = 0; i < count; i++) h.lines.push(` ${same[i]!}`);
    h.oldLines += count;
    h.newLines += count;
    // As `diff -u` writes it: an empty range starts at the line before it.
    const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
    const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
    ready.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@\n`);
    for (let from = 0; from < h.lines.length; from += perPiece) ready.push(`${h.lines.slice(from, from + perPiece).join('\n')}\n`);
  };
  const keepSame = (lines: readonly string[]) => {
    for (const line of lines) {
      same.push(line);
      if (hunk) {
        if (same.length > 2 * CONTEXT) {
          close(hunk, CONTEXT);
          hunk = undefined;
          same = same.slice(-CONTEXT);
        }
      } else if (same.length > CONTEXT) same.shift();
    }
    oldLine += lines.length;
    newLine += lines.length;
  };
  const change = (kind: '-' | '+', lines: readonly string[]) => {
    if (!hunk) {
      hunk = { oldStart: oldLine - same.length, newStart: newLine - same.length, oldLines: 0, newLines: 0, lines: [] };
    }
    // The same lines since the last change (at most twice the context) or before the first (at most the context).
    for (const line of same) hunk.lines.push(` ${line}`);
    hunk.oldLines += same.length;
    hunk.newLines += same.length;
    same = [];
    for (const line of lines) hunk.lines.push(`${kind}${line}`);
    if (kind === '-') {
      hunk.oldLines += lines.length;
      oldLine += lines.length;
    } else {
      hunk.newLines += lines.length;
      newLine += lines.length;
    }
  };

  let chunksThisPiece = 0;
  for (const chunk of chunks) {
    if (sameLines(chunk.before, chunk.after)) keepSame(chunk.before);
    else {
      for (const part of diffArrays(chunk.before as string[], chunk.after as string[])) {
        if (part.added) change('+', part.value);
        else if (part.removed) change('-', part.value);
        else keepSame(part.value);
      }
    }
    if (ready.length > 0) {
      yield* ready;
      ready.length = 0;
      chunksThisPiece = 0;
    } else if (++chunksThisPiece >= perPiece) {
      // Nothing to write yet, but a piece's worth of work done: the caller may breathe.
      chunksThisPiece = 0;
      yield '';
    }
  }
  if (hunk) close(hunk, Math.min(CONTEXT, same.length));
  yield* ready;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
