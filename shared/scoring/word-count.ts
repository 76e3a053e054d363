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

/**
 * The class's bits of a table entry; the entry's `TER_SPACE` bit says whether TER splits words at the character, its
 * `JSON_ESCAPED` bit whether JSON writes the character escaped (the quote, the backslash, control characters).
 */
const KIND = 7;
const TER_SPACE = 8;
const JSON_ESCAPED = 16;

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
  // TER's white space is all at U+3000 or below.
  for (let c = 0; c <= 0x3000; c++) if (isTerSpace(c)) kinds[c]! |= TER_SPACE;
  for (let c = 0; c < 0x20; c++) kinds[c]! |= JSON_ESCAPED;
  kinds[0x22]! |= JSON_ESCAPED;
  kinds[0x5c]! |= JSON_ESCAPED;
  return kinds;
}

/** The class of a code point above the Basic Multilingual Plane (rare: historic and rare ideographs, emoji). */
function astralKind(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  if (IDEOGRAPHIC.test(ch)) return IDEOGRAPH;
  if (SEGMENTED.test(ch)) return SEGMENT;
  return /[\p{L}\p{N}]/u.test(ch) ? WORD : /\s/u.test(ch) ? SPACE : OTHER;
}

/**
 * Builds the table of every character that counting uses, if it is not built yet: some milliseconds, which a caller
 * working in steps gives a step of its own rather than the first count.
 */
export function prepareWordCounting(): void {
  steps ??= countingSteps();
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
  return countAllInto(text, 0, oneWords, oneTerWords, oneTerChars) >= 0 ? oneWords[0]! : -1;
}

/**
 * The counting as a machine with six states: where the MQM count stands (outside a token, in a token without a
 * letter or digit yet, in a token already counted) and whether TER is inside a word. `steps[state << 16 | code]`
 * gives, for a character of the Basic Multilingual Plane met in a state, the next state (its low three bits) and what
 * the character adds (`ADDS_WORD`, `ADDS_TER_WORD`, `ADDS_TER_CHAR`); `BY_HAND` for the classes the machine leaves to
 * `countAllInto` itself (surrogates, segmented scripts); `ESCAPES` for a character JSON escapes. One lookup per
 * character instead of a branch per rule halved the time of counting a long article; one lookup in this table
 * (512 kB, of which a text touches a few lines) instead of two dependent ones, in the class table and then in a
 * table of the classes' steps, takes another quarter off.
 */
const OUTSIDE = 0;
const UNCOUNTED = 1;
const COUNTED = 2;
const IN_TER_WORD = 4;
const ADDS_WORD = 8;
const ADDS_TER_WORD = 16;
const ADDS_TER_CHAR = 32;
const BY_HAND = 64;
const ESCAPES = 128;

/** The MQM count's next state after a character of class `kind` in state `word`, and whether it adds a word. */
function wordStep(word: number, kind: number): number {
  if (kind === SPACE) return OUTSIDE;
  if (kind === IDEOGRAPH) return OUTSIDE | ADDS_WORD;
  if (kind === WORD && word !== COUNTED) return COUNTED | ADDS_WORD;
  return word === OUTSIDE ? UNCOUNTED : word;
}

let steps: Uint8Array | undefined;

function countingSteps(): Uint8Array {
  const kinds = (table ??= classifyPlane());
  const byEntry = new Uint8Array(8 << 5);
  for (let state = 0; state < 8; state++) {
    for (let entry = 0; entry < 32; entry++) {
      const kind = entry & KIND;
      if (kind === SURROGATE || kind === SEGMENT) {
        byEntry[(state << 5) | entry] = BY_HAND;
        continue;
      }
      // TER: a word starts at each character after white space; every character but white space is counted.
      const ter = entry & TER_SPACE ? 0 : state & IN_TER_WORD ? IN_TER_WORD | ADDS_TER_CHAR : IN_TER_WORD | ADDS_TER_WORD | ADDS_TER_CHAR;
      byEntry[(state << 5) | entry] = wordStep(state & 3, kind) | ter | (entry & JSON_ESCAPED ? ESCAPES : 0);
    }
  }
  const out = new Uint8Array(8 << 16);
  for (let state = 0; state < 8; state++) {
    const row = state << 16;
    for (let code = 0; code < 0x10000; code++) out[row | code] = byEntry[(state << 5) | kinds[code]!]!;
  }
  return out;
}

/**
 * What `countAllInto` answers: the text counted, and nothing in it that JSON escapes; counted, and something JSON
 * escapes in it (a quote, a backslash, a control character, a surrogate); or in a segmented script, with nothing put.
 */
export const PLAIN_TEXT = 0;
export const ESCAPED_TEXT = 1;
export const SEGMENTED_TEXT = -1;

/**
 * A text's MQM words (`countWords`) and TER's words and characters (`countTerInto`) in one pass over it with the
 * table, put at position `at` of the arrays: counting a long article for a review is one pass per paragraph, not
 * two. The same pass tells whether JSON writes any of its characters escaped (`ESCAPED_TEXT`), which a review's
 * header, written beside the counting, would otherwise look for in another. `SEGMENTED_TEXT`, with nothing put, for a
 * text in a segmented script (counted apart).
 */
export function countAllInto(text: string, at: number, words: Uint32Array, terWords: Uint32Array, terChars: Uint32Array): number {
  const next = (steps ??= countingSteps());
  let state = OUTSIDE;
  let count = 0;
  let ter = 0;
  let chars = 0;
  let escapes = 0;
  for (let i = 0; i < text.length; i++) {
    let step = next[(state << 16) | text.charCodeAt(i)]!;
    if (step & BY_HAND) {
      step = stepByHand(text, i, state);
      if (step < 0) return SEGMENTED_TEXT;
      // A pair is one character: its second half is passed over. JSON escapes any surrogate (a pair as itself).
      if (step & PAIR) i++;
      step |= ESCAPES;
    }
    state = step & 7;
    count += (step >> 3) & 1;
    ter += (step >> 4) & 1;
    chars += (step >> 5) & 1;
    escapes |= step;
  }
  words[at] = count;
  terWords[at] = ter;
  terChars[at] = chars;
  return escapes & ESCAPES ? ESCAPED_TEXT : PLAIN_TEXT;
}

/** Set in a step made by hand for a surrogate pair, whose second half is then passed over. */
const PAIR = 256;

/**
 * The step for half of a surrogate pair at `i` (classified as the pair's code point), or -1 for a segmented
 * script's character (the text is counted apart). A surrogate is never TER white space; a pair's first half is a
 * TER character, and its second half neither white space nor a character of its own.
 */
function stepByHand(text: string, i: number, state: number): number {
  const code = text.charCodeAt(i);
  if ((table![code]! & KIND) === SEGMENT) return -1;
  const cp = text.codePointAt(i)!;
  const kind = cp > 0xffff ? astralKind(cp) : OTHER;
  if (kind === SEGMENT) return -1;
  const ter = state & IN_TER_WORD ? 0 : ADDS_TER_WORD;
  return wordStep(state & 3, kind) | IN_TER_WORD | ter | (code < 0xdc00 ? ADDS_TER_CHAR : 0) | (cp > 0xffff ? PAIR : 0);
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
