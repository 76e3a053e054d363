import { describe, expect, it } from 'vitest';
import { CRC_START, crcHex, crcUpdate } from '../../shared/journal/line-checksum';
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
});
