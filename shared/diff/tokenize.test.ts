import { describe, expect, it } from 'vitest';
import { hasUnspacedScript, tokenizeChars, tokenizeWords, tokenKind } from './tokenize';

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
