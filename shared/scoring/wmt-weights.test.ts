import { describe, expect, it } from 'vitest';
import { errorWeight } from './wmt-weights';
import { countWords } from './word-count';

describe('WMT error weights', () => {
  const cases: ReadonlyArray<[string, string, number, number, number]> = [
    // severity, category, wmt, wmt-legacy, mqm-core
    ['Minor', 'Accuracy/Mistranslation', 1, 1, 1],
    ['Major', 'Accuracy/Mistranslation', 5, 5, 5],
    ['Critical', 'Accuracy/Mistranslation', 5, 5, 25],
    ['Minor', 'Fluency/Punctuation', 0.1, 0.1, 0.1],
    ['minor', 'Linguistic conventions/Punctuation', 0.1, 0.1, 0.1],
    ['Major', 'Fluency/Punctuation', 5, 5, 5],
    ['Trivial', 'Style/Awkward', 0.1, 0.1, 0.1],
    ['Major', 'Accuracy/Creative Reinterpretation', 0, 0, 0],
    ['Major', 'Source error', 0, 5, 0],
    ['Minor', 'Source issue', 0, 1, 0],
    ['Major', 'Non-translation!', 25, 25, 25],
    ['Minor', 'Non-translation', 25, 25, 25],
    ['No-error', 'No-error', 0, 0, 0],
    ['Neutral', 'Style/Awkward', 0, 0, 0],
    ['Major', 'Unrateable', 0, 0, 0],
    ['HOTW-test', 'HOTW-test', 0, 0, 0],
    ['Major', 'Hotw-test', 0, 0, 0],
  ];
  it.each(cases)('%s %s weighs %d (wmt), %d (wmt-legacy), %d (mqm-core)', (sev, cat, wmt, legacy, core) => {
    expect(errorWeight('wmt', sev, cat)).toBe(wmt);
    expect(errorWeight('wmt-legacy', sev, cat)).toBe(legacy);
    expect(errorWeight('mqm-core', sev, cat)).toBe(core);
  });
});

describe('word count', () => {
  it('counts white-space-separated words and not lone punctuation', () => {
    expect(countWords('The cat sat — on the mat.')).toBe(6);
    expect(countWords('  two\twords\n')).toBe(2);
    expect(countWords('')).toBe(0);
  });

  it('counts Chinese and Japanese a character a word, not a sentence a word', () => {
    expect(countWords('我喜欢猫')).toBe(4);
    expect(countWords('東京に行きました')).toBe(8);
  });

  it('counts Latin words inside Chinese text', () => {
    expect(countWords('我用 Redline')).toBe(3);
  });
});
