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
 * The same count for pure ASCII text in one pass over char codes, or -1 when the text holds anything else.
 * Most articles are mostly ASCII, and a review counts every paragraph's words when it opens.
 */
function countAsciiWords(text: string): number {
  let count = 0;
  let inToken = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return -1;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      inToken = false;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
    }
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (alnum && !counted) {
      count++;
      counted = true;
    }
  }
  return count;
}
