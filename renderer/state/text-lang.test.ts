import { describe, expect, it } from 'vitest';
import { langOf } from './text-lang';

describe('the language hint of a paragraph', () => {
  it('is Chinese when Han characters appear, and none otherwise', () => {
    expect(langOf('老港大桥今天重新开放。')).toBe('zh');
    expect(langOf('The bridge (大桥) reopens.')).toBe('zh');
    expect(langOf('The bridge reopens.')).toBeUndefined();
    expect(langOf(undefined)).toBeUndefined();
  });
});
