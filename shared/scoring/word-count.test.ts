import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { countWords } from './word-count';

/** The definition the fast path must agree with: white-space tokens holding a letter or a digit. */
const byDefinition = (text: string) => text.match(/[\p{L}\p{N}]\S*/gu)?.length ?? 0;

describe('word count', () => {
  it('counts English prose with curly quotes, dashes and accents as the definition does', () => {
    expect(countWords('“It’s a café — naïve,” she said… ¿Qué?')).toBe(7);
    expect(countWords('— – … “ ”')).toBe(0);
    expect(countWords('3.4 billion yuan (¥)')).toBe(3);
  });

  it('counts Chinese by words, not as one token', () => {
    expect(countWords('临江老港大桥将于明年重新开放')).toBeGreaterThan(3);
  });

  it('gives the definition’s count on random Latin text with every character the fast path classifies', () => {
    const alphabet = [
      ...'abcXYZ019 \t\n.,;:!?()[]{}-_/\\\'"@#$%&*+=<>|~`^',
      ...'\u00a0\u1680\u2002\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u0085',
      ...'àéîõüçñÀÉØßþÿ\u0100\u017f\u01c0\u024f×÷',
      ...'‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧‰‱′″‴‵‶‷‸‹›«»§¶·©®°¿¡€£',
      ...'ªº²µ¼¹', // letters and numbers of Latin-1 that the fast path leaves to the expressions
    ];
    const random = seededRandom(4242);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });
});
