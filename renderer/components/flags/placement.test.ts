import { describe, expect, it } from 'vitest';
import { placeBeside, topBeside, topOfSelectionButton } from './placement';

describe('placing the flag dialog beside the flagged text', () => {
  const overlaps = (top: number, height: number, a: { top: number; bottom: number }) => top < a.bottom && top + height > a.top;

  it('goes below the text when it fits there, above when only that fits, never over the text', () => {
    const nearTop = { top: 100, bottom: 160 };
    const nearBottom = { top: 600, bottom: 660 };
    expect(topBeside(nearTop, 400, 800)).toBe(168);
    expect(topBeside(nearBottom, 400, 800)).toBe(192);
    for (const a of [nearTop, nearBottom, { top: 350, bottom: 380 }]) expect(overlaps(topBeside(a, 300, 800), 300, a)).toBe(false);
  });

  it('stays inside the window when neither side has room', () => {
    const tall = { top: 200, bottom: 700 };
    const top = topBeside(tall, 400, 800);
    expect(top).toBeGreaterThanOrEqual(8);
    expect(top + 400).toBeLessThanOrEqual(792);
  });
});

describe('placing the flag dialog to a side when it is too tall for above or below', () => {
  const window = { width: 1280, height: 720 };
  const dialog = { width: 500, height: 620 };
  const covers = (p: { top: number; left: number }, a: { top: number; bottom: number; left: number; right: number }) =>
    p.top < a.bottom && p.top + dialog.height > a.top && p.left < a.right && p.left + dialog.width > a.left;

  it('goes left of a phrase in the right half, right of one in the left half, and never covers it', () => {
    const right = { top: 300, bottom: 320, left: 700, right: 800 };
    const left = { top: 300, bottom: 320, left: 100, right: 200 };
    expect(placeBeside(right, dialog, window).left).toBe(192);
    expect(placeBeside(left, dialog, window).left).toBe(208);
    for (const a of [right, left]) expect(covers(placeBeside(a, dialog, window), a)).toBe(false);
  });

  it('is centred below a phrase when it fits there', () => {
    expect(placeBeside({ top: 40, bottom: 60, left: 700, right: 800 }, dialog, window)).toEqual({ top: 68, left: 390 });
  });
});

describe('placing the Flag selection button', () => {
  it('sits above the first selected line, so the line below stays readable', () => {
    expect(topOfSelectionButton({ top: 300, bottom: 320 }, { top: 330, bottom: 350 }, 24, 50)).toBe(272);
  });

  it('goes under the last line when the selection is at the top of the article', () => {
    expect(topOfSelectionButton({ top: 60, bottom: 80 }, { top: 90, bottom: 110 }, 24, 50)).toBe(114);
  });
});
