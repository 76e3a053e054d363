import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
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
  it('reads a paragraph ending in a full stop, closing marks and spaces as sentences, and one without as a title', () => {
    const verbless = 'A long and difficult process for the engineers and the city.';
    expect(texts(`The bridge opened in May. ${verbless}’)\u00a0 \n`)).toEqual([`${verbless}’)`]);
    expect(texts(`The bridge opened in May. ${verbless.slice(0, -1)}`)).toEqual([]);
    expect(texts(`The team laid a new surface on the original street lamps were restored`, 'heading')).toEqual([
      'the original street lamps were restored',
    ]);
  });
  it('finds a doubled word but not "that that" or "had had"', () => {
    expect(texts('The the bridge is open.')).toEqual(['The the']);
    expect(texts('He said that that plan had had its day.')).toEqual([]);
  });
  it('finds doubled words and fused sentences wherever the plain patterns find them', () => {
    // The check settles most paragraphs with a quick scan before its patterns run; on text built to be awkward
    // (cases, apostrophes, hyphens, digits, texts that start or end with the words) it finds exactly what the
    // patterns alone find.
    const doubled = /(?<![A-Za-z’'-])([A-Za-z]+) \1(?![A-Za-z’'-])/gi;
    const openers = 'The|This|These|Those|It|He|She|They|We|Its|His|Her|Their|Our|There';
    const fused = new RegExp(String.raw`(?<![A-Za-z’'-])([a-z][A-Za-z’'-]*) (${openers}) (?=[a-z])`, 'g');
    const pieces = [
      'the',
      'The',
      'THE',
      'then',
      'a',
      'A',
      'it',
      'It',
      'its',
      'Its',
      "it's",
      'it’s',
      'x-the',
      'the-x',
      '5the',
      'the5',
      'The',
      'bridge',
      'regional',
      'in',
      'said',
      ' ',
      '  ',
      '.',
      ',',
      '’',
      "'",
      '-',
      '1',
      'é',
      'ſ',
    ];
    const random = seededRandom(5);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)]! + (random() < 0.7 ? ' ' : '');
      const expected = [
        ...[...text.matchAll(fused)].filter((m) => !['in', 'said', 'the', 'a'].includes(m[1]!.toLowerCase())).map((m) => `${m[1]} ${m[2]}`),
        ...[...text.matchAll(doubled)]
          .filter((m) => !['that', 'had', 'is', 'do', 'bye', 'no', 'very', 'far', 'so'].includes(m[1]!.toLowerCase()))
          .map((m) => m[0]),
      ];
      const found = checkSentences({ id: 'p1', text, kind: 'heading' })
        .filter((f) => f.message.includes('run together') || f.message.includes('written twice'))
        .map((f) => f.text);
      expect(found, text).toEqual(expected);
    }
  });
});
