import { describe, expect, it } from 'vitest';
import type { ComparisonWindow, RequestOf } from '../../shared/contract';
import type { CompareRow } from '../../shared/diff/compare-rows';
import type { Result } from '../../shared/result';
import { COMPARE_PAGE_SIZE, CompareCache, type CompareQuery } from './compare-cache';

/** A comparison of `total` paragraphs where every tenth one changed; records each request. */
function fakeService(total: number, fail?: string) {
  const requests: RequestOf<'compare'>[] = [];
  const changedIndices = Array.from({ length: total }, (_, i) => i).filter((i) => i % 10 === 3);
  const compare = async (req: RequestOf<'compare'>): Promise<Result<ComparisonWindow>> => {
    requests.push(req);
    if (fail) return { ok: false, error: { code: 'not-found', message: fail } };
    const rows: CompareRow[] = [];
    for (let i = req.start; i < Math.min(req.end, total); i++) {
      const changed = i % 10 === 3;
      rows.push({
        index: i,
        paragraphId: `p${i + 1}`,
        status: changed ? 'changed' : 'same',
        left: `${req.left} text ${i}`,
        right: changed ? `${req.right} text ${i}` : `${req.left} text ${i}`,
      });
    }
    return {
      ok: true,
      value: {
        reviewId: req.reviewId,
        left: req.left,
        right: req.right,
        level: req.level,
        total,
        start: req.start,
        rows,
        changedIndices,
        counts: { same: total - changedIndices.length, changed: changedIndices.length, added: 0, removed: 0 },
        ter: { edits: changedIndices.length, refWords: total * 3, ter: changedIndices.length / (total * 3) },
        flags: [],
      },
    };
  };
  return { requests, compare };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const mtToCurrent: CompareQuery = { left: 0, right: 'current', level: 'word' };

describe('fetching a comparison window by window', () => {
  it('asks for the first page to learn the size, then only the pages on screen', async () => {
    const s = fakeService(1000);
    const cache = new CompareCache(s, 'r');
    cache.ensure(mtToCurrent, 0, 50);
    await settle();
    expect(cache.summary(mtToCurrent)?.total).toBe(1000);
    expect(cache.row(mtToCurrent, 3)?.status).toBe('changed');
    cache.ensure(mtToCurrent, 450, 470);
    await settle();
    expect(s.requests.map((r) => [r.start, r.end])).toEqual([
      [0, COMPARE_PAGE_SIZE],
      [400, 600],
    ]);
    expect(cache.row(mtToCurrent, 460)?.paragraphId).toBe('p461');
    expect(cache.row(mtToCurrent, 700)).toBeUndefined();
  });

  it('does not ask twice for a page on its way or already here', async () => {
    const s = fakeService(500);
    const cache = new CompareCache(s, 'r');
    cache.ensure(mtToCurrent, 0, 10);
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    cache.ensure(mtToCurrent, 0, 150);
    await settle();
    expect(s.requests).toHaveLength(1);
  });

  it('never asks past the end of the comparison', async () => {
    const s = fakeService(250);
    const cache = new CompareCache(s, 'r');
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    cache.ensure(mtToCurrent, 0, 5000);
    await settle();
    expect(s.requests.map((r) => r.start)).toEqual([0, 200]);
  });

  it('keeps each pair of versions and diff level apart', async () => {
    const s = fakeService(100);
    const cache = new CompareCache(s, 'r');
    const byChar: CompareQuery = { ...mtToCurrent, level: 'char' };
    const older: CompareQuery = { left: 1, right: 2, level: 'word' };
    cache.ensure(mtToCurrent, 0, 10);
    cache.ensure(byChar, 0, 10);
    cache.ensure(older, 0, 10);
    await settle();
    expect(s.requests.map((r) => `${r.left}-${r.right}-${r.level}`)).toEqual(['0-current-word', '0-current-char', '1-2-word']);
    expect(cache.row(older, 3)?.right).toBe('2 text 3');
    expect(cache.row(mtToCurrent, 3)?.right).toBe('current text 3');
  });

  it('fetches the pages of scattered changed rows for the changes-only list', async () => {
    const s = fakeService(2000);
    const cache = new CompareCache(s, 'r');
    cache.ensureRows(mtToCurrent, [3, 13, 613, 1803]);
    await settle();
    expect(s.requests.map((r) => r.start).sort((a, b) => a - b)).toEqual([0, 600, 1800]);
    expect(cache.row(mtToCurrent, 1803)?.status).toBe('changed');
  });

  it('drops answers that arrive after the text changed, and fetches afresh', async () => {
    const s = fakeService(100);
    const cache = new CompareCache(s, 'r');
    cache.ensure(mtToCurrent, 0, 10);
    cache.clear();
    await settle();
    expect(cache.summary(mtToCurrent)).toBeUndefined();
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    expect(cache.summary(mtToCurrent)?.total).toBe(100);
    expect(s.requests).toHaveLength(2);
  });

  it('keeps showing rows from before an edit until the fresh ones arrive', async () => {
    const s = fakeService(300);
    const cache = new CompareCache(s, 'r');
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    cache.invalidate();
    expect(cache.row(mtToCurrent, 3)?.status).toBe('changed');
    cache.ensure(mtToCurrent, 0, 10);
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    expect(s.requests.map((r) => r.start)).toEqual([0, 0]);
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    expect(s.requests).toHaveLength(2);
  });

  it('drops an answer to a request made before an edit, and asks again', async () => {
    const s = fakeService(300);
    const cache = new CompareCache(s, 'r');
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    cache.ensure(mtToCurrent, 200, 210);
    cache.invalidate();
    await settle();
    expect(cache.row(mtToCurrent, 250)).toBeUndefined();
    cache.ensure(mtToCurrent, 200, 210);
    await settle();
    expect(cache.row(mtToCurrent, 250)?.paragraphId).toBe('p251');
    expect(s.requests.map((r) => r.start)).toEqual([0, 200, 200]);
  });

  it('reports a failed comparison once instead of asking again on every scroll', async () => {
    const s = fakeService(100, 'Version 7 does not exist in news.redline');
    const errors: string[] = [];
    const cache = new CompareCache(s, 'r', (e) => errors.push(e.message));
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    expect(errors).toEqual(['Version 7 does not exist in news.redline']);
    expect(cache.errorOf(mtToCurrent)?.message).toBe('Version 7 does not exist in news.redline');
    expect(s.requests).toHaveLength(1);
  });

  it('tells its listeners when rows arrive', async () => {
    const s = fakeService(10);
    const cache = new CompareCache(s, 'r');
    let heard = 0;
    cache.subscribe(() => heard++);
    const before = cache.snapshot();
    cache.ensure(mtToCurrent, 0, 10);
    await settle();
    expect(heard).toBe(1);
    expect(cache.snapshot()).not.toBe(before);
  });
});
