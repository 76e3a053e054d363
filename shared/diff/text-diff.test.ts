import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import {
  MAX_CHAR_DIFF_CHARS,
  MAX_DIFF_EDITS,
  diffChars,
  diffWords,
  diffWordsTrimmed,
  diffWordsWhole,
  newSide,
  oldSide,
  type DiffSegment,
} from './text-diff';

const oldText = (segments: readonly DiffSegment[]): string =>
  oldSide(segments)
    .map((s) => s.text)
    .join('');
const newText = (segments: readonly DiffSegment[]): string =>
  newSide(segments)
    .map((s) => s.text)
    .join('');

describe('word diff', () => {
  it('marks a replaced word as a deletion then an insertion, keeping the rest', () => {
    expect(diffWords('the quick brown fox', 'the quick red fox')).toEqual({
      segments: [
        { kind: 'same', text: 'the quick ' },
        { kind: 'delete', text: 'brown' },
        { kind: 'insert', text: 'red' },
        { kind: 'same', text: ' fox' },
      ],
      level: 'word',
      coarsened: false,
    });
  });

  it('treats a changed punctuation mark apart from its word', () => {
    const { segments } = diffWords('It works.', 'It works!');
    expect(segments).toEqual([
      { kind: 'same', text: 'It works' },
      { kind: 'delete', text: '.' },
      { kind: 'insert', text: '!' },
    ]);
  });

  it('joins neighbouring replaced words into one replacement', () => {
    const { segments } = diffWords('we saw a red car today', 'we saw one blue bus today');
    expect(segments).toEqual([
      { kind: 'same', text: 'we saw ' },
      { kind: 'delete', text: 'a red car' },
      { kind: 'insert', text: 'one blue bus' },
      { kind: 'same', text: ' today' },
    ]);
  });

  it('rebuilds both texts exactly from the segments', () => {
    const a = 'Prices rose 5% in May, the office said; economists had expected 4%.';
    const b = 'Prices rose 6% in May, the statistics office said, while economists expected 4%.';
    const { segments } = diffWords(a, b);
    expect(oldText(segments)).toBe(a);
    expect(newText(segments)).toBe(b);
  });

  it('handles empty and equal texts', () => {
    expect(diffWords('', 'new text').segments).toEqual([{ kind: 'insert', text: 'new text' }]);
    expect(diffWords('old text', '').segments).toEqual([{ kind: 'delete', text: 'old text' }]);
    expect(diffWords('same', 'same').segments).toEqual([{ kind: 'same', text: 'same' }]);
    expect(diffWords('', '').segments).toEqual([]);
  });

  it('diffs Chinese by word', () => {
    const { segments } = diffWords('我们今天去北京。', '我们明天去北京。');
    expect(segments.find((s) => s.kind === 'delete')?.text).toContain('今天');
    expect(segments.find((s) => s.kind === 'insert')?.text).toContain('明天');
    expect(
      segments
        .filter((s) => s.kind === 'same')
        .map((s) => s.text)
        .join(''),
    ).toContain('北京');
  });

  it('shows a paragraph rewritten beyond the edit limit as replaced, and says so', () => {
    const many = (prefix: string): string => Array.from({ length: MAX_DIFF_EDITS }, (_, i) => `${prefix}${i}`).join(' ');
    const result = diffWords(many('a'), many('b'));
    expect(result.level).toBe('paragraph');
    expect(result.coarsened).toBe(true);
    expect(result.segments.map((s) => s.kind)).toEqual(['delete', 'insert']);
  });
});

describe('character diff', () => {
  it('marks only the changed letters', () => {
    expect(diffChars('colour', 'color')).toEqual({
      segments: [
        { kind: 'same', text: 'colo' },
        { kind: 'delete', text: 'u' },
        { kind: 'same', text: 'r' },
      ],
      level: 'char',
      coarsened: false,
    });
  });

  it('falls back to a word diff past the character limit, and says so', () => {
    const long = 'word '.repeat(MAX_CHAR_DIFF_CHARS / 4);
    const result = diffChars(`start ${long} end`, `begin ${long} finish`);
    expect(result.level).toBe('word');
    expect(result.coarsened).toBe(true);
    expect(result.segments[0]).toEqual({ kind: 'delete', text: 'start' });
  });

  it('keeps the character level when only the common start and end are long', () => {
    const long = 'x'.repeat(MAX_CHAR_DIFF_CHARS * 2);
    expect(diffChars(`${long}a${long}`, `${long}b${long}`).level).toBe('char');
  });
});

describe('word diff of the middle only', () => {
  it('gives the same segments as diffing every token, whatever the edits and scripts', () => {
    const words = [
      'the',
      'a',
      'council',
      'approved',
      'café',
      'naïve',
      '3.5',
      'it’s',
      '“quoted”',
      '市政府',
      '批准了',
      'の',
      '😀',
      'e\u0301',
    ];
    const gaps = [' ', ' ', ' ', '  ', ', ', '. ', '\u00a0', '。', '，', '\n'];
    const rand = seededRandom(31);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    for (let trial = 0; trial < 1500; trial++) {
      const tokens: string[] = [];
      const count = Math.floor(rand() * 30);
      for (let k = 0; k < count; k++) tokens.push(pick(words), pick(gaps));
      const edited = [...tokens];
      const edits = 1 + Math.floor(rand() * 3);
      for (let e = 0; e < edits; e++) {
        // Near either end as often as in the middle, where the cut has to back off to a boundary.
        const at = rand() < 0.3 ? 0 : rand() < 0.5 ? edited.length : Math.floor(rand() * (edited.length + 1));
        const r = rand();
        if (r < 0.4) edited.splice(at, 1, pick(words));
        else if (r < 0.7) edited.splice(at, 0, pick(gaps), pick(words));
        else edited.splice(at, 2);
      }
      const a = tokens.join('');
      const b = edited.join('') + (rand() < 0.2 ? pick(['x', '中', '.', ' ']) : '');
      expect(diffWordsTrimmed(a, b), `${JSON.stringify(a)} → ${JSON.stringify(b)}`).toEqual(diffWordsWhole(a, b));
    }
  });

  it('still gives up past the edit limit', () => {
    const a = Array.from({ length: MAX_DIFF_EDITS + 10 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: MAX_DIFF_EDITS + 10 }, (_, i) => `b${i}`).join(' ');
    expect(diffWordsTrimmed(`same ${a} end`, `same ${b} end`)).toBeUndefined();
  });
});
