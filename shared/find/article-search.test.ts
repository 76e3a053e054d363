import { describe, expect, it } from 'vitest';
import type { Side } from '../model';
import { ArticleSearch, type ArticleTexts, type FindScope } from './article-search';
import { compileMatcher } from './text-search';

function texts(rows: readonly { source?: string; target: string }[]): ArticleTexts {
  return { paragraphs: rows.length, text: (p: number, side: Side) => (side === 'source' ? rows[p]!.source : rows[p]!.target) };
}

const ROWS = [
  { source: '大桥开放', target: 'The bridge opens.' },
  { source: '渡轮', target: 'The ferry stops.' },
  { source: '大桥', target: 'A bridge, a BRIDGE.' },
  { target: 'Nothing here.' },
];

function search(phrase: string, scope: FindScope = 'both', rows = ROWS) {
  const s = new ArticleSearch(texts(rows), compileMatcher({ text: phrase, matchCase: false, wholeWord: false }), scope);
  return s;
}

const never = () => false;

describe('finding a phrase in a whole article', () => {
  it('counts in steps as small as the caller asks, and ends with every match counted', () => {
    const s = search('bridge');
    let steps = 0;
    while (!s.countSome(() => true)) steps += 1;
    expect(steps).toBe(0); // 8 slots: one step
    expect(s.total).toBe(3);
    expect(s.paragraphsWithMatches()).toBe(2);
    const rows = Array.from({ length: 1000 }, (_, i) => ({ target: i % 10 === 0 ? 'bridge' : 'road' }));
    const long = search('bridge', 'target', rows);
    let stepsLong = 0;
    while (!long.countSome(() => true)) stepsLong += 1;
    expect(stepsLong).toBeGreaterThan(10);
    expect(long.total).toBe(100);
  });

  it('looks only at the sides asked for', () => {
    const both = search('大桥', 'both');
    both.countSome(never);
    expect(both.total).toBe(2);
    const target = search('大桥', 'target');
    target.countSome(never);
    expect(target.total).toBe(0);
  });

  it('steps to the next and previous match, source before translation, wrapping at the ends', () => {
    const s = search('大桥');
    const next = s.seek({ paragraph: 0, side: 'source', offset: 0 }, 1, false).step(never);
    expect(next).toEqual({ paragraph: 2, side: 'source', start: 0, end: 2 });
    const wrapped = s.seek({ paragraph: 2, side: 'source', offset: 0 }, 1, false).step(never);
    expect(wrapped).toEqual({ paragraph: 0, side: 'source', start: 0, end: 2 });
    const back = s.seek({ paragraph: 0, side: 'source', offset: 0 }, -1, false).step(never);
    expect(back).toEqual({ paragraph: 2, side: 'source', start: 0, end: 2 });
    const at = s.seek({ paragraph: 0, side: 'source', offset: 0 }, 1, true).step(never);
    expect(at).toEqual({ paragraph: 0, side: 'source', start: 0, end: 2 });
  });

  it('steps through the matches of one paragraph in order, both ways', () => {
    const s = search('bridge', 'target');
    s.countSome(never);
    const first = s.seek({ paragraph: 2, side: 'target', offset: 0 }, 1, true).step(never)!;
    expect(first).toMatchObject({ paragraph: 2, start: 2 });
    const second = s.seek({ paragraph: 2, side: 'target', offset: first.start }, 1, false).step(never)!;
    expect(second).toMatchObject({ paragraph: 2, start: 12, end: 18 });
    const before = s.seek({ paragraph: 2, side: 'target', offset: first.start }, -1, false).step(never)!;
    expect(before).toMatchObject({ paragraph: 0, start: 4 });
    expect([first, second, before].map((m) => s.ordinalOf(m))).toEqual([2, 3, 1]);
  });

  it('says when the article holds no match, and gives no ordinal before counting is done', () => {
    const s = search('tunnel');
    expect(s.seek({ paragraph: 1, side: 'target', offset: 3 }, 1, false).step(never)).toBeNull();
    const b = search('bridge');
    const m = b.seek({ paragraph: 0, side: 'source', offset: 0 }, 1, true).step(never)!;
    expect(b.ordinalOf(m)).toBeUndefined();
    b.countSome(never);
    expect(b.ordinalOf(m)).toBe(1);
  });

  it('a walk stopped by its time slice resumes where it stopped', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ target: i === 400 ? 'the bridge' : 'a road' }));
    const s = search('bridge', 'target', rows);
    const walk = s.seek({ paragraph: 0, side: 'target', offset: 0 }, 1, false);
    let stops = 0;
    let found = walk.step(() => true);
    while (found === undefined) {
      stops += 1;
      found = walk.step(() => true);
    }
    expect(stops).toBeGreaterThan(5);
    expect(found).toEqual({ paragraph: 400, side: 'target', start: 4, end: 10 });
  });

  it('counts an edited paragraph again', () => {
    const rows = ROWS.map((r) => ({ ...r }));
    const s = search('bridge', 'target', rows);
    s.countSome(never);
    rows[1] = { ...rows[1]!, target: 'The bridge ferry, the bridge.' };
    s.recount(1);
    expect(s.total).toBe(5);
    const m = s.seek({ paragraph: 2, side: 'target', offset: 0 }, 1, true).step(never)!;
    expect(s.ordinalOf(m)).toBe(4);
  });

  it('counts paragraphs marked to count again in later steps, never skipping one of them as empty meanwhile', () => {
    const rows = Array.from({ length: 100 }, () => ({ target: 'road' }));
    const s = search('bridge', 'target', rows);
    s.countSome(never);
    expect(s.total).toBe(0);
    for (let p = 0; p < 100; p += 2) {
      rows[p] = { target: 'a bridge' };
      s.recountLater(p);
    }
    expect(s.done).toBe(false);
    // Not yet counted again, yet found: the walk reads a marked paragraph instead of skipping it.
    expect(s.seek({ paragraph: 0, side: 'target', offset: 0 }, 1, true).step(never)).toMatchObject({ paragraph: 0, start: 2 });
    let steps = 0;
    while (!s.countSome(() => true)) steps += 1;
    expect(steps).toBeGreaterThan(1);
    expect(s.total).toBe(50);
    expect(s.paragraphsWithMatches()).toBe(50);
  });
});
