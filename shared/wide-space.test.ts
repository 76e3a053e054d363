import { describe, expect, it } from 'vitest';
import { isWideSpace } from './wide-space';

describe('wide spaces', () => {
  it('with U+FEFF are what \\s matches above U+009F, in the whole basic plane', () => {
    const differ: string[] = [];
    for (let code = 0xa0; code <= 0xffff; code++) {
      if (/\s/.test(String.fromCharCode(code)) !== (code === 0xfeff || isWideSpace(code))) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
