import { describe, expect, it } from 'vitest';
import { decodeWholeFile } from './encoding';

describe('a whole file decoded as an article is loaded', () => {
  it('reads UTF-16 with its byte-order mark left out, and Chinese in GB18030', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('“Harbour” 港口\n', 'utf16le')]);
    expect(decodeWholeFile(utf16, 'a.xlf')).toEqual({ ok: true, value: { text: '“Harbour” 港口\n', encoding: 'utf-16le' } });
    const gb = Buffer.from([0xb8, 0xdb, 0xbf, 0xda, 0xb9, 0xdc, 0xc0, 0xed, 0xbe, 0xd6]); // 港口管理局
    expect(decodeWholeFile(gb, 'b.txt')).toEqual({ ok: true, value: { text: '港口管理局', encoding: 'gb18030' } });
  });

  it('says which file is no longer valid text when a bad byte lies past the start its encoding was told from', () => {
    const bytes = Buffer.concat([Buffer.from('a'.repeat(70 * 1024)), Buffer.from([0xff, 0x41])]);
    const decoded = decodeWholeFile(bytes, 'news.xlf');
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error).toMatchObject({ code: 'bad-encoding', message: 'news.xlf is no longer valid utf-8 text.' });
  });
});
