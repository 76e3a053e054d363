import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from './check-command';

const SAMPLE = join(import.meta.dirname, '..', 'sample');
const dir = mkdtempSync(join(tmpdir(), 'redline-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await checkCommand.run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: SAMPLE });
  return { status, out, err };
}

describe('redline check', () => {
  it('lists the sample article’s findings as JSON with 1-based paragraphs, exit 1', async () => {
    const { status, out } = await run('harbour-bridge.en.txt', '--source', 'harbour-bridge.zh.txt', '--json');
    expect(status).toBe(1);
    const rows = JSON.parse(out) as { check: string; paragraph: number; text: string }[];
    expect(rows).toContainEqual(
      expect.objectContaining({
        check: 'numbers',
        paragraph: 3,
        text: '34 million',
        start: expect.any(Number),
        category: 'Accuracy/Mistranslation',
        severity: 'major',
        message: expect.any(String),
      }),
    );
    expect(rows.some((r) => r.check === 'untranslated' && r.paragraph === 11)).toBe(true);
  });
  it('exits 0 when nothing is found', async () => {
    const clean = join(dir, 'clean.txt');
    writeFileSync(clean, 'The bridge reopened on Sunday.\n\nHundreds of people walked across it in the morning.\n');
    const { status, out } = await run(clean);
    expect(status).toBe(0);
    expect(out).toContain('nothing found in 2 paragraphs');
  });
  it('applies a glossary', async () => {
    const glossary = join(dir, 'glossary.tsv');
    writeFileSync(glossary, '慢行通道\twalking and cycling route\tslow lane; slow-traffic passage\n');
    const { out } = await run('harbour-bridge.en.txt', '--source', 'harbour-bridge.zh.txt', '--glossary', glossary, '--json');
    const rows = JSON.parse(out) as { check: string; paragraph: number; text: string }[];
    expect(rows.filter((r) => r.check === 'terminology').map((r) => [r.paragraph, r.text])).toEqual([
      [8, 'slow lane'],
      [12, 'slow-traffic passage'],
    ]);
  });
  it('exits 2 with a reason on bad input', async () => {
    expect(await run('missing.txt')).toMatchObject({ status: 2, err: expect.stringContaining('missing.txt') });
    expect(await run()).toMatchObject({ status: 2, err: expect.stringContaining('name the article') });
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, 'only a source term\n');
    expect(await run('harbour-bridge.en.txt', '--glossary', bad)).toMatchObject({ status: 2, err: expect.stringContaining('line 1') });
  });
});
