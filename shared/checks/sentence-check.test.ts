import { describe, expect, it } from 'vitest';
import { checkSentences } from './sentence-check';

const texts = (text: string, kind?: 'heading') => checkSentences({ id: 'p1', text, ...(kind ? { kind } : {}) }).map((f) => f.text);

describe('sentence check', () => {
  it('finds two sentences run together at a capitalised determiner', () => {
    expect(texts('The ministers agreed to build an open, fair and secure regional The digital trade framework encourages growth.')).toEqual(
      ['regional The'],
    );
  });
  it('leaves titles after prepositions and verbs of naming alone', () => {
    expect(texts('She told the story in The Times and later wrote about it for The Guardian last year.')).toEqual([]);
  });
  it('finds a second finite verb after an object with no conjunction', () => {
    expect(texts('The team laid a new surface on the original street lamps were restored and kept in place.')).toEqual([
      'the original street lamps were restored',
    ]);
  });
  it('does not take reported speech or relative clauses for fused sentences', () => {
    expect(texts('He said the lamps on the bridge were restored last year.')).toEqual([]);
    expect(texts('The workers who laid the stones on the bridge were honoured on Friday.')).toEqual([]);
  });
  it('finds a sentence that continues in lower case after a full stop', () => {
    expect(texts('The bridge will reopen. in the spring after repairs.')).toEqual(['reopen. in']);
    expect(texts('The ceremony starts at 9 a.m. on Sunday and ends at noon.')).toEqual([]);
  });
  it('finds a sentence with no verb but spares headings and quotations', () => {
    expect(texts('The bridge opened in May. A long and difficult process for the engineers and the city.')).toEqual([
      'A long and difficult process for the engineers and the city.',
    ]);
    expect(texts('A long and difficult process for the engineers and the city', 'heading')).toEqual([]);
    expect(texts('“A long and difficult process for all of us,” she said.')).toEqual([]);
  });
  it('finds a doubled word but not "that that" or "had had"', () => {
    expect(texts('The the bridge is open.')).toEqual(['The the']);
    expect(texts('He said that that plan had had its day.')).toEqual([]);
  });
});
