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

  it('uses characters for the edit rate when asked', () => {
    const result = diffArticles(['我们今天去北京'], ['我们明天去北京'], { editRate: 'char' });
    expect(result.total).toEqual({ edits: 1, refWords: 7, ter: 1 / 7 });
  });
});
