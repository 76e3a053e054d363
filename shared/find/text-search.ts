/**
 * Finding a phrase in a paragraph's text: the one matcher the service (over the whole article), the renderer (to
 * highlight the matches of the rows on screen) and replace use, so all three agree on what a match is.
 *
 * Matches are literal (no pattern syntax), never overlap, and come left to right. Offsets are UTF-16 offsets into
 * the text as it is, as flags' are. Case-insensitive matching uses the regular expression engine's Unicode simple
 * case folding, which maps one code point to one code point and reports offsets in the original text, so a folded
 * match can never shift an offset (lower-casing a whole paragraph first would: "İ" becomes two characters).
 *
 * Whole word applies at a Latin-script end of the phrase only: Chinese and Japanese are written without spaces,
 * so a match that starts or ends with a Han character has no word boundary to respect there.
 */

export interface FindOptions {
  /** The phrase to find, as typed. */
  readonly text: string;
  readonly matchCase: boolean;
  readonly wholeWord: boolean;
}

/** A match: the UTF-16 range [start, end) of the text. */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
}

/** The longest phrase searched for: longer than any phrase a reviewer types, short enough to compile at once. */
export const MAX_FIND_LENGTH = 1000;

/** A compiled search: build it once per phrase, run it over as many texts as needed. */
export interface TextMatcher {
  readonly options: FindOptions;
  /** Global, so `lastIndex` walks a text; reset before each text by the functions below. */
  readonly regex: RegExp;
}

/** Characters that make a word of Latin script: letters, combining marks (an accent typed apart), digits, "_". */
const WORD_CHAR = '[\\p{Script=Latin}\\p{M}\\p{Nd}_]';
const WORD_CHAR_RE = new RegExp(`^${WORD_CHAR}$`, 'u');

/** Whether `char` (one code point) belongs to a Latin-script word, so whole-word matching looks past it. */
export function isLatinWordChar(char: string): boolean {
  return WORD_CHAR_RE.test(char);
}

/** The phrase as a pattern that matches itself literally (every syntax character escaped, as the `u` flag wants). */
function literal(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Compiles a phrase; an empty phrase matches nothing. */
export function compileMatcher(options: FindOptions): TextMatcher {
  let pattern = literal(options.text);
  if (options.wholeWord && options.text.length > 0) {
    const chars = [...options.text];
    if (isLatinWordChar(chars[0]!)) pattern = `(?<!${WORD_CHAR})${pattern}`;
    if (isLatinWordChar(chars.at(-1)!)) pattern = `${pattern}(?!${WORD_CHAR})`;
  }
  const regex = new RegExp(options.text.length === 0 ? '(?!)' : pattern, options.matchCase ? 'gu' : 'giu');
  return { options, regex };
}

/** Every match in `text`, left to right, none overlapping the one before. */
export function findInText(text: string, matcher: TextMatcher): TextMatch[] {
  const { regex } = matcher;
  const matches: TextMatch[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) matches.push({ start: m.index, end: m.index + m[0].length });
  return matches;
}

/** How many matches `text` holds (as `findInText(...).length`, without keeping them). */
export function countInText(text: string, matcher: TextMatcher): number {
  const { regex } = matcher;
  let count = 0;
  regex.lastIndex = 0;
  // `test` moves `lastIndex` past each match as `exec` does, without building a match object per match.
  while (regex.test(text)) count += 1;
  return count;
}

/**
 * The text with each of `matches` (ordered, not overlapping, inside the text) replaced by `replacement`, taken
 * literally ("$1" stays "$1").
 */
export function replaceMatches(text: string, matches: readonly TextMatch[], replacement: string): string {
  // Slices and concatenation, not an array joined: the engine keeps them as views of the original until read, so
  // replacing in 25,000 paragraphs at once copies next to nothing.
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + replacement;
    at = m.end;
  }
  return out + text.slice(at);
}

/**
 * Why a set of ranges cannot be replaced in a text of `length` characters (out of order, overlapping, outside
 * it), or undefined when they can.
 */
export function rangesProblem(ranges: readonly TextMatch[], length: number): string | undefined {
  let at = 0;
  for (const r of ranges) {
    if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < at || r.end < r.start || r.end > length) {
      return `the range ${r.start}-${r.end} is out of order or outside the text of ${length} characters`;
    }
    at = r.end;
  }
  return undefined;
}
