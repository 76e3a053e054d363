import { describe, expect, it } from 'vitest';
import type { DiffSegment } from '../../shared/diff/text-diff';
import type { Annotation } from '../../shared/model';
import { sampleAnnotation } from '../../shared/journal/sample-review';
import { markFlags, type ComparedFlag } from './flagged-segments';

function flag(id: string, start: number, end: number, severity: Annotation['severity'] = 'minor', fixedInVersion?: number): ComparedFlag {
  return {
    annotation: sampleAnnotation(id, 'p1', { start, end, severity }),
    ...(fixedInVersion !== undefined ? { fixedInVersion } : {}),
  };
}

const same = (text: string): DiffSegment => ({ kind: 'same', text });
const del = (text: string): DiffSegment => ({ kind: 'delete', text });
const ins = (text: string): DiffSegment => ({ kind: 'insert', text });

describe('highlighting flags on the machine translation beside its diff', () => {
  it('keeps the text whole when nothing is flagged', () => {
    const pieces = markFlags([same('The bank '), del('rose'), same(' today.')], []);
    expect(pieces.map((p) => p.text).join('')).toBe('The bank rose today.');
    expect(pieces.every((p) => p.flags.length === 0)).toBe(true);
  });

  it('highlights a flagged deletion and keeps it struck through', () => {
    // "It costs 34 million yuan." with "34 million" flagged and "34" deleted.
    const pieces = markFlags([same('It costs '), del('34'), ins('43'), same(' million yuan.')], [flag('a', 9, 19, 'critical', 2)]);
    expect(pieces.map((p) => [p.kind, p.text, p.flags.map((f) => f.annotation.id).join()])).toEqual([
      ['same', 'It costs ', ''],
      ['delete', '34', 'a'],
      ['insert', '43', ''],
      ['same', ' million', 'a'],
      ['same', ' yuan.', ''],
    ]);
    expect(pieces[1]!.severity).toBe('critical');
    expect(pieces[1]!.flags[0]!.fixedInVersion).toBe(2);
  });

  it('counts offsets on the left text only, so insertions do not shift the flags', () => {
    const pieces = markFlags([ins('Very '), same('good work')], [flag('a', 5, 9)]);
    expect(pieces.filter((p) => p.flags.length > 0).map((p) => p.text)).toEqual(['work']);
  });

  it('shows where an omission was flagged, also at the very end', () => {
    const pieces = markFlags([same('with the rest')], [flag('o', 5, 5, 'major'), flag('e', 13, 13)]);
    expect(pieces.map((p) => (p.omission ? '^' : p.text)).join('|')).toBe('with |^|the rest|^');
  });

  it('clips a flag that runs past the end of the text', () => {
    const pieces = markFlags([same('short')], [flag('a', 2, 50)]);
    expect(pieces.map((p) => [p.text, p.flags.length])).toEqual([
      ['sh', 0],
      ['ort', 1],
    ]);
  });
});
