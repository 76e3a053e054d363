import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBody } from '../../shared/journal/journal-event';
import { sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { ReviewJournal } from '../journal/review-journal';
import type { Command } from './command';
import { commands } from './commands';

const header = sampleHeader(3, 'story.txt');
const [p1, p2, p3] = header.paragraphs.map((p) => p.target) as [string, string, string];
const V1_P2 = p2.replace('north', 'south');
const CURRENT_P3 = `${p3} Again.`;

let dir: string;
let review: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-export-'));
  review = join(dir, 'story.redline');
  const journal = await ReviewJournal.create(review, header);
  if (!journal.ok) throw new Error(journal.error.message);
  const bodies: EventBody[] = [
    { type: 'rater-set', rater: 'Ana' },
    { type: 'annotation-added', annotation: sampleAnnotation('a1', 'p1', { severity: 'major', rater: 'Ana' }) },
    { type: 'paragraph-edited', paragraphId: 'p2', text: V1_P2 },
    { type: 'version-saved', number: 1, message: 'first', author: 'Ana', texts: { p2: V1_P2 } },
    { type: 'paragraph-edited', paragraphId: 'p3', text: CURRENT_P3 },
  ];
  for (const body of bodies) {
    const r = await journal.value.append(body);
    if (!r.ok) throw new Error(r.error.message);
  }
  await journal.value.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function command(name: string): Command {
  const found = commands.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} command`);
  return found;
}

async function run(name: string, args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const status = await command(name).run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { status, stdout, stderr };
}

describe('redline export', () => {
  it('writes the current working text by default, as the reviewer left it', async () => {
    const r = await run('export', ['story.redline', '--format', 'txt', '--out', 'story.corrected.txt']);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'story.corrected.txt'), 'utf8')).toBe(`${p1}\n\n${V1_P2}\n\n${CURRENT_P3}\n`);
  });

  it('writes a saved version or the machine translation when asked', async () => {
    expect((await run('export', ['story.redline', '--format=md', '--out', 'v1.md', '--version', '1'])).status).toBe(0);
    expect(readFileSync(join(dir, 'v1.md'), 'utf8')).toBe(`${p1}\n\n${V1_P2}\n\n${p3}\n`);
    expect((await run('export', ['story.redline', '--format', 'txt', '--out', 'mt.txt', '--version', '0'])).status).toBe(0);
    expect(readFileSync(join(dir, 'mt.txt'), 'utf8')).toBe(`${p1}\n\n${p2}\n\n${p3}\n`);
  });

  it('refuses bad input with the reason and status 2', async () => {
    const unknownVersion = await run('export', ['story.redline', '--format', 'txt', '--out', 'x.txt', '--version', '4']);
    expect(unknownVersion.status).toBe(2);
    expect(unknownVersion.stderr).toMatch(/no version 4/);
    const badFormat = await run('export', ['story.redline', '--format', 'pdf', '--out', 'x.pdf']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toMatch(/unknown format "pdf"/);
    const missing = await run('export', ['gone.redline', '--format', 'txt', '--out', 'x.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/gone\.redline does not exist/);
    const noOut = await run('export', ['story.redline', '--format', 'txt']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
  });
});

describe('redline export refuses to destroy', () => {
  it('leaves an existing file alone without --force (status 2, the reason on stderr) and replaces it with --force', async () => {
    writeFileSync(join(dir, 'out.txt'), 'keep me\n');
    const refused = await run('export', ['story.redline', '--format', 'txt', '--out', 'out.txt']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/out\.txt already exists\. Add --force to replace it\./);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('keep me\n');
    const forced = await run('export', ['story.redline', '--format', 'txt', '--out', 'out.txt', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(`${p1}\n\n${V1_P2}\n\n${CURRENT_P3}\n`);
  });

  it('never writes over the review, another review, a folder or a device, even with --force', async () => {
    const bytes = readFileSync(review);
    writeFileSync(join(dir, 'other.redline'), bytes);
    mkdirSync(join(dir, 'folder'));
    for (const out of ['story.redline', 'other.redline', 'folder', '/dev/null']) {
      const r = await run('export', ['story.redline', '--format', 'txt', '--out', out, '--force']);
      expect(r.status, out).toBe(2);
      expect(r.stderr, out).toMatch(/^redline export: .+\n$/);
    }
    expect(readFileSync(review).equals(bytes)).toBe(true);
    expect(readFileSync(join(dir, 'other.redline')).equals(bytes)).toBe(true);
  });
});

describe('redline score on a review file', () => {
  it('scores the flags of a review, and reading it leaves a torn last line on disk untouched', async () => {
    appendFileSync(review, '{"type":"annotation-removed"');
    const bytes = readFileSync(review);
    const r = await run('score', ['story.redline', '--profile', 'mqm-core', '--json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { score: number; segments: number }[];
    // One major error (weight 5) over three paragraphs rated by one rater.
    expect(rows[0]!.segments).toBe(3);
    expect(rows[0]!.score).toBeCloseTo(5 / 3, 6);
    expect(readFileSync(review).equals(bytes)).toBe(true);
  });
});
