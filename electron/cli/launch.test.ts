import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from './commands';

const launcher = join(import.meta.dirname, 'launch.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'redline-launch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the command line as `npm run cli` does: the launcher, which builds it first when its sources changed. */
function cli(...args: string[]) {
  return spawnSync(process.execPath, [launcher, ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, REDLINE_CLI: '1' } });
}

describe('the command line as a process', () => {
  it('lists every command once with --help and exits 0', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    for (const c of commands) expect(r.stdout.split('\n').filter((l) => l.startsWith(`  ${c.name} `))).toHaveLength(1);
  });

  it('runs a command on files named relative to where it was started, and exits with its status', () => {
    writeFileSync(join(scratch, 'old.txt'), 'Prices rose sharply last year.\n');
    writeFileSync(join(scratch, 'new.txt'), 'Prices rose sharply this year.\n');
    const r = cli('diff', 'old.txt', 'new.txt', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ edits: 1, refWords: 5 });
    expect(cli('diff', 'old.txt').status).toBe(2);
  });
});
