import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffCommand, renderDiff } from './diff-command';

const scratch = mkdtempSync(join(tmpdir(), 'redline-diff-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function article(name: string, ...paragraphs: string[]): string {
  writeFileSync(join(scratch, name), `${paragraphs.join('\n\n')}\n`);
  return name;
}

async function run(args: readonly string[], extra: { isTty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: scratch, ...extra };
  const status = await diffCommand.run(args, io);
  return { status, stdout, stderr };
}

const mt = article(
  'mt.txt',
  'The minister said on Tuesday that the plan would be ready soon.',
  'Prices rose sharply last year.',
  'Critics called the decision hasty.',
);
const edited = article(
  'edited.txt',
  'On Tuesday the minister said that the plan would soon be ready.',
  'Prices rose sharply last year.',
  'Critics called the decision rushed and unwise.',
);

describe('redline diff', () => {
  it('prints the rates as JSON: per paragraph, and the article as total edits over total reference words', async () => {
    const r = await run([mt, edited, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['paragraphs', 'edits', 'refWords', 'ter']);
    expect(json.paragraphs[1]).toEqual({ paragraph: 2, edits: 0, refWords: 5, ter: 0 });
    // "hasty." becomes "rushed and unwise.": one substitution and two insertions over 7 reference words.
    expect(json.paragraphs[2]).toEqual({ paragraph: 3, edits: 3, refWords: 7, ter: 3 / 7 });
    const edits = json.paragraphs.reduce((sum: number, p: { edits: number }) => sum + p.edits, 0);
    const refWords = json.paragraphs.reduce((sum: number, p: { refWords: number }) => sum + p.refWords, 0);
    expect(json.edits).toBe(edits);
    expect(json.refWords).toBe(24);
    expect(json.ter).toBeCloseTo(edits / refWords, 12);
  });

  it('prints changed paragraphs side by side with marked deletions and insertions, and TER', async () => {
    const r = await run([mt, edited, '--width', '100']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('¶3  changed  TER 0.429 (3 edits / 7 words)');
    expect(r.stdout).toMatch(/\nCritics called the decision \[-hasty-\]\.\s+│ Critics called the decision \{\+rushed and/);
    expect(r.stdout).toContain('¶2  unchanged');
    expect(r.stdout).toMatch(
      /Article TER \d\.\d{3} \(\d+ edits \/ 24 reference words\); 3 paragraphs: 2 changed, 0 added, 0 removed, 1 unchanged/,
    );
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours changes instead of marking them when writing to a terminal', async () => {
    const r = await run([mt, edited], { isTty: true });
    expect(r.stdout).toContain('\u001b[31mhasty\u001b[0m');
    expect(r.stdout).not.toContain('[-hasty-]');
  });

  it('scores Chinese by character with --char', async () => {
    const old = article('zh-old.txt', '我们今天去北京。');
    const now = article('zh-new.txt', '我们明天去北京。');
    const r = await run([old, now, '--char', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      paragraphs: [{ paragraph: 1, edits: 1, refWords: 8, ter: 1 / 8 }],
      edits: 1,
      refWords: 8,
      ter: 1 / 8,
    });
  });

  it('shows a paragraph added in the new version as added', async () => {
    const old = article('short.txt', 'First part.', 'Last part.');
    const now = article('longer.txt', 'First part.', 'A new middle part.', 'Last part.');
    const r = await run([old, now, '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.paragraphs.map((p: { edits: number }) => p.edits)).toEqual([0, 4, 0]);
    expect(json.ter).toBe(4 / 8);
  });

  it('refuses a missing file, a wrong number of files and an unknown option with status 2', async () => {
    const missing = await run([mt, 'nowhere.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere.txt');
    const one = await run([mt]);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('expected two files');
    const unknown = await run([mt, edited, '--colour']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--colour');
    expect(unknown.stdout).toBe('');
  });
});

describe('side-by-side layout', () => {
  it('wraps long paragraphs within each column', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const text = renderDiff([words], [`${words} extra`], { char: false, colour: false, width: 60 });
    const lines = text.split('\n').filter((l) => l.includes('│'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.indexOf('│')).toBe(29);
    expect(text).toContain('{+ extra+}');
  });

  it('counts Chinese characters as two columns wide', () => {
    const text = renderDiff(['北'.repeat(40)], ['京'.repeat(40)], { char: false, colour: false, width: 43 });
    const lines = text.split('\n').filter((l) => l.includes('│'));
    // 20 columns per side: at most 10 wide characters (markers included) on each line.
    expect(lines.length).toBeGreaterThanOrEqual(4);
  });
});
