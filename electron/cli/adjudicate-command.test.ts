import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBody } from '../../shared/journal/journal-event';
import { sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { readReviewFile } from '../service/read-review';
import type { Command } from './command';
import { commands } from './commands';
import { writeReviewFile } from '../test-support/review-files';

const header = sampleHeader(6, 'story.txt');
let dir: string;

function makeReview(name: string, bodies: readonly EventBody[]): Promise<void> {
  return writeReviewFile(join(dir, name), header, bodies);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-adjudicate-'));
  await makeReview('ana.redline', [
    { type: 'rater-set', rater: 'Ana' },
    { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1', { severity: 'major', rater: 'Ana' }) },
    { type: 'annotation-added', annotation: sampleAnnotation('a2', 'p2', { severity: 'minor', rater: 'Ana', start: 0, end: 3 }) },
  ]);
  await makeReview('ben.redline', [
    { type: 'rater-set', rater: 'Ben' },
    { type: 'annotation-added', annotation: sampleAnnotation('b1', 'p1', { severity: 'major', rater: 'Ben' }) },
    { type: 'annotation-added', annotation: sampleAnnotation('b2', 'p2', { severity: 'major', rater: 'Ben', start: 2, end: 9 }) },
    { type: 'annotation-added', annotation: sampleAnnotation('b3', 'p5', { severity: 'critical', rater: 'Ben' }) },
  ]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, args: readonly string[]) {
  const command = commands.find((c) => c.name === name) as Command;
  let stdout = '';
  let stderr = '';
  const status = await command.run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { status, stdout, stderr };
}

describe('redline adjudicate', () => {
  it('writes a new review stamped adjudicated, with the flags kept, merged or dropped as decided and where each came from', async () => {
    // The paragraphs to decide on, with each flag's name, come from the report.
    const report = JSON.parse((await run('report', ['ana.redline', 'ben.redline', '--format', 'json', '--out', '-'])).stdout);
    const refs = report.agreement.disputed.flatMap((d: { raters: { flags: { ref: string }[] }[] }) =>
      d.raters.flatMap((r) => r.flags.map((f) => f.ref)),
    );
    expect(refs).toEqual(expect.arrayContaining(['ana.redline#a2', 'ben.redline#b2', 'ben.redline#b3']));

    writeFileSync(
      join(dir, 'decisions.json'),
      JSON.stringify({
        decisions: [
          { action: 'merge', flags: ['ana.redline#a2', 'ben.redline#b2'], severity: 'minor' },
          { action: 'drop', flag: 'ben.redline#b3' },
        ],
      }),
    );
    const r = await run('adjudicate', [
      'ana.redline',
      'ben.redline',
      '--decisions',
      'decisions.json',
      '--adjudicator',
      'Lead',
      '--out',
      'agreed.redline',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('2 flags (2 merged) from 2 reviews, adjudicated by Lead');

    const read = await readReviewFile(join(dir, 'agreed.redline'));
    if (!read.ok) throw new Error(read.error.message);
    const { state } = read.value;
    expect(state.rater).toBe('Lead (adjudicated)');
    const flags = [...state.annotations.values()].map((a) => [a.paragraphId, a.start, a.end, a.severity, a.rater, a.comment]);
    expect(flags).toEqual(
      expect.arrayContaining([
        ['p2', 0, 9, 'minor', 'Ana + Ben', 'Merged from ana.redline#a2, ben.redline#b2'],
        ['p1', 4, 11, 'major', 'Ana + Ben', 'Merged from ana.redline#a1, ben.redline#b1'],
      ]),
    );
    expect(flags).toHaveLength(2);
    expect(state.paragraphs.map((p) => p.target)).toEqual(header.paragraphs.map((p) => p.target));
  });

  it('exits 2 with the reason for an unknown flag, a bad decisions file, or an existing output', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ decisions: [{ action: 'keep', flag: 'ana.redline#nope' }] }));
    const unknown = await run('adjudicate', ['ana.redline', 'ben.redline', '--decisions', 'bad.json', '--out', 'x.redline']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No review holds the flag ana.redline#nope');
    writeFileSync(join(dir, 'worse.json'), JSON.stringify({ decisions: [{ action: 'promote', flag: 'a' }] }));
    const invalid = await run('adjudicate', ['ana.redline', 'ben.redline', '--decisions', 'worse.json', '--out', 'x.redline']);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('worse.json');
    expect(existsSync(join(dir, 'x.redline'))).toBe(false);
    const before = readFileSync(join(dir, 'ben.redline'), 'utf8');
    const over = await run('adjudicate', ['ana.redline', 'ben.redline', '--out', 'ben.redline']);
    expect(over.status).toBe(2);
    expect(readFileSync(join(dir, 'ben.redline'), 'utf8')).toBe(before);
  });
});
