import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import {
  aggregateEditRate,
  characterEditRate,
  countTerChars,
  countTerInto,
  countTerWords,
  terChars,
  terEdits,
  terWords,
  translationEditRate,
} from './ter';

const words = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

describe('TER words', () => {
  it('lower-cases and splits on white space only, keeping punctuation on its word', () => {
    expect(terWords('  The CAT,\tsat.\n')).toEqual(['the', 'cat,', 'sat.']);
  });

  it("splits on exactly the white space of Python's str.split(), as sacreBLEU does", () => {
    // Python's str.split() white space, control separators \x1c-\x1f included; U+FEFF and U+200B are not.
    // oxlint-disable-next-line no-control-regex
    const python = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
    const pieces = [
      'a',
      'B',
      'İ',
      'ẞ',
      '中',
      '𠀀',
      ',',
      ' ',
      '\t',
      '\n',
      '\x1c',
      '\x1f',
      '\x85',
      '\xa0',
      '\u2000',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u202f',
      '\u3000',
      '\ufeff',
    ];
    const rand = seededRandom(8);
    for (let trial = 0; trial < 2000; trial++) {
      let text = '';
      const length = Math.floor(rand() * 10);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(rand() * pieces.length)]!;
      const expected = text
        .toLowerCase()
        .split(python)
        .filter((w) => w !== '');
      expect(terWords(text), JSON.stringify(text)).toEqual(expected);
      expect(countTerWords(text), JSON.stringify(text)).toBe(expected.length);
      // Both counts in one pass, as a loading article is counted, give the counts one at a time.
      const words = new Uint32Array(2);
      const chars = new Uint32Array(2);
      countTerInto(text, words, chars, 1);
      expect([words[1], chars[1]], JSON.stringify(text)).toEqual([expected.length, countTerChars(text)]);
    }
  });

  it('counts words the same way without building them', () => {
    for (const text of ['', '   ', 'one', ' two  words ', 'a\u3000b\u00a0c', 'tab\tand\nnewline']) {
      expect(countTerWords(text)).toBe(terWords(text).length);
    }
  });

  it('counts characters without white space, a surrogate pair as one', () => {
    expect(terChars('我 爱 𠀀!')).toEqual(['我', '爱', '𠀀', '!']);
    expect(countTerChars('我 爱 𠀀!')).toBe(4);
  });
});

describe('translation edit rate', () => {
  it('is 0 for identical texts and ignores case', () => {
    expect(translationEditRate('The Cat sat', 'the cat SAT')).toEqual({ edits: 0, refWords: 3, ter: 0 });
  });

  it('counts a changed punctuation mark as a substitution of the whole word', () => {
    // "world." and "world" are different tokens: one substitution over two reference words.
    expect(translationEditRate('Hello world.', 'Hello world')).toEqual({ edits: 1, refWords: 2, ter: 0.5 });
  });

  it('counts one substituted, one missing and one extra word as one edit each', () => {
    expect(translationEditRate('the dog sat on the mat', 'the cat sat on the mat').edits).toBe(1);
    expect(translationEditRate('the cat sat', 'the cat sat down')).toEqual({ edits: 1, refWords: 4, ter: 0.25 });
    expect(translationEditRate('the cat sat down now', 'the cat sat')).toEqual({ edits: 2, refWords: 3, ter: 2 / 3 });
  });

  it('moves a block of words as one shift, whatever its length', () => {
    // Moving "on the mat" to the front is one shift and leaves nothing else to edit.
    expect(translationEditRate('the cat sat on the mat', 'on the mat the cat sat')).toEqual({ edits: 1, refWords: 6, ter: 1 / 6 });
    // Two swapped words: one shift (plain edit distance would need two substitutions).
    expect(translationEditRate('a b', 'b a').edits).toBe(1);
  });

  it('combines a shift with a deletion', () => {
    // "yesterday" moves to the front (1 shift), "red" is deleted (1 deletion).
    expect(translationEditRate('we saw the red car yesterday', 'yesterday we saw the car')).toEqual({ edits: 2, refWords: 5, ter: 0.4 });
  });

  it('shifts at most ten words at once', () => {
    // Swapping two blocks of ten is one shift; two blocks of eleven need two (ten words, then the eleventh).
    const a10 = words('a', 10);
    const b10 = words('b', 10);
    expect(terEdits([...a10, ...b10], [...b10, ...a10])).toBe(1);
    const a11 = words('a', 11);
    const b11 = words('b', 11);
    expect(terEdits([...a11, ...b11], [...b11, ...a11])).toBe(2);
  });

  it('does not shift a block whose two places start more than 50 words apart', () => {
    // "z" belongs at the end: 40 words away it is shifted (1 edit), 60 words away it is deleted and inserted (2).
    const w40 = words('w', 40);
    expect(terEdits(['z', ...w40], [...w40, 'z'])).toBe(1);
    const w60 = words('w', 60);
    expect(terEdits(['z', ...w60], [...w60, 'z'])).toBe(2);
  });

  it('keeps the edit distance within the beam around the scaled diagonal, as sacreBLEU does', () => {
    // The reference adds 30 words before the 30 of the hypothesis. A full edit distance is 30 insertions, but
    // with the diagonal at twice the row and a beam of 25 the first hypothesis words cannot reach their match
    // 30 places on: sacreBLEU (and this implementation) find 34. With 20 added words the path fits: 20.
    const w30 = words('w', 30);
    expect(terEdits(w30, [...words('f', 30), ...w30])).toBe(34);
    expect(terEdits(w30, [...words('f', 20), ...w30])).toBe(20);
  });

  it('scores an empty reference 1, and 0 when both sides are empty', () => {
    expect(translationEditRate('a b c', '')).toEqual({ edits: 3, refWords: 0, ter: 1 });
    expect(translationEditRate('', '')).toEqual({ edits: 0, refWords: 0, ter: 0 });
    expect(translationEditRate('', 'x y')).toEqual({ edits: 2, refWords: 2, ter: 1 });
  });

  it("gives an article's rate as total edits over total reference words, not a mean of paragraph rates", () => {
    const parts = [
      translationEditRate('Hello World.', 'hello world'),
      translationEditRate('a b c', 'a c'),
      translationEditRate('', 'x y'),
      translationEditRate('same words here', 'same words here'),
    ];
    // 1 + 1 + 2 edits over 2 + 2 + 2 + 3 words; the mean of the paragraph rates would be 0.5.
    expect(aggregateEditRate(parts)).toEqual({ edits: 4, refWords: 9, ter: 4 / 9 });
  });
});

/**
 * sacreBLEU's TER written as plainly as its description reads (see the top of ter.ts), with the whole matrix
 * and an operation stored per cell: the fast search, which computes only the cells that can still matter and
 * stops a candidate once it cannot win, must find the same number of edits.
 */
function plainTer(hypothesis: readonly string[], reference: readonly string[]): number {
  if (reference.length === 0) return hypothesis.length;
  let hyp = hypothesis;
  let shifts = 0;
  let checked = 0;
  for (;;) {
    const current = plainAlignment(hyp, reference);
    let best: { gain: number; length: number; start: number; dest: number; words: readonly string[] } | undefined;
    search: for (let sh = 0; sh < hyp.length; sh++) {
      for (let sr = 0; sr < reference.length; sr++) {
        if (Math.abs(sr - sh) > 50) continue;
        for (let length = 1; length <= 10 && sh + length <= hyp.length && sr + length <= reference.length; length++) {
          if (hyp[sh + length - 1] !== reference[sr + length - 1]) break;
          const hypWrong = current.hypErr.slice(sh, sh + length).some((e) => e);
          const refWrong = current.refErr.slice(sr, sr + length).some((e) => e);
          const at = current.align[sr]!;
          if (hypWrong && refWrong && !(sh <= at && at < sh + length)) {
            let prevDest = -1;
            for (let offset = -1; offset < length; offset++) {
              const dest = sr + offset === -1 ? 0 : current.align[sr + offset]! + 1;
              if (dest === prevDest) continue;
              prevDest = dest;
              const words = shifted(hyp, sh, length, dest);
              const gain = current.distance - plainAlignment(words, reference).distance;
              checked++;
              const better =
                best === undefined ||
                gain > best.gain ||
                (gain === best.gain &&
                  (length > best.length || (length === best.length && (sh < best.start || (sh === best.start && dest < best.dest)))));
              if (better) best = { gain, length, start: sh, dest, words };
            }
          }
          if (checked >= 1000) break search;
        }
      }
    }
    if (checked >= 1000 || best === undefined || best.gain <= 0) return shifts + current.distance;
    shifts++;
    hyp = best.words;
  }
}

/** A block moved to before `dest` (counted from the block's end when `dest` falls inside it), as sacreBLEU moves it. */
function shifted(words: readonly string[], start: number, length: number, dest: number): string[] {
  const block = words.slice(start, start + length);
  if (dest < start) return [...words.slice(0, dest), ...block, ...words.slice(dest, start), ...words.slice(start + length)];
  const cut = dest > start + length ? dest : Math.min(words.length, length + dest);
  return [...words.slice(0, start), ...words.slice(start + length, cut), ...block, ...words.slice(cut)];
}

/** The beam edit distance with sacreBLEU's preference between equal operations, and the alignment its trace gives. */
function plainAlignment(hyp: readonly string[], ref: readonly string[]) {
  const n = hyp.length;
  const m = ref.length;
  const ratio = n > 0 ? m / n : 1;
  const beam = ratio / 2 > 25 ? Math.ceil(ratio / 2 + 25) : 25;
  // Row i, column j at i * (m + 1) + j; every cell outside the beam stays infinite.
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity);
  const op = new Uint8Array((n + 1) * (m + 1));
  const [SAME, SUB, DEL, INS] = [1, 2, 3, 4];
  for (let j = 0; j <= m; j++) [cost[j], op[j]] = [j, INS];
  for (let i = 1; i <= n; i++) {
    const row = i * (m + 1);
    const up = row - (m + 1);
    const diagonal = Math.floor(i * ratio);
    const to = i === n ? m + 1 : Math.min(m + 1, diagonal + beam);
    for (let j = Math.max(0, diagonal - beam); j < to; j++) {
      // Tried in sacreBLEU's order, each taken only if strictly cheaper than the ones before.
      if (j > 0) {
        const same = hyp[i - 1] === ref[j - 1];
        if (cost[up + j - 1]! + (same ? 0 : 1) < cost[row + j]!)
          [cost[row + j], op[row + j]] = [cost[up + j - 1]! + (same ? 0 : 1), same ? SAME : SUB];
      }
      if (cost[up + j]! + 1 < cost[row + j]!) [cost[row + j], op[row + j]] = [cost[up + j]! + 1, DEL];
      if (j > 0 && cost[row + j - 1]! + 1 < cost[row + j]!) [cost[row + j], op[row + j]] = [cost[row + j - 1]! + 1, INS];
    }
  }
  const trace: number[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const o = op[i * (m + 1) + j]!;
    trace.push(o);
    if (o === INS) j--;
    else if (o === DEL) i--;
    else [i, j] = [i - 1, j - 1];
  }
  trace.reverse();
  const align: number[] = [];
  const hypErr: boolean[] = [];
  const refErr: boolean[] = [];
  let h = -1;
  for (const o of trace) {
    if (o !== INS) h++;
    if (o !== DEL) align.push(h);
    if (o !== INS) hypErr.push(o !== SAME);
    if (o !== DEL) refErr.push(o !== SAME);
  }
  return { distance: cost[n * (m + 1) + m]!, align, hypErr, refErr };
}

describe('TER against a plain implementation of its definition', () => {
  it('finds the same edits on generated post-edits: words changed, dropped, added and moved, short and long', () => {
    const random = seededRandom(4242);
    const pick = (count: number): number => Math.floor(random() * count);
    for (let pair = 0; pair < 300; pair++) {
      // A small vocabulary repeats words, which multiplies the blocks a shift could move.
      const vocabulary = 3 + pick(40);
      const ref = Array.from({ length: pick(pair % 10 === 0 ? 160 : 70) }, () => `w${pick(vocabulary)}`);
      let hyp = [...ref];
      const edits = pick(Math.max(2, ref.length / 3));
      for (let e = 0; e < edits; e++) {
        const at = pick(hyp.length + 1);
        const kind = random();
        if (kind < 0.35) hyp[at] = `w${pick(vocabulary)}`;
        else if (kind < 0.55) hyp.splice(at, 1 + pick(3));
        else if (kind < 0.75) hyp.splice(at, 0, ...Array.from({ length: 1 + pick(3) }, () => `x${pick(vocabulary)}`));
        else hyp = shifted(hyp, at, 1 + pick(12), pick(hyp.length + 1)).slice(0, hyp.length);
      }
      // Now and then a hypothesis of a very different length, where the beam widens or cuts paths off.
      if (pair % 25 === 0) hyp = hyp.slice(0, pick(hyp.length + 1));
      hyp = hyp.filter((w) => w !== undefined);
      expect(terEdits(hyp, ref), `pair ${pair}: ${hyp.join(' ')} | ${ref.join(' ')}`).toBe(plainTer(hyp, ref));
    }
  });
});

describe('TER of two texts', () => {
  it('rates two texts as their word lists are rated, whatever their case, white space and repeated words', () => {
    // The texts' words are told apart without being cut out as strings; they must be the same words terWords gives.
    const vocabulary = ['the', 'The', 'THE', 'bridge', 'bridge,', 'İstanbul', 'istanbul', 'ß', 'SS', 'Σ', 'σ', 'ς', '😀', 'a', 'b', 'c'];
    const spaces = [' ', ' ', ' ', '\t', '\u00a0', '\u3000', '\u001c', '\u0085', '  '];
    const random = seededRandom(17);
    const text = (): string => {
      let out = random() < 0.2 ? spaces[Math.floor(random() * spaces.length)]! : '';
      const count = Math.floor(random() * 60);
      for (let k = 0; k < count; k++)
        out += vocabulary[Math.floor(random() * vocabulary.length)]! + spaces[Math.floor(random() * spaces.length)]!;
      return out;
    };
    for (let n = 0; n < 500; n++) {
      const a = text();
      const b = random() < 0.5 ? text() : a.split(' ').reverse().join(' ');
      const ref = terWords(b);
      const rate = translationEditRate(a, b);
      expect([rate.edits, rate.refWords], `${a} | ${b}`).toEqual([terEdits(terWords(a), ref), ref.length]);
    }
  });
});

describe('character edit rate', () => {
  it('counts character edits for Chinese, where TER would see one word per sentence', () => {
    // One character substituted out of seven; TER over white-space words would count the whole sentence.
    expect(characterEditRate('我们今天去北京', '我们明天去北京')).toEqual({ edits: 1, refWords: 7, ter: 1 / 7 });
    expect(translationEditRate('我们今天去北京', '我们明天去北京').ter).toBe(1);
  });

  it('shifts a moved phrase as one edit and ignores spaces', () => {
    // "明天" (tomorrow) moved from the end to the front: one shift.
    expect(characterEditRate('我们去北京明天', '明天 我们去北京').edits).toBe(1);
  });
});
