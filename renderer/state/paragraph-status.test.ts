import { describe, expect, it } from 'vitest';
import { nextNotReviewed, progressLabel } from './paragraph-status';

describe('stepping between paragraphs not reviewed yet', () => {
  const reviewed = new Set(['p2', 'p3', 'p5']);

  it('the next one skips reviewed paragraphs and wraps to the start', () => {
    expect(nextNotReviewed(reviewed, 6, 0, 1)).toBe(3);
    expect(nextNotReviewed(reviewed, 6, 3, 1)).toBe(5);
    expect(nextNotReviewed(reviewed, 6, 5, 1)).toBe(0);
  });

  it('the previous one goes back over reviewed paragraphs and wraps to the end', () => {
    expect(nextNotReviewed(reviewed, 6, 3, -1)).toBe(0);
    expect(nextNotReviewed(reviewed, 6, 0, -1)).toBe(5);
  });

  it('there is none when every paragraph is reviewed, or the article is empty', () => {
    expect(nextNotReviewed(new Set(['p1', 'p2']), 2, 0, 1)).toBeUndefined();
    expect(nextNotReviewed(new Set(), 0, 0, 1)).toBeUndefined();
  });

  it('the progress figure reads as the status bar shows it', () => {
    expect(progressLabel(3, 22)).toBe('Reviewed 3 of 22');
  });
});
