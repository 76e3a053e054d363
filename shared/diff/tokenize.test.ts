import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { hasUnspacedScript, tokenBoundary, tokenizeChars, tokenizeWords, tokenKind } from './tokenize';

describe('word tokens', () => {
  it('splits words, white space and each punctuation mark, and joins back to the text', () => {
    const text = 'Hello,  world! (It’s 3.5 km.)';
    const tokens = tokenizeWords(text);
    expect(tokens).toEqual(['Hello', ',', '  ', 'world', '!', ' ', '(', 'It', '’', 's', ' ', '3', '.', '5', ' ', 'km', '.', ')']);
    expect(tokens.join('')).toBe(text);
  });

  it('keeps accented letters and combining marks inside their word', () => {
    expect(tokenizeWords('café naïve e\u0301té')).toEqual(['café', ' ', 'naïve', ' ', 'e\u0301té']);
    expect(tokenizeWords('10\u00a0km \u2014 ok')).toEqual(['10', '\u00a0', 'km', ' ', '\u2014', ' ', 'ok']);
  });

  it('splits Chinese into dictionary words rather than one word per sentence', () => {
    const tokens = tokenizeWords('我们今天去北京大学。');
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens).toContain('。');
    expect(tokens.every((t) => t.length <= 4)).toBe(true);
    expect(tokens.join('')).toBe('我们今天去北京大学。');
  });

  it('splits Japanese mixing kanji and kana into several words', () => {
    const text = '日本語の文章を分割します';
    const tokens = tokenizeWords(text);
    expect(tokens.length).toBeGreaterThan(4);
    expect(tokens.join('')).toBe(text);
  });

  it('classifies tokens', () => {
    expect(tokenKind('word')).toBe('word');
    expect(tokenKind(' \t')).toBe('space');
    expect(tokenKind(',')).toBe('punct');
    expect(hasUnspacedScript('plain English')).toBe(false);
    expect(hasUnspacedScript('含中文')).toBe(true);
  });
});

describe('character tokens', () => {
  it('never splits a character outside the Basic Multilingual Plane', () => {
    expect(tokenizeChars('a𠀀b')).toEqual(['a', '𠀀', 'b']);
  });
});

describe('token boundaries', () => {
  it('are exactly the places where the text splits into tokens as its two parts do apart', () => {
    const pieces = ['a', 'Z', '7', '_', 'é', 'e\u0301', ' ', '  ', '\u00a0', '\n', ',', '.', '’', '“', '中', '文', 'の', '𠀀', '😀', '-'];
    const rand = seededRandom(5);
    for (let trial = 0; trial < 400; trial++) {
      let text = '';
      const length = 1 + Math.floor(rand() * 12);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(rand() * pieces.length)]!;
      const whole = tokenizeWords(text);
      for (let at = 0; at <= text.length; at++) {
        if (!tokenBoundary(text, at)) continue;
        expect([...tokenizeWords(text.slice(0, at)), ...tokenizeWords(text.slice(at))], `${JSON.stringify(text)} at ${at}`).toEqual(whole);
        // The same parts tokenized in place, without slicing the text.
        expect([...tokenizeWords(text, 0, at), ...tokenizeWords(text, at)], `${JSON.stringify(text)} at ${at}`).toEqual(whole);
      }
    }
  });

  it('fall between kinds of character and after punctuation, not inside a word or a surrogate pair', () => {
    const text = 'ab, c😀';
    // Beside a surrogate pair it answers no, which costs only a shorter cut.
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((at) => tokenBoundary(text, at))).toEqual([true, false, true, true, true, false, false, true]);
  });
});
