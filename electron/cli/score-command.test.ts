import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation, Paragraph } from '../../shared/model';
import { scoreArticle } from '../../shared/scoring/article-scorer';
import type { Command } from './command';
import { makeScoreCommand, scoreCommand } from './score-command';

const fixtures = join(import.meta.dirname, '..', '..', 'shared', 'formats', 'fixtures', 'wmt');
const scratch = mkdtempSync(join(tmpdir(), 'redline-score-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(args: readonly string[], command: Command = scoreCommand, cwd = fixtures) {
  let stdout = '';
  let stderr = '';
  const status = await command.run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { status, stdout, stderr };
}

describe('redline score on WMT files', () => {
  it('prints a table of systems, best first', async () => {
    const r = await run(['legacy-small.tsv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^system\s+segments\s+score$/);
    expect(lines[1]).toMatch(/^sysB\s+3\s+1\.667$/);
    expect(lines[2]).toMatch(/^sysA\s+3\s+9\.517$/);
  });

  it('prints JSON with the grouping fields, the score and the number of rated segments', async () => {
    const bySegment = JSON.parse((await run(['legacy-small.tsv', '--by', 'segment', '--json'])).stdout);
    expect(bySegment[0]).toEqual({ system: 'sysA', doc: 'd1', segment: 1, score: 2.55, segments: 1 });
    const byDoc = JSON.parse((await run(['legacy-small.tsv', '--by=doc', '--json'])).stdout);
    expect(Object.keys(byDoc[0]).sort()).toEqual(['doc', 'score', 'segments', 'system']);
    const byRater = JSON.parse((await run(['legacy-small.tsv', '--by', 'rater', '--json'])).stdout);
    expect(byRater.map((r: { rater: string }) => r.rater)).toEqual(['r1', 'r2']);
    expect(Object.keys(byRater[0]).sort()).toEqual(['rater', 'score', 'segments']);
  });

  it('applies the chosen profile', async () => {
    const legacy = JSON.parse((await run(['legacy-small.tsv', '--profile', 'wmt-legacy', '--json'])).stdout);
    expect(legacy.find((r: { system: string }) => r.system === 'sysB').score).toBeCloseTo(10 / 3, 10);
    const core = await run(['newer-small.tsv', '--profile', 'mqm-core']);
    expect(core.stdout.split('\n')[0]).toMatch(/words\s+quality\s+pass$/);
  });

  it('exits 2 with the reason when the file is missing, not a TSV, or has a short row', async () => {
    const missing = await run(['nothing-here.tsv']);
    expect(missing).toMatchObject({ status: 2, stdout: '' });
    expect(missing.stderr).toContain('nothing-here.tsv: no such file');

    writeFileSync(join(scratch, 'notes.txt'), 'Just some notes.\nNo tabs here.\n');
    const notTsv = await run(['notes.txt'], scoreCommand, scratch);
    expect(notTsv.status).toBe(2);
    expect(notTsv.stderr).toContain('notes.txt line 1: not a WMT MQM TSV file');

    const row = ['s', 'd', '1', '1', 'r', 'src', 'tgt', 'No-error', 'No-error'].join('\t');
    writeFileSync(join(scratch, 'short.tsv'), `${row}\n${row}\n${row.split('\t').slice(0, 8).join('\t')}\n`);
    const short = await run(['short.tsv'], scoreCommand, scratch);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('short.tsv line 3: expected 9 tab-separated fields');
  });

  it('refuses a severity the weights do not know, naming the line, instead of counting it as no error', async () => {
    const row = (severity: string, category = 'Accuracy/Mistranslation') =>
      ['s', 'd', '1', '1', 'r', 'src', 'a <v>tgt</v>', category, severity].join('\t');
    writeFileSync(join(scratch, 'typo.tsv'), `${row('Major')}\n${row('Majr')}\n${row('Minor')}\n`);
    const typo = await run(['typo.tsv'], scoreCommand, scratch);
    expect(typo).toMatchObject({ status: 2, stdout: '' });
    expect(typo.stderr).toMatch(
      /^redline score: typo\.tsv line 2: unknown severity "Majr"; use Minor, Major, Critical, Neutral or No-error/,
    );

    // Rows that are no error, and attention checks, may say anything in the severity column.
    writeFileSync(
      join(scratch, 'fine.tsv'),
      `${row('major')}\n${row('No-error', 'No-error')}\n${row('HOTW-test', 'Other')}\n${row('', 'Non-rateable')}\n`,
    );
    expect((await run(['fine.tsv'], scoreCommand, scratch)).status).toBe(0);
  });

  it('refuses a pass mark that is not a quality score from 0 to 100', async () => {
    for (const threshold of ['-1', '-0.5', '101', '']) {
      const r = await run(['newer-small.tsv', '--profile', 'mqm-core', '--threshold', threshold]);
      expect(r.status, threshold).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, threshold).toMatch(/^redline score: --threshold (is a quality score from 0 to 100|needs a number)/);
    }
    expect((await run(['newer-small.tsv', '--profile', 'mqm-core', '--threshold', '0'])).status).toBe(0);
  });

  it('exits 2 on a bad option', async () => {
    expect((await run(['legacy-small.tsv', '--profile', 'bleu'])).status).toBe(2);
    expect((await run(['legacy-small.tsv', '--by', 'colour'])).status).toBe(2);
    expect((await run(['legacy-small.tsv', '--threshold', 'high'])).status).toBe(2);
    expect((await run(['legacy-small.tsv', '--verbose'])).status).toBe(2);
    expect((await run([])).status).toBe(2);
  });
});

describe('redline score on review files', () => {
  const paragraphs: Paragraph[] = [
    { id: 'p1', index: 0, kind: 'text', target: 'The first paragraph has six words.' },
    { id: 'p2', index: 1, kind: 'text', target: 'The second one has five.' },
  ];
  const base = { side: 'target', start: 0, end: 3, comment: '', origin: { kind: 'person' }, created: '2025-01-01T00:00:00Z' } as const;
  const annotations: Annotation[] = [
    { ...base, id: 'a', paragraphId: 'p1', category: 'Accuracy/Mistranslation', severity: 'major', rater: 'ana', status: 'open' },
    { ...base, id: 'b', paragraphId: 'p2', category: 'Style/Awkward style', severity: 'minor', rater: 'ben', status: 'fixed' },
    { ...base, id: 'c', paragraphId: 'p2', category: 'Other', severity: 'critical', rater: 'ana', status: 'dismissed' },
  ];

  it('refuses a .redline file clearly when review reading is not available', async () => {
    const r = await run(['article.redline']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('article.redline: review files cannot be scored');
  });

  it('scores a review like the live article score', async () => {
    const command = makeScoreCommand({ readReview: async () => ({ ok: true, value: { paragraphs, annotations } }) });
    const [row] = JSON.parse((await run(['article.redline', '--json'], command)).stdout);
    const live = scoreArticle({ profile: 'wmt' }, paragraphs, annotations);
    expect(row).toEqual({ system: 'article', score: live.wmt.score, segments: 2 });
    expect(row.score).toBe((5 + 1) / 2 / 2);
    const bySegment = JSON.parse((await run(['article.redline', '--json', '--by', 'segment'], command)).stdout);
    expect(bySegment.map((r: { segment: number; score: number }) => [r.segment, r.score])).toEqual([
      [1, 2.5],
      [2, 0.5],
    ]);
  });

  it("uses the review's own profile and pass mark unless the command line names others", async () => {
    const settings = { scoringProfile: 'mqm-core', passThreshold: 50 };
    const command = makeScoreCommand({ readReview: async () => ({ ok: true, value: { paragraphs, annotations, settings } }) });
    const [own] = JSON.parse((await run(['article.redline', '--json'], command)).stdout);
    expect(own.mqm).toMatchObject({ threshold: 50 });
    const [wmt] = JSON.parse((await run(['article.redline', '--json', '--profile', 'wmt'], command)).stdout);
    expect(wmt.mqm).toBeUndefined();
  });

  it('passes on the reason a review could not be read', async () => {
    const command = makeScoreCommand({
      readReview: async () => ({ ok: false, error: { code: 'parse-error', message: 'article.redline line 4: not JSON' } }),
    });
    const r = await run(['article.redline'], command);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('article.redline line 4: not JSON');
  });
});
