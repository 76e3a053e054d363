import { describe, expect, it } from 'vitest';
import { diffArticles, pairParagraphs } from './article-diff';

describe('article diff', () => {
  it('pairs paragraphs in order and scores each against the new version', () => {
    const result = diffArticles(['the cat sat', 'on the mat'], ['the cat sat down', 'on the mat']);
    expect(result.paragraphs).toEqual([
      { paragraph: 1, edits: 1, refWords: 4, ter: 0.25 },
      { paragraph: 2, edits: 0, refWords: 3, ter: 0 },
    ]);
    expect(result.total).toEqual({ edits: 1, refWords: 7, ter: 1 / 7 });
  });

  it('keeps later paragraphs paired when one was inserted in the new version', () => {
    const result = diffArticles(['alpha one', 'gamma three'], ['alpha one', 'beta two', 'gamma three']);
    expect(result.comparison.rows.map((r) => r.status)).toEqual(['same', 'added', 'same']);
    expect(result.total).toEqual({ edits: 2, refWords: 6, ter: 2 / 6 });
  });

  it('pairs changed paragraphs of a stretch in order and reports the surplus as removed', () => {
    const [left, right] = pairParagraphs(['a', 'x1', 'x2', 'x3', 'b'], ['a', 'y1', 'b']);
    expect(left.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(right.map((p) => p.id)).toEqual(['p1', 'p2', 'p5']);
  });

  it('pairs by content while the articles differ in fewer paragraphs than the diff limit, by position past it', () => {
    const old = (count: number) => Array.from({ length: count }, (_, i) => `Paragraph ${i} as the machine wrote it.`);
    const edited = (count: number) => ['A new opening paragraph.', ...old(count).map((t, i) => (i % 2 === 1 ? `${t} Corrected.` : t))];
    // 450 edited paragraphs and one inserted: 901 insertions and deletions, within the limit.
    const few = diffArticles(old(900), edited(900));
    expect(few.comparison.rows[0]!.status).toBe('added');
    expect(few.comparison.counts).toMatchObject({ added: 1, changed: 450, same: 450 });
    // 1,200 edited paragraphs and one inserted: past the limit, so paragraph k pairs with paragraph k.
    const many = diffArticles(old(2400), edited(2400));
    expect(many.comparison.rows[0]).toMatchObject({ status: 'changed', right: 'A new opening paragraph.' });
    expect(many.comparison.rows.at(-1)!.status).toBe('added');
  });

  it('uses characters for the edit rate when asked', () => {
    const result = diffArticles(['我们今天去北京'], ['我们明天去北京'], { editRate: 'char' });
    expect(result.total).toEqual({ edits: 1, refWords: 7, ter: 1 / 7 });
  });
});
