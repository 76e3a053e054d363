import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model';
import { sampleAnnotation } from '../../shared/journal/sample-review';
import { segmentText } from './annotation-segments';

function flag(id: string, start: number, end: number, severity: Annotation['severity'] = 'minor'): Annotation {
  return sampleAnnotation(id, 'p1', { start, end, severity });
}

describe('cutting a paragraph at its flags', () => {
  it('leaves an unflagged paragraph whole', () => {
    expect(segmentText('Plain text.', []).map((p) => p.text)).toEqual(['Plain text.']);
  });

  it('marks a flagged phrase and keeps the text around it', () => {
    const pieces = segmentText('It costs 34 million yuan.', [flag('a', 9, 19, 'critical')]);
    expect(pieces.map((p) => [p.text, p.severity])).toEqual([
      ['It costs ', undefined],
      ['34 million', 'critical'],
      [' yuan.', undefined],
    ]);
  });

  it('keeps overlapping flags readable: the overlap knows both and shows the worse', () => {
    const pieces = segmentText('abcdefghij', [flag('a', 0, 6, 'minor'), flag('b', 4, 10, 'major')]);
    expect(pieces.map((p) => [p.text, p.flags.map((f) => f.id).join('+'), p.severity])).toEqual([
      ['abcd', 'a', 'minor'],
      ['ef', 'a+b', 'major'],
      ['ghij', 'b', 'major'],
    ]);
  });

  it('places an omission between pieces without taking any text', () => {
    const pieces = segmentText('with the rest', [flag('o', 5, 5, 'major')]);
    expect(pieces.map((p) => p.text).join('')).toBe('with the rest');
    expect(pieces.find((p) => p.omissionsBefore.length > 0)?.start).toBe(5);
  });

  it('shows an omission at the very end of the text', () => {
    const pieces = segmentText('abc', [flag('o', 3, 3)]);
    expect(pieces.at(-1)).toMatchObject({ start: 3, end: 3, text: '' });
    expect(pieces.at(-1)!.omissionsBefore.map((f) => f.id)).toEqual(['o']);
  });

  it('clips a span that runs past the end of the text', () => {
    expect(segmentText('short', [flag('a', 2, 50)]).map((p) => p.text)).toEqual(['sh', 'ort']);
  });
});
