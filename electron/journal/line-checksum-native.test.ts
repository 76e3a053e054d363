import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { CRC_START, crc32Combine, crcHex, crcUpdate, crcUpdateBytes } from '../../shared/journal/line-checksum';
import { seededRandom } from '../../shared/seeded-random';
// Importing the journal installs Node's CRC-32 for long texts.
import './review-journal';

describe('the checksum of a long review line', () => {
  it('is the same whether Node computes it or the portable code does, for any text', () => {
    const random = seededRandom(99);
    const pieces = ['a', 'Z', ' ', '"', '\\', 'é', '—', '“', '中', '文', '😀', '\ud800', '\udfff', '\n'];
    let text = '';
    while (text.length < 50_000) text += pieces[Math.floor(random() * pieces.length)];
    const whole = crcHex(crcUpdate(CRC_START, text));
    // Pieces under the native threshold go through the portable code; cut only between whole characters.
    let crc = CRC_START;
    for (let from = 0; from < text.length;) {
      let to = Math.min(text.length, from + 1000);
      const last = text.charCodeAt(to - 1);
      if (to < text.length && last >= 0xd800 && last <= 0xdbff && text.charCodeAt(to) >= 0xdc00 && text.charCodeAt(to) <= 0xdfff) to--;
      crc = crcUpdate(crc, text, from, to);
      from = to;
    }
    expect(crcHex(crc)).toBe(whole);
    expect(crcHex(crcUpdate(CRC_START, 'hello'))).toBe('3610a686');
  });

  it("is the same over a text's UTF-8 bytes, read in pieces, as over the text", () => {
    const text = 'The “harbour” plan — 港口管理局 said 😀. '.repeat(500);
    const bytes = Buffer.from(text, 'utf8');
    let crc = CRC_START;
    for (let from = 0; from < bytes.length; from += 7) crc = crcUpdateBytes(crc, bytes, from, Math.min(bytes.length, from + 7));
    expect(crcHex(crc)).toBe(crcHex(crcUpdate(CRC_START, text)));
    expect(crcHex(crc)).toBe((crc32(bytes) >>> 0).toString(16).padStart(8, '0'));
    // Long pieces go to Node's CRC-32, short ones through the portable code: the same checksum either way.
    const half = 20_011;
    expect(crcHex(crcUpdateBytes(CRC_START, bytes))).toBe(crcHex(crc));
    expect(crcHex(crcUpdateBytes(crcUpdateBytes(CRC_START, bytes, 0, half), bytes, half))).toBe(crcHex(crc));
  });
});

describe('the checksum of two pieces put together', () => {
  it('is the checksum of the whole, for pieces of any length, empty ones included', () => {
    const random = seededRandom(31);
    for (let n = 0; n < 300; n++) {
      const a = Buffer.from(Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256)));
      const b = Buffer.from(Array.from({ length: Math.floor(random() * (n < 290 ? 40 : 70_000)) }, () => Math.floor(random() * 256)));
      expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
    }
    // A piece of tens of megabytes, as a long article's header is.
    const a = Buffer.from('{"crc32":"');
    const b = Buffer.alloc(64 * 1024 * 1024 + 5, 'x');
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
  });
});
