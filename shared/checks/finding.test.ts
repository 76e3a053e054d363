import { describe, expect, it } from 'vitest';
import { isMostlyHan } from './finding';

describe('a text mostly in Han characters', () => {
  it('is told by its own letters, whether asked once, again, or after another text', () => {
    const chinese = '老港大桥将于九月重新开放。';
    const mixed = 'The Old Harbour Bridge (老港大桥) reopens.';
    expect(isMostlyHan(chinese)).toBe(true);
    expect(isMostlyHan(chinese)).toBe(true);
    expect(isMostlyHan(mixed)).toBe(false);
    expect(isMostlyHan(mixed)).toBe(false);
    expect(isMostlyHan(`${chinese}`)).toBe(true);
    expect(isMostlyHan('')).toBe(false);
  });
});
