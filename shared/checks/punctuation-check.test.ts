import { describe, expect, it } from 'vitest';
import { checkPunctuation } from './punctuation-check';

const texts = (text: string) => checkPunctuation({ id: 'p1', text }).map((f) => f.text);

describe('punctuation check', () => {
  it('finds doubled spaces and spaces before punctuation', () => {
    expect(texts('The bridge  reopened on Tuesday , officials said.')).toEqual(['  ', ' ,']);
  });
  it('finds a missing space after a comma or full stop between words', () => {
    expect(texts('The bridge reopened,officials said.The work took three years.')).toEqual([',', '.']);
  });
  it('leaves numbers, times, abbreviations and web addresses alone', () => {
    expect(texts('About 3,000 rivets were replaced between 6:00 and 9 a.m. (see www.example.org/News.Today).')).toEqual([]);
  });
  it('finds unbalanced brackets and a closing quotation mark with no opening one', () => {
    expect(texts('The bridge (built in 1936 is open.')).toEqual(['(']);
    expect(texts('The bridge is open.” she said.')).toEqual(['”']);
  });
  it('finds an unbalanced square bracket and a lone straight quotation mark', () => {
    expect(texts('He said "yes and left [today.')).toEqual(['[', '"']);
  });
  it('lets a quotation run on into the next paragraph', () => {
    expect(texts('“This bridge carries our memories. We want it to be used every day.')).toEqual([]);
  });
  it('finds straight apostrophes among curly ones, but accepts curly double quotes with straight apostrophes', () => {
    expect(texts("The city’s plan and the mayor's office.")).toEqual(["'"]);
    expect(texts("“It's open,” she said.")).toEqual([]);
  });
});
