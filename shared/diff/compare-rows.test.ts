import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import {
  compareRowsInSteps,
  articleEditRate,
  changedRowsOnly,
  compareRows,
  nextChangedRow,
  previousChangedRow,
  type ComparedParagraph,
} from './compare-rows';

const article = (...texts: string[]): ComparedParagraph[] => texts.map((text, i) => ({ id: `p${i + 1}`, text }));

describe('compare rows', () => {
  const before = article('The first paragraph.', 'A second one here.', 'The third stays.');
  const after = article('The first paragraph.', 'A second paragraph here.', 'The third stays.');

  it('marks equal paragraphs same and diffs only the ones that differ', () => {
    const result = compareRows(before, after);
    expect(result.rows.map((r) => r.status)).toEqual(['same', 'changed', 'same']);
    expect(result.diffed).toBe(1);
    expect(result.rows[0]).toEqual({
      index: 0,
      paragraphId: 'p1',
      status: 'same',
      left: 'The first paragraph.',
      right: 'The first paragraph.',
    });
    expect(result.rows[0]!.diff).toBeUndefined();
  });

  it('gives a changed row the deletions on the left, the insertions on the right, and its TER', () => {
    const row = compareRows(before, after).rows[1]!;
    expect(row.diff?.left).toEqual([
      { kind: 'same', text: 'A second ' },
      { kind: 'delete', text: 'one' },
      { kind: 'same', text: ' here.' },
    ]);
    expect(row.diff?.right).toEqual([
      { kind: 'same', text: 'A second ' },
      { kind: 'insert', text: 'paragraph' },
      { kind: 'same', text: ' here.' },
    ]);
    // One substitution over four reference words.
    expect(row.ter).toEqual({ edits: 1, refWords: 4, ter: 0.25 });
  });

  it('diffs characters when asked', () => {
    const row = compareRows(article('colour'), article('color'), { level: 'char' }).rows[0]!;
    expect(row.diff?.level).toBe('char');
    expect(row.diff?.left).toEqual([
      { kind: 'same', text: 'colo' },
      { kind: 'delete', text: 'u' },
      { kind: 'same', text: 'r' },
    ]);
  });

  it('shows a paragraph present on one side only as added or removed, in article order', () => {
    const old: ComparedParagraph[] = [
      { id: 'p1', text: 'Kept.' },
      { id: 'p2', text: 'Dropped later.' },
      { id: 'p3', text: 'Also kept.' },
    ];
    const now: ComparedParagraph[] = [
      { id: 'p1', text: 'Kept.' },
      { id: 'p3', text: 'Also kept.' },
      { id: 'p9', text: 'Brand new words.' },
    ];
    const result = compareRows(old, now);
    expect(result.rows.map((r) => [r.paragraphId, r.status])).toEqual([
      ['p1', 'same'],
      ['p2', 'removed'],
      ['p3', 'same'],
      ['p9', 'added'],
    ]);
    expect([result.rows[1]!.left, result.rows[1]!.right]).toEqual(['Dropped later.', undefined]);
    expect([result.rows[3]!.left, result.rows[3]!.right]).toEqual([undefined, 'Brand new words.']);
    expect(result.counts).toEqual({ same: 2, changed: 0, added: 1, removed: 1 });
    expect(result.diffed).toBe(0);
  });

  it('shows a moved paragraph as removed where it was and added where it is', () => {
    const result = compareRows(article('one', 'two', 'three'), [
      { id: 'p2', text: 'two' },
      { id: 'p3', text: 'three' },
      { id: 'p1', text: 'one' },
    ]);
    expect(result.rows.map((r) => `${r.paragraphId}:${r.status}`)).toEqual(['p1:removed', 'p2:same', 'p3:same', 'p1:added']);
  });

  it('finds the next and previous change and lists the changes only', () => {
    const old = article('a', 'b', 'c', 'd', 'e');
    const now = article('a', 'B', 'c', 'd', 'E');
    const result = compareRows(old, now);
    expect(changedRowsOnly(result).map((r) => r.index)).toEqual([1, 4]);
    expect(nextChangedRow(result, -1)?.index).toBe(1);
    expect(nextChangedRow(result, 1)?.index).toBe(4);
    expect(nextChangedRow(result, 4)).toBeUndefined();
    expect(previousChangedRow(result, 4)?.index).toBe(1);
    expect(previousChangedRow(result, 3)?.index).toBe(1);
    expect(previousChangedRow(result, 1)).toBeUndefined();
  });

  it('scores the whole article as total edits over total reference words', () => {
    const result = compareRows(article('one two three', 'four five', 'six'), [
      { id: 'p1', text: 'one two three' },
      { id: 'p2', text: 'four six' },
      { id: 'p4', text: 'seven eight' },
    ]);
    // p2: one substitution over 2 words; p3 removed: 1 edit, 0 words; p4 added: 2 edits over 2 words;
    // p1 unchanged: 0 edits over 3 words.
    expect(articleEditRate(result)).toEqual({ edits: 4, refWords: 7, ter: 4 / 7 });
  });

  it('measures the edit rate by characters when asked', () => {
    const result = compareRows(article('我们今天去北京'), article('我们明天去北京'), { editRate: 'char' });
    expect(result.rows[0]!.ter).toEqual({ edits: 1, refWords: 7, ter: 1 / 7 });
  });
});

describe('comparing in steps', () => {
  it('gives the same rows as comparing in one go, pausing between groups of changed paragraphs', async () => {
    const before = Array.from({ length: 3000 }, (_, i) => ({ id: `p${i + 1}`, text: `Paragraph ${i} says the bridge opens in spring.` }));
    const after = before.map((p, i) => (i % 10 === 0 ? { ...p, text: `${p.text} It was late.` } : p));
    let pauses = 0;
    const stepped = await compareRowsInSteps(before, after, {}, async () => {
      pauses++;
    });
    expect(stepped).toEqual(compareRows(before, after));
    expect(pauses).toBeGreaterThanOrEqual(300 / 16 - 1);
  });
});

describe('versions with the same paragraphs in the same order', () => {
  it('give the rows the general pairing gives, which a paragraph removed at the end sends through', () => {
    const rand = seededRandom(19);
    const words = ['the', 'bridge', 'opens', 'in', 'spring', 'council', 'voted', 'late', 'again', 'today'];
    const sentence = (): string =>
      Array.from({ length: 3 + Math.floor(rand() * 12) }, () => words[Math.floor(rand() * words.length)]).join(' ');
    for (let trial = 0; trial < 30; trial++) {
      const count = 1 + Math.floor(rand() * 40);
      const before = article(...Array.from({ length: count }, sentence));
      const after = before.map((p) => (rand() < 0.3 ? { ...p, text: rand() < 0.2 ? '' : sentence() } : p));
      const aligned = compareRows(before, after);
      const general = compareRows([...before, { id: 'gone', text: 'A last paragraph.' }], after);
      expect(general.rows.slice(0, count)).toEqual(aligned.rows);
      expect(general.rows[count]!.status).toBe('removed');
      expect(general.counts).toEqual({ ...aligned.counts, removed: 1 });
      expect(general.diffed).toBe(aligned.diffed);
    }
  });

  it('pair by position even when an id repeats, as the general pairing does', () => {
    const before = [
      { id: 'x', text: 'one' },
      { id: 'x', text: 'two' },
    ];
    const after = [
      { id: 'x', text: 'one' },
      { id: 'x', text: 'three' },
    ];
    expect(compareRows(before, after).rows.map((r) => r.status)).toEqual(['same', 'changed']);
    expect(compareRows([...before, { id: 'y', text: 'four' }], after).rows.map((r) => r.status)).toEqual(['same', 'changed', 'removed']);
  });
});
