/**
 * Splitting text into the tokens a diff compares.
 *
 * Word level: runs of letters and digits are words, runs of white space are one token, and every other
 * character (punctuation, symbols) is a token of its own, so a changed comma does not mark the word next to
 * it as changed. Chinese and Japanese are written without spaces: a run of Han, kana or Hangul would otherwise
 * be one "word" as long as the sentence, so such runs are cut into words with `Intl.Segmenter` (the ICU
 * dictionary segmenter), which is only called for runs that need it because it is far slower than a regex.
 *
 * Character level: one token per Unicode code point (a surrogate pair is never split), white space included.
 */

/** The three token shapes; a diff viewer may style white space or punctuation changes differently. */
export type TokenKind = 'word' | 'space' | 'punct';

/** Words (letters, marks, digits, joiners inside a word such as `_`), white-space runs, or one other character. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+|\s+|[^\p{L}\p{M}\p{N}_\s]/gu;

/** Scripts written without spaces between words, which need the dictionary segmenter. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | undefined;

/** Created on first use: building an ICU segmenter costs far more than segmenting one paragraph. */
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return segmenter;
}

/**
 * Makes the dictionary segmenter the tokens of Chinese and Japanese need, if it is not made yet: making it takes
 * some milliseconds, which a caller working in steps gives a step of its own.
 */
export function prepareWordSegmenter(): void {
  wordSegmenter();
}

/** Character classes of ASCII, so that plain Latin text never reaches the Unicode-aware regex. */
const WORD = 1;
const SPACE = 2;
const PUNCT = 3;
const ASCII_CLASS = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
    ? WORD
    : c === 32 || (c >= 9 && c <= 13)
      ? SPACE
      : PUNCT,
);

/** The same token shapes as {@link TOKEN}, matched at one position. */
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

/**
 * Splits text into word, white-space and punctuation tokens. Joining the tokens gives back the text exactly.
 * Runs of Chinese or Japanese characters are split into dictionary words. With `from` and `to`, only that
 * part of the text, which must start and end at a {@link tokenBoundary} (so no token crosses either end),
 * without copying it out first. `segmented`, when given, keeps the dictionary words of each run split, for a
 * caller tokenizing texts that share most of their runs (the two versions of a paragraph): the dictionary
 * segmenter costs some microseconds a run, most of a Chinese paragraph's diff.
 */
export function tokenizeWords(text: string, from = 0, to = text.length, segmented?: Map<string, readonly string[]>): string[] {
  const tokens: string[] = [];
  const length = to;
  let i = from;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const cls = ASCII_CLASS[c]!;
      if (cls === PUNCT) {
        tokens.push(text[i]!);
        i++;
        continue;
      }
      let j = i + 1;
      let d = 0;
      while (j < length && (d = text.charCodeAt(j)) < 128 && ASCII_CLASS[d] === cls) j++;
      // A run that continues into non-ASCII letters or spaces (`café`, a no-break space) needs the full rules.
      if (j >= length || d < 128) {
        tokens.push(text.slice(i, j));
        i = j;
        continue;
      }
    }
    TOKEN_AT.lastIndex = i;
    const token = TOKEN_AT.exec(text)![0];
    // Only runs of two or more letters can need the segmenter; everything else is already a token.
    if (token.length > 1 && UNSPACED.test(token)) {
      let pieces = segmented?.get(token);
      if (pieces === undefined) {
        pieces = Array.from(wordSegmenter().segment(token), (piece) => piece.segment);
        segmented?.set(token, pieces);
      }
      for (const piece of pieces) tokens.push(piece);
    } else {
      tokens.push(token);
    }
    i += token.length;
  }
  return tokens;
}

/**
 * Whether {@link tokenizeWords} splits `text` at `at` the same way as it splits the two parts apart: true at
 * either end, between two characters of different kinds (word, white space, other) and after an "other"
 * character (each is a token of its own); false inside a surrogate pair and inside a run of one kind (a run of
 * Chinese or Japanese is split by the dictionary, which looks at the whole run).
 */
export function tokenBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = charClass(text.charCodeAt(at - 1));
  const after = charClass(text.charCodeAt(at));
  if (before === 0 || after === 0) return false;
  return before === PUNCT || before !== after;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const SPACE_CHAR = /\s/u;

/** The kind of one UTF-16 unit as {@link TOKEN} sees it; 0 for half of a surrogate pair (not decided alone). */
function charClass(code: number): number {
  if (code < 128) return ASCII_CLASS[code]!;
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  const char = String.fromCharCode(code);
  return WORD_CHAR.test(char) ? WORD : SPACE_CHAR.test(char) ? SPACE : PUNCT;
}

/** Splits text into code points (a character outside the Basic Multilingual Plane stays one token). */
export function tokenizeChars(text: string): string[] {
  return Array.from(text);
}

/** Classifies a token produced by {@link tokenizeWords} or {@link tokenizeChars}. */
export function tokenKind(token: string): TokenKind {
  if (/^\s+$/u.test(token)) return 'space';
  if (/^[\p{L}\p{M}\p{N}_]/u.test(token)) return 'word';
  return 'punct';
}

/** True when the text contains Chinese, Japanese, Thai or another script written without spaces. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED.test(text);
}
