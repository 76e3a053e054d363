import { describe, expect, it } from 'vitest';
import { compileMatcher, countInText, findInText, rangesProblem, replaceMatches, type FindOptions } from './text-search';

const find = (text: string, phrase: string, options: Partial<FindOptions> = {}) =>
  findInText(text, compileMatcher({ text: phrase, matchCase: false, wholeWord: false, ...options }));

describe('finding a phrase in a paragraph', () => {
  it('ignores case unless asked to match it', () => {
    expect(find('The bridge, the BRIDGE.', 'bridge')).toEqual([
      { start: 4, end: 10 },
      { start: 16, end: 22 },
    ]);
    expect(find('The bridge, the BRIDGE.', 'BRIDGE', { matchCase: true })).toEqual([{ start: 16, end: 22 }]);
  });

  it('keeps offsets in the original text when folding case changes a length elsewhere', () => {
    // "İ" lower-cases to two characters: offsets after it must still point into the text as it is.
    const text = 'İstanbul and the İzmir bridge';
    const [m] = find(text, 'BRIDGE');
    expect(text.slice(m!.start, m!.end)).toBe('bridge');
    expect(m).toEqual({ start: 23, end: 29 });
    // Greek final sigma folds with the other sigmas.
    expect(find('ΟΔΟΣ οδος', 'οδοσ')).toHaveLength(2);
  });

  it('finds whole words only when asked, in Latin script', () => {
    const text = 'Thermal therapy: the theme of the day.';
    expect(find(text, 'the').map((m) => m.start)).toEqual([0, 8, 17, 21, 30]);
    expect(find(text, 'the', { wholeWord: true }).map((m) => m.start)).toEqual([17, 30]);
    // An accent typed as a combining mark belongs to the word.
    expect(find('cafe\u0301 and cafe', 'cafe', { wholeWord: true })).toEqual([{ start: 10, end: 14 }]);
    expect(find('route 66, route 660', '66', { wholeWord: true })).toEqual([{ start: 6, end: 8 }]);
  });

  it('finds Chinese phrases, where there are no word boundaries to respect', () => {
    const text = '大桥于周二开放，新大桥每天开放十六个小时。';
    expect(find(text, '大桥')).toEqual([
      { start: 0, end: 2 },
      { start: 9, end: 11 },
    ]);
    expect(find(text, '大桥', { wholeWord: true })).toHaveLength(2);
    // A Latin word beside Chinese text is a whole word: Chinese characters are not part of Latin words.
    expect(find('新的Bridge大桥', 'bridge', { wholeWord: true })).toEqual([{ start: 2, end: 8 }]);
  });

  it('gives matches that never overlap, left to right', () => {
    expect(find('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(find('aaa', 'aa')).toEqual([{ start: 0, end: 2 }]);
    expect(countInText('aaaaa', compileMatcher({ text: 'aa', matchCase: true, wholeWord: false }))).toBe(2);
  });

  it('takes the phrase literally, pattern characters and all', () => {
    expect(find('costs (est.) $5.00 or $5x00', '$5.00')).toEqual([{ start: 13, end: 18 }]);
    expect(find('a [1] b', '[1]')).toEqual([{ start: 2, end: 5 }]);
    expect(find('a/b\\c', '/b\\')).toEqual([{ start: 1, end: 4 }]);
    expect(find('anything', '')).toEqual([]);
  });

  it('counts offsets in UTF-16 units past characters outside the basic plane', () => {
    const text = '𝒜 bridge 😀 bridge';
    expect(find(text, 'bridge').map((m) => m.start)).toEqual([3, 13]);
  });

  it('replaces matches literally and checks ranges before replacing', () => {
    const text = 'the bridge and the road';
    const matches = find(text, 'the');
    expect(replaceMatches(text, matches, '$1 a')).toBe('$1 a bridge and $1 a road');
    expect(rangesProblem(matches, text.length)).toBeUndefined();
    expect(rangesProblem([{ start: 4, end: 2 }], 10)).toMatch(/4-2/);
    expect(
      rangesProblem(
        [
          { start: 0, end: 3 },
          { start: 2, end: 4 },
        ],
        10,
      ),
    ).toMatch(/2-4/);
    expect(rangesProblem([{ start: 8, end: 12 }], 10)).toMatch(/outside the text of 10 characters/);
  });
});
