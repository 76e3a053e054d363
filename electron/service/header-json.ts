/**
 * A run of a new review's header paragraphs, as the header thread (header-worker.ts) makes it and, for the last runs
 * of a long article, the loading thread too (see header-builder.ts): the paragraphs' header JSON in UTF-8 and the
 * counts of their translations.
 */
import { paragraphFromBlocks, paragraphIdAt, type Block, type Paragraph } from '../../shared/model';
import type { ParagraphCounts } from '../../shared/scoring/paragraph-counts';
import { countAllInto, countWords, ESCAPED_TEXT, PLAIN_TEXT, SEGMENTED_TEXT } from '../../shared/scoring/word-count';
import { countTerInto } from '../../shared/diff/ter';

/**
 * A block as a run carries it: a plain paragraph (of kind `text`, holding nothing but its text) as its text alone.
 * A run is copied to the header's thread, and strings are copied at about half the cost of objects holding them.
 */
export type RunBlock = Block | string | undefined;

/** A block as a run carries it (see `RunBlock`). */
export function runBlock(block: Block | undefined): RunBlock {
  return block !== undefined && block.kind === 'text' && Object.keys(block).length === 2 ? block.text : block;
}

function blockOf(block: RunBlock): Block | undefined {
  return typeof block === 'string' ? { kind: 'text', text: block } : block;
}

/**
 * Paragraphs from position `from`, each as its translation's and its source's block. Their header JSON is
 * appended to the file open as `fd` (opened by the loading thread, which reads it back once the runs are answered).
 */
export interface HeaderRun {
  /** -1 when the bytes are only summed, not written. */
  readonly fd: number;
  readonly from: number;
  readonly withSource: boolean;
  readonly targets: readonly RunBlock[];
  readonly sources: readonly RunBlock[];
}

/**
 * A run answered: its paragraphs' header JSON (comma-separated, with a leading comma unless the run starts the
 * list) is in the file, `length` bytes of it; and the counts of their translations ('' for a paragraph only the
 * source has).
 */
export interface HeaderBytes {
  readonly from: number;
  readonly length: number;
  /** CRC-32 of the run's bytes. */
  readonly crc32: number;
  readonly counts: ParagraphCounts;
}

/** Where a run's bytes are made: grown as needed, used again for the next run (its bytes are written at once). */
let scratch = Buffer.allocUnsafe(1 << 20);

/** Makes room for `more` bytes after the first `at` of `scratch`, keeping those. */
function room(at: number, more: number): void {
  if (at + more <= scratch.length) return;
  const grown = Buffer.allocUnsafe(Math.max(scratch.length * 2, at + more));
  scratch.copy(grown, 0, 0, at);
  scratch = grown;
}

/**
 * The characters `JSON.stringify` writes otherwise than as themselves: the quote, the backslash, control
 * characters and lone surrogates (any surrogate is sent that way; a pair comes out as itself all the same).
 */
// oxlint-disable-next-line no-control-regex
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Member names as JSON writes them, with their colon. */
const names = new Map<string, string>();

/**
 * Writes a paragraph as `JSON.stringify` would, at `at` in `scratch`, and answers where it ends. A text with nothing
 * to escape (nearly every one) is written as it is between quotes: stringifying it first took most of the time.
 */
function writeParagraph(p: Paragraph, at: number): number {
  room(at, 1);
  scratch[at++] = 0x7b;
  let first = true;
  for (const key of Object.keys(p)) {
    const value = (p as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = `${JSON.stringify(key)}:`));
    const plain = typeof value === 'string' && !ESCAPED.test(value);
    const json = plain ? value : JSON.stringify(value);
    // A UTF-16 code unit takes at most three bytes in UTF-8; then the comma, the name, the quotes and the brace.
    room(at, json.length * 3 + name.length + 4);
    if (!first) scratch[at++] = 0x2c;
    first = false;
    at += scratch.write(name, at, 'latin1');
    if (plain) scratch[at++] = 0x22;
    at += scratch.write(json, at, 'utf8');
    if (plain) scratch[at++] = 0x22;
  }
  scratch[at++] = 0x7d;
  return at;
}

/**
 * A run made: its header JSON, as the loading thread would write it, in UTF-8 (a view of memory that the next call
 * reuses), and the counts of its translations ('' for a paragraph only the source has). Each paragraph is counted,
 * then encoded: the counting also says whether its translation holds anything JSON escapes, so a plain text is not
 * looked over a second time. Joining a run's JSON into one string first took twice as long as making it.
 */
export function makeRun(run: HeaderRun): { readonly bytes: Uint8Array; readonly counts: ParagraphCounts } {
  const length = Math.max(run.targets.length, run.sources.length);
  const words = new Uint32Array(length);
  const terWords = new Uint32Array(length);
  const terChars = new Uint32Array(length);
  let at = 0;
  for (let k = 0; k < length; k++) {
    const i = run.from + k;
    const target = run.targets[k];
    const text = typeof target === 'string' ? target : (target?.text ?? '');
    let escaped = countAllInto(text, k, words, terWords, terChars);
    if (escaped === SEGMENTED_TEXT) {
      words[k] = countWords(text);
      countTerInto(text, terWords, terChars, k);
      escaped = ESCAPED.test(text) ? ESCAPED_TEXT : PLAIN_TEXT;
    }
    if (i > 0) {
      room(at, 1);
      scratch[at++] = 0x2c;
    }
    const source = run.withSource ? run.sources[k] : undefined;
    at =
      typeof target === 'string' &&
      escaped === PLAIN_TEXT &&
      (source === undefined || (typeof source === 'string' && !ESCAPED.test(source)))
        ? writePlainParagraph(i, target, source, run.withSource, at)
        : writeParagraph(paragraphFromBlocks(i, blockOf(target), blockOf(run.sources[k]), run.withSource), at);
  }
  return { bytes: scratch.subarray(0, at), counts: { words, terWords, terChars } };
}

/**
 * Writes a plain paragraph (see `RunBlock`) with nothing to escape in its texts, as `writeParagraph` writes the
 * paragraph `paragraphFromBlocks` makes of it, without making that paragraph: its members around the texts are
 * written as one piece of ASCII, and the texts with one call each. A long article is nearly all such paragraphs, and
 * writing each member apart took a third of the header thread's time.
 */
function writePlainParagraph(index: number, target: string, source: string | undefined, withSource: boolean, at: number): number {
  room(at, (target.length + (source?.length ?? 0)) * 3 + 128);
  at = writeAscii(`{"id":"${paragraphIdAt(index)}","index":${index},"kind":"text","target":"`, at);
  at += scratch.write(target, at, 'utf8');
  if (!withSource) return writeAscii('"}', at);
  if (source === undefined) return writeAscii('","alignment":"target-only"}', at);
  at = writeAscii('","source":"', at);
  at += scratch.write(source, at, 'utf8');
  return writeAscii('","alignment":"paired"}', at);
}

/** Writes a short string of ASCII at `at` in `scratch`, which has room for it, and answers where it ends. */
function writeAscii(text: string, at: number): number {
  for (let i = 0; i < text.length; i++) scratch[at++] = text.charCodeAt(i);
  return at;
}
