/**
 * Translation edit rate (TER, Snover et al. 2006): the fewest edits that turn the machine translation (the
 * hypothesis) into the reference, over the number of reference words. An edit is an insertion, a deletion, a
 * substitution or a shift of a block of words, each costing 1 whatever its length.
 *
 * Conventions matched, those of sacreBLEU's TER with its default settings (the reference people compare with):
 * - tokens: the text lower-cased and split on white space; punctuation stays attached to its word, no other
 *   normalisation (sacreBLEU's `normalized`, `no_punct` and `asian_support` are all off by default);
 * - costs: insertion, deletion, substitution and shift 1 each;
 * - shifts are searched greedily: each round tries every block of 1 to 10 hypothesis words that also occurs in
 *   the reference with its two start positions at most 50 words apart, that is misaligned on both sides and
 *   not already at its aligned place, moved to just after the hypothesis word aligned with each reference
 *   position from one before the block's match to its last word (or to the very start); the candidate that
 *   lowers the edit distance most wins, ties going to the longest block, then the earliest block start, then
 *   the earliest destination; shifting stops when the best one gains nothing;
 * - sacreBLEU's cap of 1,000 shift candidates tried per pair (counted over all rounds): once reached, the
 *   round that reached it is not applied and the search stops;
 * - the edit distance is computed only within a beam of 25 cells either side of the diagonal scaled by the
 *   length ratio (wider when the ratio is extreme), the last row in full; ties between operations prefer a
 *   match or substitution, then a deletion of a hypothesis word, then an insertion of a reference word, which
 *   decides the alignment used to pick shifts;
 * - an empty reference: the edits are the hypothesis words and the rate is 1, or 0 when both are empty
 *   (sacreBLEU scores 1 even then; both empty is "no change" for a reviewer);
 * - an article's rate is its total edits over its total reference words, not a mean of paragraph rates.
 *
 * Character edit rate, for Chinese and Japanese where words are not separated by spaces: the same algorithm
 * with every non-white-space character (code point, lower-cased) as a token, so a moved phrase still costs one
 * shift; `refWords` then counts reference characters.
 */

import { isWideSpace } from '../wide-space';
import { BeamEditDistance } from './beam-edit-distance';

export interface EditRate {
  readonly edits: number;
  /** Reference words (reference characters for the character edit rate). */
  readonly refWords: number;
  readonly ter: number;
}

/** Longest block moved by one shift (Tercom's and sacreBLEU's limit). */
const MAX_SHIFT_SIZE = 10;
/** Farthest apart a block's start in the hypothesis and its match in the reference may be. */
const MAX_SHIFT_DIST = 50;
/** sacreBLEU's own bound on shift candidates tried per pair, over all rounds; part of its results. */
const MAX_SHIFT_CANDIDATES = 1000;

/**
 * White space as Python's `str.split()` sees it (sacreBLEU splits that way): tab to carriage return, the
 * separators U+001C-U+001F, space, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and
 * U+3000; unlike `\s` it includes U+001C-U+001F and U+0085 and excludes U+FEFF.
 */
export function isWhiteSpace(code: number): boolean {
  // Letters, digits and punctuation of ASCII, the most common by far, are told apart in two comparisons.
  if (code < 0x85) return code <= 32 && (code === 32 || (code >= 9 && code <= 13) || code >= 0x1c);
  return code === 0x85 || isWideSpace(code);
}

/** Number of TER words in a text, counted without building them (for paragraphs known to be unchanged). */
export function countTerWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Number of characters the character edit rate counts in a text. */
export function countTerChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair belongs to the character already counted.
    if (!isWhiteSpace(code) && !(code >= 0xdc00 && code <= 0xdfff)) count++;
  }
  return count;
}

/**
 * `countTerWords` and `countTerChars` of a text in one pass over it, put at position `at` of `words` and `chars`
 * (an article's counts are made this way while it loads).
 */
export function countTerInto(text: string, words: Uint32Array, chars: Uint32Array, at: number): void {
  let wordCount = 0;
  let charCount = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = isWhiteSpace(code);
    if (!space && !inWord) wordCount++;
    inWord = !space;
    if (!space && !(code >= 0xdc00 && code <= 0xdfff)) charCount++;
  }
  words[at] = wordCount;
  chars[at] = charCount;
}

/** The tokens TER counts: lower-cased, split on white space. */
export function terWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    if (isWhiteSpace(lower.charCodeAt(i))) {
      if (start >= 0) words.push(lower.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) words.push(lower.slice(start));
  return words;
}

/** The tokens of the character edit rate: every character but white space, lower-cased. */
export function terChars(text: string): string[] {
  return Array.from(text.toLowerCase()).filter((c) => !isWhiteSpace(c.charCodeAt(0)));
}

/** Rate from counts: edits over reference words; an empty reference scores 1, or 0 when nothing was edited. */
export function editRate(edits: number, refWords: number): EditRate {
  return { edits, refWords, ter: refWords > 0 ? edits / refWords : edits > 0 ? 1 : 0 };
}

/** TER of one paragraph: `hypothesis` is the machine translation, `reference` the corrected text. */
export function translationEditRate(hypothesis: string, reference: string): EditRate {
  const lowerRef = reference.toLowerCase();
  const lowerHyp = hypothesis.toLowerCase();
  // A word is a character or more followed by white space or the end, so a text of length L has at most
  // (L + 1) / 2 words: room for them is made from that, instead of counting them in a pass of its own.
  const mostRef = (lowerRef.length + 1) >> 1;
  const mostHyp = (lowerHyp.length + 1) >> 1;
  const memory = borrowIds(4 * mostRef + 3 * mostHyp + wordTableSize(mostRef + mostHyp));
  try {
    let used = 0;
    const take = (length: number): Int32Array => memory.subarray(used, (used += length));
    const table = new WordTable(take(wordTableSize(mostRef + mostHyp)), mostRef + mostHyp);
    const refRoom = take(mostRef);
    const m = table.add(lowerRef, refRoom);
    const refDistinct = table.size;
    const hypRoom = take(mostHyp);
    const n = table.add(lowerHyp, hypRoom);
    if (m === 0) return editRate(n, 0);
    return editRate(editsOfIds(hypRoom.subarray(0, n), refRoom.subarray(0, m), refDistinct, take), m);
  } finally {
    giveBackIds(memory);
  }
}

/**
 * The distinct words of a pair as ids, found in an open-addressing table of positions in the lower-cased texts,
 * so that no string is cut out and hashed per word: rating the changed paragraphs of a long article spent a fifth
 * of its time making and looking up those strings. Equal words (the same characters) get equal ids, in order of
 * first appearance, as a `Map` from word to id would give them.
 */
class WordTable {
  /** Per slot, an id plus one (0 is an empty slot). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Per id, where its first occurrence is: the text, its start and its length. */
  private readonly texts: string[] = [];
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  size = 0;

  /** `memory` is {@link wordTableSize}(`words`) long, for at most `words` distinct words. */
  constructor(memory: Int32Array, words: number) {
    const capacity = memory.length - 2 * words;
    this.slots = memory.subarray(0, capacity).fill(0);
    this.mask = capacity - 1;
    this.starts = memory.subarray(capacity, capacity + words);
    this.lengths = memory.subarray(capacity + words);
  }

  /** Writes the ids of the words of `text` (split on white space, as terWords does) into `out`; returns how many. */
  add(text: string, out: Int32Array): number {
    let count = 0;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      if (!isWhiteSpace(code)) {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
        }
        hash = Math.imul(hash ^ code, 0x01000193);
      } else if (start >= 0) {
        out[count++] = this.idOf(text, start, i - start, hash);
        start = -1;
      }
    }
    return count;
  }

  private idOf(text: string, start: number, length: number, hash: number): number {
    const { slots, mask, texts, starts, lengths } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) {
        const id = this.size++;
        texts.push(text);
        starts[id] = start;
        lengths[id] = length;
        slots[slot] = id + 1;
        return id;
      }
      const id = entry - 1;
      if (lengths[id] === length && sameChars(texts[id]!, starts[id]!, text, start, length)) return id;
    }
  }
}

/** Memory a {@link WordTable} for `words` words needs: a power of two at least twice as many slots, and two lists. */
function wordTableSize(words: number): number {
  let capacity = 16;
  while (capacity < 2 * words) capacity *= 2;
  return capacity + 2 * words;
}

function sameChars(a: string, from: number, b: string, at: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(from + k) !== b.charCodeAt(at + k)) return false;
  return true;
}

/** Character edit rate of one paragraph (for Chinese and Japanese targets); see the top of this file. */
export function characterEditRate(hypothesis: string, reference: string): EditRate {
  const ref = terChars(reference);
  return editRate(terEdits(terChars(hypothesis), ref), ref.length);
}

/** An article's rate: total edits over total reference words (an empty article scores 0). */
export function aggregateEditRate(parts: readonly EditRate[]): EditRate {
  let edits = 0;
  let refWords = 0;
  for (const p of parts) {
    edits += p.edits;
    refWords += p.refWords;
  }
  return editRate(edits, refWords);
}

/**
 * Memory for one pair's word ids, kept between calls: rating an article makes a handful of small typed arrays
 * per paragraph, each allocated outside the JavaScript heap, which cost more than rating a short paragraph.
 * Lent to one call at a time; a call made while it is out gets its own.
 */
let spareIds: Int32Array | undefined;

function borrowIds(need: number): Int32Array {
  const memory = spareIds !== undefined && spareIds.length >= need ? spareIds : new Int32Array(Math.max(need, 4096));
  if (memory === spareIds) spareIds = undefined;
  return memory;
}

function giveBackIds(memory: Int32Array): void {
  if (spareIds === undefined || spareIds.length < memory.length) spareIds = memory;
}

/** Number of TER edits (shifts plus insertions, deletions and substitutions) from hypothesis to reference tokens. */
export function terEdits(hypothesis: readonly string[], reference: readonly string[]): number {
  if (reference.length === 0) return hypothesis.length;
  const n = hypothesis.length;
  const m = reference.length;
  const memory = borrowIds(3 * n + 4 * m);
  try {
    let used = 0;
    const take = (length: number): Int32Array => memory.subarray(used, (used += length));
    // Reference words are interned first, so an id at or past the reference's distinct words is not in it.
    const ids = new Map<string, number>();
    const ref = intern(reference, ids, take(m));
    const refDistinct = ids.size;
    const hyp = intern(hypothesis, ids, take(n));
    return editsOfIds(hyp, ref, refDistinct, take);
  } finally {
    giveBackIds(memory);
  }
}

/**
 * The edits from hypothesis ids to reference ids (a non-empty reference), where ids below `refDistinct` are the
 * reference's words. `take` hands out the rest of the caller's memory: 2 * hyp.length + ref.length + 2 * refDistinct.
 * `hyp` is shifted in place.
 */
function editsOfIds(hypIds: Int32Array, ref: Int32Array, refDistinct: number, take: (length: number) => Int32Array): number {
  const n = hypIds.length;
  const floor = unmatchedWords(hypIds, ref, take(refDistinct));
  const places = referencePlaces(ref, take(refDistinct), take(ref.length));
  let hyp = hypIds;
  let other = take(n);
  const scratch = take(n);
  const ed = new BeamEditDistance(ref, n);
  let shifts = 0;
  let checked = 0;
  // The first round's distance is most often the floor itself (words substituted, added or dropped, none
  // moved), so that is the first limit its matrix is computed within; each later round's is known.
  let guess = floor;
  try {
    for (;;) {
      const round = bestShift(hyp, ref, places, ed, checked, scratch, guess, floor);
      checked = round.checked;
      // The round's distance is that of `hyp` as it stands, so no further pass is needed once shifting stops.
      if (checked >= MAX_SHIFT_CANDIDATES || round.best === undefined || round.best.gain <= 0) {
        return shifts + round.distance;
      }
      shifts++;
      // The shifted hypothesis's distance was measured exactly: it bounds the next round's matrix, and at the
      // floor no shift can gain, so the search ends without that round.
      guess = round.distance - round.best.gain;
      if (guess <= floor) return shifts + guess;
      performShift(hyp, round.best.start, round.best.length, round.best.dest, other, 0, n);
      [hyp, other] = [other, hyp];
    }
  } finally {
    ed.release();
  }
}

/**
 * The fewest edits any order of the hypothesis's words is from the reference: each word without an equal one on
 * the other side (counted with repeats) costs an edit, so at least max(n, m) minus the words the two share. A
 * shift keeps the words, so no shifted hypothesis is closer; `counts` has one entry per distinct reference word.
 */
function unmatchedWords(hyp: Int32Array, ref: Int32Array, counts: Int32Array): number {
  counts.fill(0);
  for (let j = 0; j < ref.length; j++) counts[ref[j]!]!++;
  let shared = 0;
  for (let i = 0; i < hyp.length; i++) {
    const id = hyp[i]!;
    if (id < counts.length && counts[id]! > 0) {
      counts[id]!--;
      shared++;
    }
  }
  return Math.max(hyp.length, ref.length) - shared;
}

/** Writes the tokens' ids into `out` (equal tokens, equal ids; new tokens get the next ids). */
function intern(tokens: readonly string[], ids: Map<string, number>, out: Int32Array): Int32Array {
  for (let i = 0; i < tokens.length; i++) {
    let id = ids.get(tokens[i]!);
    if (id === undefined) ids.set(tokens[i]!, (id = ids.size));
    out[i] = id;
  }
  return out;
}

/** Where each reference word occurs: `first[id]`, then `next[position]`, ascending; -1 ends a list. */
interface Places {
  readonly first: Int32Array;
  readonly next: Int32Array;
}

/** Fills `first` (one entry per distinct reference word) and `next` (one per reference position). */
function referencePlaces(ref: Int32Array, first: Int32Array, next: Int32Array): Places {
  first.fill(-1);
  for (let j = ref.length - 1; j >= 0; j--) {
    next[j] = first[ref[j]!]!;
    first[ref[j]!] = j;
  }
  return { first, next };
}

/** A block of `length` words moved from `start` to before `dest`, and the edits it saves. */
interface Shift {
  readonly gain: number;
  readonly length: number;
  readonly start: number;
  readonly dest: number;
}

/**
 * One greedy round: the best shift of `hyp` and what it gains. `guess` is the first limit tried for its distance,
 * `floor` the fewest edits any order of its words can take (see unmatchedWords).
 */
function bestShift(
  hyp: Int32Array,
  ref: Int32Array,
  places: Places,
  ed: BeamEditDistance,
  checkedBefore: number,
  scratch: Int32Array,
  guess: number,
  floor: number,
): { best: Shift | undefined; checked: number; distance: number } {
  const n = hyp.length;
  const m = ref.length;
  const distance = ed.measure(hyp, guess);
  // Every candidate keeps the words, so none is closer than the floor: at the floor there is nothing to gain.
  if (distance <= floor) return { best: undefined, checked: checkedBefore, distance };
  const current = ed.alignment();
  const { align, hypErr, refErr } = current;
  let checked = checkedBefore;
  let best: Shift | undefined;
  outer: for (let sh = 0; sh < n; sh++) {
    // Blocks start where the hypothesis word occurs in the reference, in ascending reference order.
    const word = hyp[sh]!;
    for (let sr = word < places.first.length ? places.first[word]! : -1; sr >= 0; sr = places.next[sr]!) {
      if (sr < sh - MAX_SHIFT_DIST) continue;
      if (sr > sh + MAX_SHIFT_DIST) break;
      for (let length = 1; length <= MAX_SHIFT_SIZE && sh + length <= n && sr + length <= m; length++) {
        if (hyp[sh + length - 1] !== ref[sr + length - 1]) break;
        if (hypErr[sh + length]! - hypErr[sh]! === 0) continue;
        if (refErr[sr + length]! - refErr[sr]! === 0) continue;
        const at = align[sr]!;
        if (sh <= at && at < sh + length) continue;
        let prevDest = -1;
        for (let offset = -1; offset < length; offset++) {
          const dest = sr + offset === -1 ? 0 : align[sr + offset]! + 1;
          if (dest === prevDest) continue;
          prevDest = dest;
          // The candidate's distance reads only the words the shift moved: the rest of `scratch` is left as it is.
          const from = Math.min(sh, dest);
          const same = shiftEnd(n, sh, length, dest);
          performShift(hyp, sh, length, dest, scratch, from, same);
          // Only a shift that saves an edit is ever made, and then only the best one: a candidate that cannot
          // save one, or match the best so far, is abandoned as soon as that is certain (its distance is then
          // only known to be above the limit, which decides the same).
          const limit = current.distance - (best === undefined ? 1 : best.gain);
          const gain = current.distance - ed.distanceFrom(scratch, from, limit, same);
          checked++;
          if (gain < 1) continue;
          if (
            best === undefined ||
            gain > best.gain ||
            (gain === best.gain &&
              (length > best.length || (length === best.length && (sh < best.start || (sh === best.start && dest < best.dest)))))
          ) {
            best = { gain, length, start: sh, dest };
          }
        }
        if (checked >= MAX_SHIFT_CANDIDATES) break outer;
      }
    }
  }
  return { best, checked, distance: current.distance };
}

/** The first position from which {@link performShift} leaves the words where they were. */
function shiftEnd(n: number, start: number, length: number, dest: number): number {
  if (dest < start) return start + length;
  return dest > start + length ? dest : Math.min(n, length + dest);
}

/**
 * Moves words[start, start + length) so that it lands before position `dest` of the original sequence; a
 * destination inside the block itself is taken, as sacreBLEU does, as counting from the block's end. Only
 * positions [from, to) of the result are written to `out`.
 */
function performShift(words: Int32Array, start: number, length: number, dest: number, out: Int32Array, from: number, to: number): void {
  if (dest < start) {
    // The block lands at [dest, dest + length), and the words it passed over follow it.
    const blockEnd = dest + length;
    for (let k = from; k < to; k++) {
      out[k] = k < dest ? words[k]! : k < blockEnd ? words[start + k - dest]! : k < start + length ? words[k - length]! : words[k]!;
    }
  } else {
    // The words passed over move back to `start`, and the block lands at [cut - length, cut).
    const cut = dest > start + length ? dest : Math.min(words.length, length + dest);
    const blockStart = cut - length;
    for (let k = from; k < to; k++) {
      out[k] = k < start ? words[k]! : k < blockStart ? words[k + length]! : k < cut ? words[start + k - blockStart]! : words[k]!;
    }
  }
}
