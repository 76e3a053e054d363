/**
 * Word and character diffs of two paragraph texts, as segments a view renders directly.
 *
 * Word tokens are interned to integer ids and compared with our Myers implementation (see myers.ts for why not
 * jsdiff's core there); character tokens go through jsdiff's array diff. Past the size limits below a diff falls back to a coarser level (character → word → whole
 * paragraph replaced) and says so, the way a code review tool shows "diff too large" instead of freezing.
 */
import { diffArrays } from 'diff';
import { assertNever } from '../result';
import { myersDiff, type EditRun } from './myers';
import { tokenBoundary, tokenizeChars, tokenizeWords } from './tokenize';

export type DiffLevel = 'char' | 'word' | 'paragraph';
export type SegmentKind = 'same' | 'insert' | 'delete';

/** A piece of text that is in both versions, only in the new one (insert) or only in the old one (delete). */
export interface DiffSegment {
  readonly kind: SegmentKind;
  readonly text: string;
}

export interface TextDiff {
  /** In reading order; within a changed stretch the deletion comes before the insertion. */
  readonly segments: readonly DiffSegment[];
  /** The level the segments were computed at. */
  readonly level: DiffLevel;
  /** True when `level` is coarser than the level asked for, because a size limit was passed. */
  readonly coarsened: boolean;
}

/**
 * A character diff compares every code point: past this many characters on a side (after the common start and
 * end are cut) it would show hundreds of scattered one-letter changes that no one reads, and its cost grows
 * with length times edits, so the diff is done at word level instead.
 */
export const MAX_CHAR_DIFF_CHARS = 5_000;

/**
 * Tokens (words, spaces and punctuation, about two per word) per side past which a word diff is not tried and
 * the paragraph is shown as replaced: 20,000 tokens is some 10,000 words, far beyond any real paragraph, and
 * keeps the worst case (length times edits) within a frame or two.
 */
export const MAX_WORD_DIFF_TOKENS = 20_000;

/**
 * Insertions plus deletions past which a diff gives up and falls back a level. The search keeps
 * (D + 1)(D + 2) / 2 integers (8 MB at this limit) and its time grows with D; a paragraph needing more edits
 * than this has been rewritten, and a highlight of every token says less than "replaced".
 */
export const MAX_DIFF_EDITS = 2_000;

/** Word diff: words, white space and punctuation are the units (Chinese and Japanese split into words). */
export function diffWords(oldText: string, newText: string): TextDiff {
  return diffText(oldText, newText, 'word');
}

/** Character diff, falling back to a word diff past {@link MAX_CHAR_DIFF_CHARS} or {@link MAX_DIFF_EDITS}. */
export function diffChars(oldText: string, newText: string): TextDiff {
  return diffText(oldText, newText, 'char');
}

/** Diffs two texts at the level asked for, or a coarser one when the texts are too large or too different. */
export function diffText(oldText: string, newText: string, level: 'word' | 'char'): TextDiff {
  if (oldText === newText) return { segments: oldText === '' ? [] : [{ kind: 'same', text: oldText }], level, coarsened: false };
  if (level === 'char') {
    const a = tokenizeChars(oldText);
    const b = tokenizeChars(newText);
    const trimmed = trimmedLengths(a, b);
    if (trimmed.a <= MAX_CHAR_DIFF_CHARS && trimmed.b <= MAX_CHAR_DIFF_CHARS) {
      const segments = diffCharTokens(a, b);
      if (segments !== undefined) return { segments, level: 'char', coarsened: false };
    }
  }
  // Texts no longer than the token limit cannot pass it (a token is at least one character), so only they skip
  // the shared start and end; a longer one is tokenized whole to count its tokens.
  const short = oldText.length <= MAX_WORD_DIFF_TOKENS && newText.length <= MAX_WORD_DIFF_TOKENS;
  const segments = short ? diffWordsTrimmed(oldText, newText) : diffWordsWhole(oldText, newText);
  if (segments !== undefined) return { segments, level: 'word', coarsened: level === 'char' };
  return { segments: replaced(oldText, newText), level: 'paragraph', coarsened: true };
}

/**
 * The word diff's segments from every token of both texts, or `undefined` past {@link MAX_WORD_DIFF_TOKENS}
 * or {@link MAX_DIFF_EDITS}. Exported as the reference {@link diffWordsTrimmed} is tested against.
 */
export function diffWordsWhole(oldText: string, newText: string): DiffSegment[] | undefined {
  const a = tokenizeWords(oldText);
  const b = tokenizeWords(newText);
  if (a.length > MAX_WORD_DIFF_TOKENS || b.length > MAX_WORD_DIFF_TOKENS) return undefined;
  return diffTokens(a, b, '', '');
}

/**
 * The same segments as {@link diffWordsWhole} (for texts within the token limit), tokenizing only what lies
 * between the texts' shared start and shared end. A post-editor changes a clause or a word of a paragraph, so
 * most of its text is shared; it is compared as characters, not split into words, interned and diffed.
 *
 * Why the segments are the same: the cuts fall between two tokens in both texts, so the shared start is
 * whole tokens, equal on both sides, and so is the shared end; the search cuts the longest common start and
 * end of tokens itself before searching, so cutting part of them first leaves it the same middle. The shared
 * end is measured on what the shared start leaves of the shorter text, as the search measures it.
 */
export function diffWordsTrimmed(oldText: string, newText: string): DiffSegment[] | undefined {
  const shortest = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shortest && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && oldText.charCodeAt(oldText.length - 1 - end) === newText.charCodeAt(newText.length - 1 - end)) end++;
  while (start > 0 && !(tokenBoundary(oldText, start) && tokenBoundary(newText, start))) start--;
  while (end > 0 && !(tokenBoundary(oldText, oldText.length - end) && tokenBoundary(newText, newText.length - end))) end--;
  // The two sides share most of their runs of Chinese or Japanese: each is split into words once.
  const segmented = new Map<string, readonly string[]>();
  const a = tokenizeWords(oldText, start, oldText.length - end, segmented);
  const b = tokenizeWords(newText, start, newText.length - end, segmented);
  return diffTokens(a, b, oldText.slice(0, start), oldText.slice(oldText.length - end));
}

/** The whole-paragraph fallback: all of the old text deleted, all of the new inserted. */
function replaced(oldText: string, newText: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  if (oldText !== '') segments.push({ kind: 'delete', text: oldText });
  if (newText !== '') segments.push({ kind: 'insert', text: newText });
  return segments;
}

function trimmedLengths(a: readonly string[], b: readonly string[]): { a: number; b: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { a: a.length - start - end, b: b.length - start - end };
}

/**
 * Character level, built on jsdiff's array diff over code points. It has no speed target (it runs for one
 * paragraph on request, and within MAX_CHAR_DIFF_CHARS), so the well-kept library does the work; the word level,
 * which must diff thousands of paragraphs fast, uses the tight search in myers.ts.
 */
function diffCharTokens(a: string[], b: string[]): DiffSegment[] | undefined {
  const changes = diffArrays(a, b, { maxEditLength: MAX_DIFF_EDITS });
  if (changes === undefined) return undefined;
  const runs: EditRun[] = changes.map((c) => ({ kind: c.added ? 'insert' : c.removed ? 'delete' : 'same', count: c.value.length }));
  return toSegments(runs, a, b);
}

/**
 * Memory for both sides' token ids, kept between diffs: a comparison diffs thousands of paragraphs, and a
 * typed array allocated for each (outside the JavaScript heap) costs more than the search on a short one.
 * Lent to one diff at a time; a diff made while it is out gets its own.
 */
let spareIds: Int32Array | undefined;

/**
 * Interns both token lists to ids, runs the search and turns its runs back into text segments. `head` and
 * `tail` are text both sides share before and after the tokens (whole tokens, see diffWordsTrimmed).
 */
function diffTokens(a: readonly string[], b: readonly string[], head: string, tail: string): DiffSegment[] | undefined {
  const ids = new Map<string, number>();
  const need = a.length + b.length;
  const memory = spareIds !== undefined && spareIds.length >= need ? spareIds : new Int32Array(Math.max(need, 4096));
  if (memory === spareIds) spareIds = undefined;
  let found: EditRun[] | undefined;
  try {
    found = myersDiff(intern(a, ids, memory.subarray(0, a.length)), intern(b, ids, memory.subarray(a.length, need)), MAX_DIFF_EDITS);
  } finally {
    if (spareIds === undefined || spareIds.length < memory.length) spareIds = memory;
  }
  return found === undefined ? undefined : toSegments(found, a, b, head, tail);
}

/**
 * Token ids shared by both sides, written into `out`: equal tokens, equal ids. A token of one UTF-16 unit (a
 * space, a punctuation mark: half the tokens of prose) is its own id, its character code, without a look-up in
 * the map, which holds the longer tokens, numbered from 65,536.
 */
function intern(tokens: readonly string[], ids: Map<string, number>, out: Int32Array): Int32Array {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.length === 1) {
      out[i] = token.charCodeAt(0);
      continue;
    }
    let id = ids.get(token);
    if (id === undefined) {
      id = 0x10000 + ids.size;
      ids.set(token, id);
    }
    out[i] = id;
  }
  return out;
}

/**
 * Builds segments from runs. Two readability rules: within a changed stretch all deletions come first and
 * all insertions after (one `[-old words-]{+new words+}` instead of interleaved pieces), and a stretch of
 * white space alone between two changes joins them, so three replaced words in a row read as one replacement.
 */
function toSegments(runs: readonly EditRun[], a: readonly string[], b: readonly string[], head = '', tail = ''): DiffSegment[] {
  const segments: DiffSegment[] = [];
  // The shared start and end join the first and last runs when those are unchanged, or stand as runs of
  // their own: the same segments as if their tokens had been diffed.
  const last = runs.length - 1;
  if (head !== '' && (last < 0 || runs[0]!.kind !== 'same')) segments.push({ kind: 'same', text: head });
  let deleted = '';
  let inserted = '';
  let ia = 0;
  let ib = 0;
  const flushChange = (): void => {
    if (deleted !== '') segments.push({ kind: 'delete', text: deleted });
    if (inserted !== '') segments.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    switch (run.kind) {
      case 'same': {
        let text = a.slice(ia, ia + run.count).join('');
        if (r === 0) text = head + text;
        if (r === last) text += tail;
        ia += run.count;
        ib += run.count;
        const between = (deleted !== '' || inserted !== '') && r + 1 < runs.length;
        if (between && text.trim() === '') {
          // White space between two changes: keep it inside the change on both sides.
          deleted += text;
          inserted += text;
        } else {
          flushChange();
          segments.push({ kind: 'same', text });
        }
        break;
      }
      case 'delete':
        deleted += a.slice(ia, ia + run.count).join('');
        ia += run.count;
        break;
      case 'insert':
        inserted += b.slice(ib, ib + run.count).join('');
        ib += run.count;
        break;
      default:
        return assertNever(run.kind, 'edit run');
    }
  }
  flushChange();
  if (tail !== '' && (last < 0 || runs[last]!.kind !== 'same')) segments.push({ kind: 'same', text: tail });
  return segments;
}

/** The old text's side of a diff: what stayed and what was deleted (for the left column of a side-by-side view). */
export function oldSide(segments: readonly DiffSegment[]): DiffSegment[] {
  return segments.filter((s) => s.kind !== 'insert');
}

/** The new text's side of a diff: what stayed and what was inserted (for the right column). */
export function newSide(segments: readonly DiffSegment[]): DiffSegment[] {
  return segments.filter((s) => s.kind !== 'delete');
}
