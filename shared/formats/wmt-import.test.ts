import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphIdAt, type Annotation, type Paragraph } from '../model';
import { reviewAsWmtFile } from '../scoring/review-as-wmt';
import { scoreWmtFile } from '../scoring/score-wmt-file';
import { chooseWmtDocument, wmtReview } from './wmt-import';
import { parseWmtTsv, type WmtMqmFile } from './wmt-tsv';
import { writeWmtTsv, wmtTsvPieces } from './wmt-write';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', 'wmt', name), 'utf8');

function parsed(text: string, name = 'mqm.tsv'): WmtMqmFile {
  const r = parseWmtTsv(text, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const NOW = '2025-03-01T10:00:00.000Z';

describe('a WMT file as a review', () => {
  const file = parsed(fixture('legacy-small.tsv'), 'legacy-small.tsv');

  it('refuses to guess among several documents or systems, listing them', () => {
    expect(chooseWmtDocument(file, 'legacy-small.tsv')).toMatchObject({
      ok: false,
      error: { message: 'legacy-small.tsv holds 2 documents; choose one with --doc: d1, d2.' },
    });
    expect(chooseWmtDocument(file, 'legacy-small.tsv', 'd1')).toMatchObject({
      ok: false,
      error: { message: 'legacy-small.tsv: document d1 was translated by 2 systems; choose one with --system: sysA, sysB.' },
    });
    expect(chooseWmtDocument(file, 'legacy-small.tsv', 'd9')).toMatchObject({
      ok: false,
      error: { message: 'legacy-small.tsv has no document "d9"; its documents are: d1, d2.' },
    });
    expect(chooseWmtDocument(file, 'legacy-small.tsv', 'd1', 'sysA')).toEqual({ ok: true, value: { doc: 'd1', system: 'sysA' } });
  });

  it('makes one paragraph per segment in document order, each rater’s errors flags of that rater on their side', () => {
    const review = wmtReview(file, 'd1', 'sysA', NOW);
    expect(review.blocks.map((b) => [b.text, b.source])).toEqual([
      ['Das Haus ist rot.', 'The house is red.'],
      ['Jetzt hier.', 'Come here now.'],
    ]);
    expect(review.raters).toEqual(['r1', 'r2']);
    expect(review.flags.map((f) => [f.paragraph, f.rater, f.side, f.start, f.end, f.category, f.severity])).toEqual([
      [0, 'r1', 'target', 4, 8, 'Accuracy/Mistranslation', 'major'],
      [0, 'r1', 'target', 16, 17, 'Fluency/Punctuation', 'minor'],
      [1, 'r1', 'source', 0, 4, 'Accuracy/Omission', 'minor'],
    ]);
  });
});

describe('a review as a WMT file and back', () => {
  const paragraphs: Paragraph[] = [
    { id: paragraphIdAt(0), index: 0, kind: 'text', target: 'Der Hund bellt\tlaut.', source: 'The dog barks loudly.', ref: '41' },
    { id: paragraphIdAt(1), index: 1, kind: 'text', target: '"Ruhe", sagte sie.', source: 'Quiet, she said.', ref: '42' },
    { id: paragraphIdAt(2), index: 2, kind: 'text', target: 'Alles gut.', source: 'All good.', ref: '43' },
  ];
  const flag = (id: string, paragraph: number, fields: Partial<Annotation>): Annotation => ({
    id,
    paragraphId: paragraphIdAt(paragraph),
    side: 'target',
    start: 0,
    end: 3,
    category: 'Accuracy/Mistranslation',
    severity: 'major',
    comment: '',
    rater: 'ana',
    origin: { kind: 'person' },
    status: 'open',
    created: NOW,
    ...fields,
  });
  const annotations: Annotation[] = [
    flag('a', 0, { start: 4, end: 8, comment: 'wrong animal, "Hund" is fine though' }),
    flag('b', 0, { side: 'source', start: 14, end: 21, category: 'Accuracy/Omission', severity: 'minor', rater: 'ben' }),
    flag('c', 1, { start: 10, end: 10, category: 'Fluency/Punctuation', severity: 'minor', status: 'fixed' }),
    flag('d', 2, { severity: 'critical', status: 'dismissed' }),
  ];
  const text = writeWmtTsv('sysX', 'story', paragraphs, annotations, [], 'nobody');
  const back = parsed(text);

  it('written in pieces of any size, joins into the same file', () => {
    for (const per of [1, 2, 3, 10]) {
      const pieces = [...wmtTsvPieces(['sysX', 'story', paragraphs, annotations, [], 'nobody'], per)];
      expect(pieces).toHaveLength(Math.ceil(paragraphs.length / per));
      expect(pieces.join('')).toBe(text);
    }
  });

  it('writes the newer 10-column layout with a header', () => {
    expect(text.split('\n')[0]).toBe('system\tdoc\tdocSegId\tglobalSegId\trater\tsource\ttarget\tcategory\tseverity\tmetadata');
    expect(back.layout).toBe('newer');
  });

  it('gives the same flags when imported again: spans, sides, notes, statuses; dismissed flags left out', () => {
    const review = wmtReview(back, 'story', 'sysX', NOW);
    expect(review.blocks.map((b) => [b.text, b.source, b.ref])).toEqual(paragraphs.map((p) => [p.target, p.source, p.ref]));
    const again = review.flags.map((f) => [f.paragraph, f.rater, f.side, f.start, f.end, f.category, f.severity, f.comment, f.status]);
    expect(again).toEqual(
      annotations
        .filter((a) => a.status !== 'dismissed')
        .map((a) => [Number(a.paragraphId.slice(1)) - 1, a.rater, a.side, a.start, a.end, a.category, a.severity, a.comment, a.status]),
    );
  });

  it('scores the same as the review it came from', () => {
    const fromReview = scoreWmtFile(reviewAsWmtFile('sysX', paragraphs, annotations), 'wmt', 'segment').map((r) => r.score);
    const fromFile = scoreWmtFile(back, 'wmt', 'segment').map((r) => r.score);
    expect(fromFile).toEqual(fromReview);
    expect(fromFile).toEqual([(5 + 1) / 2, (0.1 + 0) / 2, 0]);
  });
});
