import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { countTerInto } from '../diff/ter';
import { countAllInto, countWords, ESCAPED_TEXT, letterCounts, PLAIN_TEXT, SEGMENTED_TEXT } from './word-count';

/**
 * The definition the counts must agree with: each Chinese or Japanese character, plus the white-space tokens
 * holding a letter or a digit once those characters are taken out.
 */
const IDEOGRAPHS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const byDefinition = (text: string) =>
  (text.match(IDEOGRAPHS)?.length ?? 0) + (text.replace(IDEOGRAPHS, ' ').match(/[\p{L}\p{N}]\S*/gu)?.length ?? 0);

describe('word count', () => {
  it('counts English prose with curly quotes, dashes and accents as the definition does', () => {
    expect(countWords('“It’s a café — naïve,” she said… ¿Qué?')).toBe(7);
    expect(countWords('— – … “ ”')).toBe(0);
    expect(countWords('3.4 billion yuan (¥)')).toBe(3);
  });

  it('counts Chinese and Japanese a character a word, and a Latin word among them as one', () => {
    expect(countWords('临江老港大桥将于明年重新开放')).toBe(14);
    expect(countWords('港口管理局说，iPhone 的销量增长了 3.5%。')).toBe(6 + 1 + 6 + 1);
    expect(countWords('東京タワーは高い')).toBe(8);
    expect(countWords('“临江”大桥')).toBe(4);
  });

  it('counts Thai by the platform’s word segmentation, not a character a word', () => {
    const thai = 'สะพานจะเปิดอีกครั้งในปีหน้า';
    expect(countWords(thai)).toBeGreaterThan(3);
    expect(countWords(thai)).toBeLessThan(thai.length / 2);
    expect(countWords(`${thai} 大桥`)).toBe(countWords(thai) + 2);
  });

  it('gives the definition’s count on random text mixing Latin, Chinese, Japanese, Korean and rare ideographs', () => {
    const alphabet = [
      ...'ab9 \t.,“”’—',
      ...'港口管理局说的。，、「」',
      ...'あいうカタナﾊﾟ',
      ...'한국어',
      '\u{20000}',
      '\u{1f600}',
      '\u3000',
      '\ud800',
    ];
    const random = seededRandom(77);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });

  it('gives the definition’s count on random Latin text with accents, curly quotes, dashes and every kind of space', () => {
    const alphabet = [
      ...'abcXYZ019 \t\n.,;:!?()[]{}-_/\\\'"@#$%&*+=<>|~`^',
      ...'\u00a0\u1680\u2002\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u0085',
      ...'àéîõüçñÀÉØßþÿ\u0100\u017f\u01c0\u024f×÷',
      ...'‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧‰‱′″‴‵‶‷‸‹›«»§¶·©®°¿¡€£',
      ...'ªº²µ¼¹', // letters and numbers of Latin-1 beyond the usual accented letters
    ];
    const random = seededRandom(4242);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });

  it('counts MQM words and TER’s words and characters in one pass as the separate counts do, on any mix of characters', () => {
    const alphabet = [
      ...'ab9 \t\n.,“”’—àß"\\\u0007',
      ...'\u001c\u001f\u0085\u00a0\u2002\u3000\ufeff\u200b',
      ...'港口管理局说的。，あいうカタナ한국어',
      '\u{20000}',
      '\u{1f600}',
      '\ud800',
      '\udc00',
    ];
    const random = seededRandom(99);
    const one = () => [new Uint32Array(3), new Uint32Array(3), new Uint32Array(3)] as const;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const [words, terWords, terChars] = one();
      // The same pass says whether the text holds a character JSON escapes (a surrogate, even in a pair, counts).
      // oxlint-disable-next-line no-control-regex
      const escaped = /["\\\u0000-\u001f\ud800-\udfff]/.test(text);
      expect(countAllInto(text, 1, words, terWords, terChars), JSON.stringify(text)).toBe(escaped ? ESCAPED_TEXT : PLAIN_TEXT);
      const [, apartWords, apartChars] = one();
      countTerInto(text, apartWords, apartChars, 1);
      expect([words[1], terWords[1], terChars[1]], JSON.stringify(text)).toEqual([countWords(text), apartWords[1], apartChars[1]]);
    }
    // Thai is left to the platform's segmentation, counted apart.
    const [words, terWords, terChars] = one();
    expect(countAllInto('ab สะพาน', 0, words, terWords, terChars)).toBe(SEGMENTED_TEXT);
  });

  it('counts letters and Chinese or Japanese characters as the Unicode properties define them', () => {
    const alphabet = [...'ab9 .,“’àß\u3000', ...'港口管理局说。，あいうカタナ한국어⺀々', 'สะพาน', '\u{20000}', '\u{1f600}', '\ud800'];
    const random = seededRandom(5);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let i = Math.floor(random() * 40); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
      const ideographs = text.match(IDEOGRAPHS)?.length ?? 0;
      const letters = ideographs + (text.replace(IDEOGRAPHS, ' ').match(/[\p{L}\p{N}]/gu)?.length ?? 0);
      expect(letterCounts(text), JSON.stringify(text)).toEqual({ letters, ideographs });
    }
  });
});
