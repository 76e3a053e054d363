import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHeader, type EventBody } from '../../shared/journal/journal-event';
import { sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { ReviewJournal } from '../journal/review-journal';
import type { Command } from './command';
import { commands } from './commands';
import { writeReviewFile } from '../test-support/review-files';

const fixtures = join(import.meta.dirname, '..', '..', 'shared', 'formats', 'fixtures', 'wmt');
const header = sampleHeader(6, 'story.txt');
let dir: string;

function makeReview(name: string, bodies: readonly EventBody[]): Promise<void> {
  return writeReviewFile(join(dir, name), header, bodies);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-report-'));
  const edited = header.paragraphs[1]!.target.replace('north', 'south');
  await makeReview('ana.redline', [
    { type: 'rater-set', rater: 'Ana' },
    { type: 'settings-changed', settings: { scoringProfile: 'mqm-core' } },
    { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1', { severity: 'major', rater: 'Ana' }) },
    { type: 'annotation-added', annotation: sampleAnnotation('a2', 'p2', { severity: 'minor', rater: 'Ana' }) },
    { type: 'paragraph-edited', paragraphId: 'p2', text: edited },
    { type: 'version-saved', number: 1, message: 'first pass', author: 'Ana', texts: { p2: edited } },
  ]);
  await makeReview('ben.redline', [
    { type: 'rater-set', rater: 'Ben' },
    { type: 'annotation-added', annotation: sampleAnnotation('b1', 'p1', { severity: 'major', rater: 'Ben' }) },
    { type: 'annotation-added', annotation: sampleAnnotation('b2', 'p5', { severity: 'critical', rater: 'Ben', start: 0, end: 3 }) },
  ]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function command(name: string): Command {
  const found = commands.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} command`);
  return found;
}

async function run(name: string, args: readonly string[], cwd = dir) {
  let stdout = '';
  let stderr = '';
  const status = await command(name).run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { status, stdout, stderr };
}

describe('redline report', () => {
  it('writes a JSON report of one review whose figures equal those of redline score', async () => {
    const r = await run('report', ['ana.redline', '--format', 'json', '--out', 'ana.json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'ana.json'), 'utf8'));
    expect(report.article.name).toBe('story.txt');
    expect(report.profile.id).toBe('mqm-core');
    const [scored] = JSON.parse((await run('score', ['ana.redline', '--json'])).stdout);
    expect(report.score.perParagraph).toBeCloseTo(scored.score, 12);
    expect(report.score.total).toBeCloseTo(scored.score * 6, 12);
    expect(report.score.quality).toBeCloseTo(scored.mqm.quality, 12);
    expect(report.score.pass).toBe(scored.mqm.pass);
    expect(report.score.errorsPerThousandWords).toBeCloseTo(scored.mqm.errorsPerThousandWords, 12);
    expect(report.byCategory).toEqual([
      { category: 'Accuracy/Mistranslation', severity: 'major', count: 1 },
      { category: 'Accuracy/Mistranslation', severity: 'minor', count: 1 },
    ]);
    expect(report.raters.map((x: { rater: string }) => x.rater)).toEqual(['Ana']);
    expect(report.agreement).toMatchObject({ raters: 1, kappaMethod: 'none' });
    expect(report.versions.map((v: { number: number; changedFromMachine: number }) => [v.number, v.changedFromMachine])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(report.versions[1].ter).toBeGreaterThan(0);
  });

  it('writes one report over several reviewers with their scores side by side and their agreement', async () => {
    const r = await run('report', ['ana.redline', 'ben.redline', '--out', 'both.json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'both.json'), 'utf8'));
    expect(report.raters.map((x: { rater: string; flags: number }) => [x.rater, x.flags])).toEqual([
      ['Ana', 2],
      ['Ben', 2],
    ]);
    // Ana flags p1, p2; Ben p1, p5 (6 paragraphs). pₒ = 4/6; pA = pB = 1/3, pₑ = 1/9 + 4/9 = 5/9.
    // κ = (2/3 − 5/9) / (4/9) = (1/9) / (4/9) = 0.25.
    expect(report.agreement.kappaMethod).toBe('cohen');
    expect(report.agreement.kappa).toBeCloseTo(0.25, 12);
    expect(report.agreement.pairs[0]).toMatchObject({ a: 'Ana', b: 'Ben' });
    expect(report.agreement.disputed.map((d: { number: number }) => d.number)).toEqual([5, 2]);
  });

  it('reads a WMT MQM file with several raters, with the figures of redline score for that document and system', async () => {
    const r = await run('report', ['legacy-small.tsv', '--doc', 'd1', '--system', 'sysA', '--format', 'json', '--out', '-'], fixtures);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const rows = JSON.parse((await run('score', ['legacy-small.tsv', '--by', 'doc', '--json'], fixtures)).stdout);
    const row = rows.find((x: { system: string; doc: string }) => x.system === 'sysA' && x.doc === 'd1');
    // Segment 1 rated by r1 (5.1) and r2 (0): 2.55; segment 2 by r1 alone: 1. The document: 1.775.
    expect(report.score.perParagraph).toBeCloseTo(row.score, 12);
    expect(report.score.perParagraph).toBeCloseTo(1.775, 12);
    expect(report.raters.map((x: { rater: string }) => x.rater).sort()).toEqual(['r1', 'r2']);
    expect(report.agreement.raters).toBe(2);
  });

  it('writes a self-contained HTML file by default, and a CSV when asked', async () => {
    expect((await run('report', ['ana.redline', '--out', 'ana.html'])).status).toBe(0);
    const html = readFileSync(join(dir, 'ana.html'), 'utf8');
    expect(html).toContain('<title>Quality report — story.txt</title>');
    expect(html).not.toMatch(/<script|<link /);
    expect((await run('report', ['ana.redline', '--out', 'ana.csv'])).status).toBe(0);
    expect(readFileSync(join(dir, 'ana.csv'), 'utf8')).toMatch(/^section,name,detail,value\r\n/);
  });

  it('exits 2 with the reason for a missing review, an unknown format, a WMT file without a choice, or a review as the output', async () => {
    const missing = await run('report', ['nobody.redline', '--out', 'x.html']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nobody\.redline/);
    const format = await run('report', ['ana.redline', '--format', 'pdf', '--out', 'x.pdf']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('unknown format "pdf"');
    const wmt = await run('report', ['legacy-small.tsv', '--out', '-'], fixtures);
    expect(wmt.status).toBe(2);
    expect(wmt.stderr).toContain('choose one with --doc');
    const over = await run('report', ['ana.redline', '--out', 'ben.redline', '--force']);
    expect(over.status).toBe(2);
    expect(over.stderr).toContain('ben.redline');
    expect(readFileSync(join(dir, 'ben.redline'), 'utf8')).toContain('redline-review');
    const noOut = await run('report', ['ana.redline']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it('counts the suggestions still open when asked to run the checks, beside those accepted and dismissed', async () => {
    const paragraphs = [
      { id: 'p1', index: 0, kind: 'text' as const, target: 'The bridge cost 34 million yuan to restore.', source: '大桥修缮耗资3.4亿元。' },
      { id: 'p2', index: 1, kind: 'text' as const, target: 'It has  two spaces.', source: '它有两个空格。' },
    ];
    const article = { path: join(dir, 'bridge.txt'), name: 'bridge.txt', format: 'txt', encoding: 'utf-8', bytes: 0 } as const;
    const journal = await ReviewJournal.create(join(dir, 'bridge.redline'), makeHeader(article, paragraphs, '2025-01-01T09:00:00.000Z'));
    if (!journal.ok) throw new Error(journal.error.message);
    const dismissed = {
      type: 'suggestions-dismissed',
      suggestions: [{ check: 'punctuation', paragraphId: 'p2', start: 6, end: 8, text: '  ' }],
    } as const;
    expect((await journal.value.append(dismissed)).ok).toBe(true);
    await journal.value.close();

    const without = JSON.parse((await run('report', ['bridge.redline', '--format', 'json', '--out', '-'])).stdout);
    expect(without.suggestions).toMatchObject({ basis: 'events', accepted: 0, dismissed: 1 });
    expect(without.suggestions.open).toBeUndefined();
    const checked = JSON.parse((await run('report', ['bridge.redline', '--checks', '--format', 'json', '--out', '-'])).stdout);
    // The numbers check finds "34 million" for 3.4亿 (still open); the double space was dismissed.
    expect(checked.suggestions).toMatchObject({ basis: 'events', accepted: 0, dismissed: 1, open: 1 });
  });

  it('refuses to compare reviews of different articles', async () => {
    const other = sampleHeader(4, 'other.txt');
    const journal = await ReviewJournal.create(join(dir, 'other.redline'), other);
    if (!journal.ok) throw new Error(journal.error.message);
    await journal.value.close();
    const r = await run('report', ['ana.redline', 'other.redline', '--out', 'x.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a review of the same article');
  });
});
