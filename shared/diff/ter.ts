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

import { BeamEditDistance, INF } from './beam-edit-distance';

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
 * White space as Python's `str.split()` sees it (sacreBLEU splits that way): unlike `\s` it includes the
 * separators U+001C-U+001F and U+0085 and excludes U+FEFF.
 */
// Python's str.split() white space, control separators \x1c-\x1f included, as sacreBLEU's TER splits.
// oxlint-disable-next-line no-control-regex
const WHITE_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13) || code >= 0x1c;
  return code >= 0x85 && isWideWhiteSpace(code);
}

function isWideWhiteSpace(code: number): boolean {
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
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

/** The tokens TER counts: lower-cased, split on white space. */
export function terWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(WHITE_SPACE)
    .filter((w) => w !== '');
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
  const ref = terWords(reference);
  return editRate(terEdits(terWords(hypothesis), ref), ref.length);
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

/** Number of TER edits (shifts plus insertions, deletions and substitutions) from hypothesis to reference tokens. */
export function terEdits(hypothesis: readonly string[], reference: readonly string[]): number {
  if (reference.length === 0) return hypothesis.length;
  // Reference words are interned first, so an id at or past `places.first.length` is not in the reference.
  const ids = new Map<string, number>();
  const ref = intern(reference, ids);
  const places = referencePlaces(ref, ids.size);
  let hyp = intern(hypothesis, ids);
  const ed = new BeamEditDistance(ref, hyp.length);
  const scratch = new Int32Array(hyp.length);
  let shifts = 0;
  let checked = 0;
  try {
    for (;;) {
      const round = bestShift(hyp, ref, places, ed, checked, scratch);
      checked = round.checked;
      // The round's distance is that of `hyp` as it stands, so no further pass is needed once shifting stops.
      if (checked >= MAX_SHIFT_CANDIDATES || round.gain <= 0 || round.shifted === undefined) {
        return shifts + round.distance;
      }
      shifts++;
      hyp = round.shifted;
    }
  } finally {
    ed.release();
  }
}

function intern(tokens: readonly string[], ids: Map<string, number>): Int32Array {
  const out = new Int32Array(tokens.length);
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

function referencePlaces(ref: Int32Array, distinct: number): Places {
  const first = new Int32Array(distinct).fill(-1);
  const next = new Int32Array(ref.length);
  for (let j = ref.length - 1; j >= 0; j--) {
    next[j] = first[ref[j]!]!;
    first[ref[j]!] = j;
  }
  return { first, next };
}

/** One greedy round: the best shift of `hyp` and what it gains. */
function bestShift(
  hyp: Int32Array,
  ref: Int32Array,
  places: Places,
  ed: BeamEditDistance,
  checkedBefore: number,
  scratch: Int32Array,
): { gain: number; shifted: Int32Array | undefined; checked: number; distance: number } {
  const n = hyp.length;
  const m = ref.length;
  const current = ed.full(hyp);
  const { align, hypErr, refErr } = current;
  let checked = checkedBefore;
  let best: { gain: number; length: number; start: number; dest: number } | undefined;
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
          performShift(hyp, sh, length, dest, scratch);
          // A candidate that cannot reach the best gain so far is abandoned as soon as that is certain.
          const limit = best === undefined ? INF : current.distance - best.gain;
          const gain = current.distance - ed.distanceFrom(scratch, Math.min(sh, dest), limit, shiftEnd(n, sh, length, dest));
          checked++;
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
  if (best === undefined) return { gain: 0, shifted: undefined, checked, distance: current.distance };
  const shifted = new Int32Array(n);
  performShift(hyp, best.start, best.length, best.dest, shifted);
  return { gain: best.gain, shifted, checked, distance: current.distance };
}

/** The first position from which {@link performShift} leaves the words where they were. */
function shiftEnd(n: number, start: number, length: number, dest: number): number {
  if (dest < start) return start + length;
  return dest > start + length ? dest : Math.min(n, length + dest);
}

/**
 * Moves words[start, start + length) so that it lands before position `dest` of the original sequence; a
 * destination inside the block itself is taken, as sacreBLEU does, as counting from the block's end.
 */
function performShift(words: Int32Array, start: number, length: number, dest: number, out: Int32Array): void {
  const n = words.length;
  const block = words.subarray(start, start + length);
  if (dest < start) {
    out.set(words.subarray(0, dest), 0);
    out.set(block, dest);
    out.set(words.subarray(dest, start), dest + length);
    out.set(words.subarray(start + length), start + length);
  } else {
    const cut = dest > start + length ? dest : Math.min(n, length + dest);
    out.set(words.subarray(0, start), 0);
    const moved = words.subarray(start + length, cut);
    out.set(moved, start);
    out.set(block, start + moved.length);
    out.set(words.subarray(cut), start + moved.length + length);
  }
}
