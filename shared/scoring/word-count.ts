/**
 * Word counts for per-word MQM scoring. Scripts written with spaces between words are counted by white space.
 * Chinese and Japanese are counted by character: each Han, Hiragana or Katakana character is one word, as
 * ISO 5060 allows and as translation tools count these languages (a Chinese sentence is neither "one word" nor
 * left to a dictionary whose idea of a word differs from one platform to the next). Thai, Lao, Khmer and
 * Myanmar, which are written without spaces but not in ideographs, are counted with the platform's dictionary
 * segmentation.
 */

import { isWhiteSpace as isTerSpace } from '../diff/ter';

/** Scripts written without spaces whose words are found by dictionary segmentation. */
const SEGMENTED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Scripts counted a character a word. */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const IDEOGRAPHIC_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

let segmenter: Intl.Segmenter | undefined;

/**
 * The number of words in a text: each Chinese or Japanese character, plus the white-space-separated tokens that
 * hold a letter or digit once those characters are taken out (a Latin word between two Chinese characters is one
 * word). A text in Thai, Lao, Khmer or Myanmar is counted by the word-like segments of `Intl.Segmenter` instead,
 * each ideographic character in a segment still counting one.
 */
export function countWords(text: string): number {
  const counted = countByTable(text);
  if (counted >= 0) return counted;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    const ideographs = IDEOGRAPHIC.test(s.segment) ? (s.segment.match(IDEOGRAPHIC_ALL)?.length ?? 0) : 0;
    n += ideographs > 0 ? ideographs : 1;
  }
  return n;
}

const SPACE = 0;
const WORD = 1;
const OTHER = 2;
/** A Chinese or Japanese character: a word of its own. */
const IDEOGRAPH = 3;
/** A character of a script counted by dictionary segmentation. */
const SEGMENT = 4;
/** Half of a surrogate pair: the pair is classified as one code point. */
const SURROGATE = 5;

/** The class's bits of a table entry; the entry's `TER_SPACE` bit says whether TER splits words at the character. */
const KIND = 7;
const TER_SPACE = 8;

/** Every character of the Basic Multilingual Plane, classified once, the first time a text needs it. */
let table: Uint8Array | undefined;

function classifyPlane(): Uint8Array {
  const kinds = new Uint8Array(0x10000).fill(OTHER);
  // The plane as one string, surrogates replaced (they are classified as pairs), so a match's index is its code.
  const codes = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) codes[c] = c;
  codes.fill(0xfffd, 0xd800, 0xe000);
  let all = '';
  for (let c = 0; c < 0x10000; c += 0x800) all += String.fromCharCode.apply(null, codes.subarray(c, c + 0x800) as unknown as number[]);
  // Later classes win: a letter that is also an ideograph or a segmented script's letter is classed as such. Runs
  // are matched, not single characters: the classes come in long ranges, and building the table stays quick.
  const classes: [RegExp, number][] = [
    [/[\p{L}\p{N}]+/gu, WORD],
    [/\s+/gu, SPACE],
    [new RegExp(`${IDEOGRAPHIC_ALL.source}+`, 'gu'), IDEOGRAPH],
    [new RegExp(`${SEGMENTED.source}+`, 'gu'), SEGMENT],
  ];
  for (const [pattern, kind] of classes) for (const m of all.matchAll(pattern)) kinds.fill(kind, m.index, m.index + m[0].length);
  kinds.fill(SURROGATE, 0xd800, 0xe000);
  for (let c = 0; c < 0x10000; c++) if (isTerSpace(c)) kinds[c]! |= TER_SPACE;
  return kinds;
}

/** The class of a code point above the Basic Multilingual Plane (rare: historic and rare ideographs, emoji). */
function astralKind(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  if (IDEOGRAPHIC.test(ch)) return IDEOGRAPH;
  if (SEGMENTED.test(ch)) return SEGMENT;
  return /[\p{L}\p{N}]/u.test(ch) ? WORD : /\s/u.test(ch) ? SPACE : OTHER;
}

/** Scratch counts for `countByTable`: one position each. */
const oneWords = new Uint32Array(1);
const oneTerWords = new Uint32Array(1);
const oneTerChars = new Uint32Array(1);

/**
 * The count of any text without a segmented script, in one pass over its characters with a table built from the
 * Unicode properties the definition names (`countAllInto`); -1 when the text holds a segmented script.
 */
function countByTable(text: string): number {
  return countAllInto(text, 0, oneWords, oneTerWords, oneTerChars) ? oneWords[0]! : -1;
}

/**
 * A text's MQM words (`countWords`) and TER's words and characters (`countTerInto`) in one pass over it with the
 * table, put at position `at` of the arrays: counting a long article for a review is one pass per paragraph, not
 * two. False, with nothing put, for a text in a segmented script (counted apart).
 */
export function countAllInto(text: string, at: number, words: Uint32Array, terWords: Uint32Array, terChars: Uint32Array): boolean {
  table ??= classifyPlane();
  let count = 0;
  let inToken = false;
  let counted = false;
  let ter = 0;
  let chars = 0;
  let inTer = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const entry = table[code]!;
    // TER: a word starts at each character after white space; every character but white space and the second
    // half of a surrogate pair is counted.
    if (entry & TER_SPACE) {
      inTer = false;
    } else {
      if (!inTer) ter++;
      inTer = true;
      if (code < 0xdc00 || code > 0xdfff) chars++;
    }
    let kind = entry & KIND;
    if (kind === SURROGATE) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        kind = astralKind(cp);
        // The pair's second half: neither TER white space nor a character of its own.
        i++;
      } else {
        kind = OTHER;
      }
    }
    if (kind === SEGMENT) return false;
    if (kind === SPACE) {
      inToken = false;
    } else if (kind === IDEOGRAPH) {
      count++;
      inToken = false;
    } else {
      if (!inToken) {
        inToken = true;
        counted = false;
      }
      if (kind === WORD && !counted) {
        count++;
        counted = true;
      }
    }
  }
  words[at] = count;
  terWords[at] = ter;
  terChars[at] = chars;
  return true;
}

/**
 * How many of a text's characters are letters or digits or Chinese or Japanese characters (Han, Hiragana,
 * Katakana, each a word of its own as the count has it), and how many are the latter, in one pass with the table:
 * a review opening looks at the first 200,000 characters of its article to decide how its edit rates count (see
 * version-figures.ts).
 */
export function letterCounts(text: string): { letters: number; ideographs: number } {
  table ??= classifyPlane();
  let letters = 0;
  let ideographs = 0;
  for (let i = 0; i < text.length; i++) {
    let kind = table[text.charCodeAt(i)]! & KIND;
    if (kind === SURROGATE) {
      const cp = text.codePointAt(i)!;
      if (cp <= 0xffff) continue;
      kind = astralKind(cp);
      i++;
    }
    if (kind === IDEOGRAPH) {
      ideographs++;
      letters++;
    } else if (kind === WORD || (kind === SEGMENT && LETTER_OR_DIGIT.test(text[i]!))) {
      letters++;
    }
  }
  return { letters, ideographs };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
