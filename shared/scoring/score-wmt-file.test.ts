import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWmtTsv, type WmtMqmFile } from '../formats/wmt-tsv';
import { scoreWmtFile } from './score-wmt-file';

function load(name: string): WmtMqmFile {
  const text = readFileSync(join(import.meta.dirname, '..', 'formats', 'fixtures', 'wmt', name), 'utf8');
  const r = parseWmtTsv(text, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

// The fixture, worked out by hand (segment scores under wmt / wmt-legacy / mqm-core):
// sysA d1#1: r1 major 5 + minor punctuation 0.1 = 5.1, r2 no error 0 -> mean 2.55 (all profiles)
// sysA d1#2: r1 minor omission 1
// sysA d2#1: r2 non-translation 25
// sysB d1#1: r1 source error (0 / 5 / 0) + critical (5 / 5 / 25) -> 5 / 10 / 25
// sysB d1#2: r2 creative reinterpretation 0
// sysB d2#1: r1 neutral 0
const legacy = load('legacy-small.tsv');

describe('scoring a WMT file', () => {
  it('scores a system as the mean over its rated segments of the mean over raters', () => {
    const rows = scoreWmtFile(legacy, 'wmt', 'system');
    expect(rows.map((r) => r.system)).toEqual(['sysB', 'sysA']);
    expect(rows[0]!.score).toBeCloseTo(5 / 3, 10);
    expect(rows[1]!.score).toBeCloseTo((2.55 + 1 + 25) / 3, 10);
    expect(rows.map((r) => r.segments)).toEqual([3, 3]);
  });

  it('weighs a source error like any other with the legacy profile only', () => {
    const sysB = (profile: 'wmt' | 'wmt-legacy' | 'mqm-core') =>
      scoreWmtFile(legacy, profile, 'segment').find((r) => r.system === 'sysB' && r.doc === 'd1' && r.segment === 1)!;
    expect(sysB('wmt').score).toBe(5);
    expect(sysB('wmt-legacy').score).toBe(10);
    expect(sysB('mqm-core').score).toBe(25);
  });

  it('lists segments in order with the mean over raters', () => {
    const rows = scoreWmtFile(legacy, 'wmt', 'segment');
    expect(rows.map((r) => [r.system, r.doc, r.segment, r.score])).toEqual([
      ['sysA', 'd1', 1, 2.55],
      ['sysA', 'd1', 2, 1],
      ['sysA', 'd2', 1, 25],
      ['sysB', 'd1', 1, 5],
      ['sysB', 'd1', 2, 0],
      ['sysB', 'd2', 1, 0],
    ]);
  });

  it('scores documents per system', () => {
    const rows = scoreWmtFile(legacy, 'wmt', 'doc');
    const score = (system: string, doc: string) => rows.find((r) => r.system === system && r.doc === doc)!.score;
    expect(score('sysA', 'd1')).toBeCloseTo(1.775, 10);
    expect(score('sysA', 'd2')).toBe(25);
    expect(score('sysB', 'd1')).toBe(2.5);
    expect(score('sysB', 'd2')).toBe(0);
  });

  it('scores a rater by the mean of their own segment sums', () => {
    const rows = scoreWmtFile(legacy, 'wmt', 'rater');
    expect(rows.map((r) => [r.rater, r.segments])).toEqual([
      ['r1', 4],
      ['r2', 3],
    ]);
    expect(rows[0]!.score).toBeCloseTo((5.1 + 1 + 5 + 0) / 4, 10);
    expect(rows[1]!.score).toBeCloseTo(25 / 3, 10);
  });

  it("scores a segment rated by many raters as the mean of each rater's sum", () => {
    // Twelve raters, each with a minor error on one row and a major error on another, rows of raters interleaved.
    const rows: string[] = [];
    for (const severity of ['Minor', 'Major'])
      for (let r = 0; r < 12; r++) rows.push(['s', 'd', '1', '1', `r${r}`, 'a', 'b', 'Fluency/Grammar', severity].join('\t'));
    const parsedFile = parseWmtTsv(rows.join('\n'), 'many.tsv');
    if (!parsedFile.ok) throw new Error(parsedFile.error.message);
    expect(scoreWmtFile(parsedFile.value, 'wmt', 'system')[0]!.score).toBe(6);
    expect(scoreWmtFile(parsedFile.value, 'wmt', 'rater').map((r) => r.score)).toEqual(Array(12).fill(6));
  });

  it('gives MQM-Core per-word figures with the mqm-core profile', () => {
    const file = load('newer-small.tsv');
    // Segment 1: r7 major 5 over 3 words; segment 2: r7 none, r8 minor 1 -> mean 0.5 over 2 words.
    const [row] = scoreWmtFile(file, 'mqm-core', 'system');
    expect(row!.score).toBeCloseTo((5 + 0.5) / 2, 10);
    expect(row!.mqm).toMatchObject({ penalty: 5.5, words: 5, errors: 1.5 });
    expect(row!.mqm!.quality).toBeCloseTo(100 * (1 - 5.5 / 5), 10);
    expect(row!.mqm!.pass).toBe(false);
    expect(scoreWmtFile(file, 'wmt', 'system')[0]!.mqm).toBeUndefined();
  });
});

// Real published files, kept beside the repository when they are there: the legacy profile must reproduce every
// published segment score. The scores file stores them negated and calls two reference systems by other names.
const referenceFolder = join(import.meta.dirname, '..', '..', '..', 'shared', 'reference');
const published = join(referenceFolder, 'wmt-mqm-legacy_ted-zhen_talk5.published-seg-scores.tsv');
const annotations = join(referenceFolder, 'wmt-mqm-legacy_ted-zhen_talk5.tsv');
const haveReference = existsSync(published) && existsSync(annotations);

describe.skipIf(!haveReference)('scoring a published WMT file', () => {
  it('reproduces every published segment score with the legacy profile', () => {
    const parsedFile = parseWmtTsv(readFileSync(annotations, 'utf8'), 'talk5.tsv');
    if (!parsedFile.ok) throw new Error(parsedFile.error.message);
    const rows = scoreWmtFile(parsedFile.value, 'wmt-legacy', 'segment');
    const names: Readonly<Record<string, string>> = { ref: 'ref-A', refB: 'ref-B' };
    const ours = new Map(rows.map((r) => [`${names[r.system!] ?? r.system}|${r.segment}`, r.score]));
    const lines = readFileSync(published, 'utf8').trim().split('\n').slice(1);
    const firstId = Math.min(...lines.map((l) => Number(l.split('\t')[2])));
    let compared = 0;
    for (const line of lines) {
      const [system, score, segId] = line.split('\t') as [string, string, string];
      if (score === 'None') continue;
      const position = Number(segId) - firstId + 1;
      expect(ours.get(`${system}|${position}`), `${system} segment ${segId}`).toBeCloseTo(-Number(score), 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
  });
});
