/**
 * Word counts for per-word MQM scoring. Scripts written with spaces between words are counted by white
 * space; Chinese, Japanese, Thai and other scripts written without spaces are counted with the platform's
 * dictionary-based word segmentation, so a Chinese sentence is not "one word".
 */

/** Scripts that do not separate words with spaces. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/**
 * A white-space-separated token counts when it holds a letter or a digit (a lone dash or bullet is not a
 * word). The match starts at the token's first letter or digit and runs to the token's end, so each such
 * token matches exactly once: one regex pass instead of a split and a test per token.
 */
const WORD_TOKEN = /[\p{L}\p{N}]\S*/gu;

let segmenter: Intl.Segmenter | undefined;

/**
 * The number of words in a text: white-space-separated tokens holding a letter or digit, or, when the text
 * contains an unspaced script, the word-like segments of `Intl.Segmenter` (Latin words in it count as well).
 */
export function countWords(text: string): number {
  const ascii = countAsciiWords(text);
  if (ascii >= 0) return ascii;
  if (UNSPACED.test(text)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    let n = 0;
    for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
    return n;
  }
  return text.match(WORD_TOKEN)?.length ?? 0;
}

/**
 * The same count in one pass over char codes for text in Latin script (ASCII, accented Latin letters, curly
 * quotes, dashes, no-break spaces), or -1 when the text holds anything else (another script, a symbol the fast
 * path does not classify), which the regular expressions then count. Most articles are such text, and a review
 * counts every paragraph's words when it opens.
 */
function countAsciiWords(text: string): number {
  let count = 0;
  let inToken = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    if (c < 0x80) {
      kind =
        c === 0x20 || (c >= 0x09 && c <= 0x0d)
          ? SPACE
          : (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
            ? WORD
            : OTHER;
    } else {
      kind = latinKind(c);
      if (kind < 0) return -1;
    }
    if (kind === SPACE) {
      inToken = false;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
    }
    if (kind === WORD && !counted) {
      count++;
      counted = true;
    }
  }
  return count;
}

const SPACE = 0;
const WORD = 1;
const OTHER = 2;

/**
 * How the fast path sees a character above ASCII: white space, a letter (Latin-1 and Latin Extended-A/B letters),
 * punctuation that is neither (curly quotes, dashes, ellipsis, guillemets, ...), or -1 for anything it leaves to
 * the regular expressions. Each class agrees with `\s` and `[\p{L}\p{N}]`.
 */
function latinKind(c: number): number {
  if (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  ) {
    return SPACE;
  }
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? OTHER : WORD;
  // General punctuation: dashes, curly quotes, daggers, bullet, ellipsis, per mille, primes, guillemets.
  if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x203a)) return OTHER;
  if (
    c === 0xab ||
    c === 0xbb ||
    c === 0xa7 ||
    c === 0xb6 ||
    c === 0xb7 ||
    c === 0xa9 ||
    c === 0xae ||
    c === 0xb0 ||
    c === 0xbf ||
    c === 0xa1 ||
    c === 0x20ac ||
    c === 0xa3
  )
    return OTHER;
  return -1;
}
