import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffArticles } from '../../shared/diff/article-diff';
import { seededRandom } from '../../shared/seeded-random';
import { buildIsStale, inputsFor, type BuildManifest } from './build-freshness.mjs';
import { commands } from './commands';
import { PARALLEL_MIN_BYTES } from './parallel-rates';

const launcher = join(import.meta.dirname, 'launch.mjs');
const projectRoot = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'redline-launch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the command line as `npm run cli` does: the launcher, which builds it first when its sources changed. */
function cli(...args: string[]) {
  return spawnSync(process.execPath, [launcher, ...args], { cwd: scratch, encoding: 'utf8', env: cliEnv() });
}

/** As `cli`, without blocking: for runs that may go side by side. */
function cliAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, ...args], { cwd: scratch, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function cliEnv(): NodeJS.ProcessEnv {
  return { ...process.env, REDLINE_CLI: '1' };
}

describe('the command line as a process', () => {
  it('lists every command once with --help and exits 0', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    for (const c of commands) expect(r.stdout.split('\n').filter((l) => l.startsWith(`  ${c.name} `))).toHaveLength(1);
  });

  it('explains each command with NAME --help', async () => {
    // Each command loads its own chunk of the build; the processes run side by side. A build older than a source
    // is made first, by one of them, since every process that finds it stale would build it again.
    const stale = commands.find((c) => buildIsStale(projectRoot, join(projectRoot, 'out', 'cli'), [c.name, '--help']));
    if (stale) expect(cli(stale.name, '--help').status).toBe(0);
    const runs = await Promise.all(commands.map((c) => cliAsync(c.name, '--help')));
    commands.forEach((c, i) => {
      expect(runs[i]!.status, c.name).toBe(0);
      expect(runs[i]!.stdout).toMatch(new RegExp(`^Usage: redline ${c.name} `));
    });
  });

  it('runs a command on files named relative to where it was started, and exits with its status', () => {
    writeFileSync(join(scratch, 'old.txt'), 'Prices rose sharply last year.\n');
    writeFileSync(join(scratch, 'new.txt'), 'Prices rose sharply this year.\n');
    const r = cli('diff', 'old.txt', 'new.txt', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ edits: 1, refWords: 5 });
    expect(cli('diff', 'old.txt').status).toBe(2);
  });

  it('prints with diff --json on two threads the very bytes the one-thread comparison gives', () => {
    // Large enough for the second thread; paragraphs kept, reworded, moved about, removed and added.
    const rand = seededRandom(3);
    // A vocabulary as varied as prose's, so that TER's shift search stays as short as on real text.
    const syllables = ['ka', 'lo', 'mer', 'tin', 'sa', 'ro', 'ven', 'di', 'po', 'lan', 'te', 'ris', '“', 'é'];
    const words = Array.from({ length: 2000 }, () =>
      Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join(''),
    );
    const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]!).join(' ');
    const old: string[] = [];
    const edited: string[] = [];
    // The two files together just past the size from which the comparison takes a second thread: the worker's
    // path is what is tested, and every byte beyond the threshold only adds to the one-thread comparison below.
    // Each paragraph counts its bytes and the blank line after it, about what the two files hold.
    let bytes = 0;
    const add = (to: string[], ...texts: string[]) => {
      to.push(...texts);
      for (const text of texts) bytes += Buffer.byteLength(text) + 2;
    };
    while (bytes < PARALLEL_MIN_BYTES) {
      const text = sentence(60 + Math.floor(rand() * 60));
      const r = rand();
      add(old, text);
      if (r < 0.8) add(edited, text);
      else if (r < 0.97) add(edited, `${sentence(3)} ${text.split(' ').slice(2).join(' ')}`);
      else if (r < 0.985) add(edited, text, sentence(30));
    }
    const oldFile = `${old.join('\n\n')}\n`;
    const newFile = `${edited.join('\n\n')}\n`;
    expect(Buffer.byteLength(oldFile) + Buffer.byteLength(newFile)).toBeGreaterThanOrEqual(PARALLEL_MIN_BYTES);
    writeFileSync(join(scratch, 'long-old.txt'), oldFile);
    writeFileSync(join(scratch, 'long-new.txt'), newFile);
    const r = cli('diff', 'long-old.txt', 'long-new.txt', '--json');
    expect(r.status).toBe(0);
    const one = diffArticles(old, edited, { rowDiffs: false });
    const paragraphs = one.paragraphs.map(({ paragraph, edits, refWords, ter }) => ({ paragraph, edits, refWords, ter }));
    expect(r.stdout).toBe(`${JSON.stringify({ paragraphs, ...one.total }, null, 2)}\n`);
  });
});

describe('rebuilding only when a source of what runs changed', () => {
  const root = join(scratch, 'checkout');
  const out = join(root, 'out');
  const builtAt = Date.parse('2030-01-01T00:00:00Z');
  const manifest: BuildManifest = {
    builtAt,
    always: ['config.ts', 'package-lock.json'],
    entry: 'main.js',
    chunks: {
      'main.js': { inputs: ['main.ts', 'commands.ts'], imports: [] },
      'diff-1.js': { inputs: ['diff-command.ts'], imports: ['rates-1.js', 'node:fs'] },
      'rates-1.js': { inputs: ['ter.ts'], imports: [] },
      'score-1.js': { inputs: ['score-command.ts'], imports: [] },
      'worker.js': { inputs: ['worker.ts'], imports: ['rates-1.js'] },
    },
    commands: { diff: 'diff-1.js', score: 'score-1.js' },
    others: ['worker.js'],
  };
  const sources = ['config.ts', 'main.ts', 'commands.ts', 'diff-command.ts', 'ter.ts', 'score-command.ts', 'worker.ts'];

  /** A checkout whose sources are all older than its build, but for `changed`, saved after the build began. */
  function checkout(changed?: string): void {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'inputs.json'), JSON.stringify(manifest));
    writeFileSync(join(out, 'main.js'), '');
    for (const source of sources) {
      writeFileSync(join(root, source), '');
      const when = new Date(source === changed ? builtAt + 1000 : builtAt - 60_000);
      utimesSync(join(root, source), when, when);
    }
  }

  it('looks at the command table alone for --help, and at a command’s own chunks and the workers for a command', () => {
    expect([...inputsFor(manifest, ['--help'])].sort()).toEqual(['commands.ts', 'config.ts', 'main.ts', 'package-lock.json']);
    expect([...inputsFor(manifest, ['nosuch'])]).not.toContain('diff-command.ts');
    expect([...inputsFor(manifest, ['diff', 'a', 'b'])].sort()).toEqual([
      'commands.ts',
      'config.ts',
      'diff-command.ts',
      'main.ts',
      'package-lock.json',
      'ter.ts',
      'worker.ts',
    ]);
  });

  it('is fresh when nothing changed, and npm’s lock file may be missing', () => {
    checkout();
    expect(buildIsStale(root, out, ['--help'])).toBe(false);
    expect(buildIsStale(root, out, ['diff', 'a', 'b'])).toBe(false);
  });

  it('rebuilds for a command whose source changed, not for --help or another command', () => {
    checkout('diff-command.ts');
    expect(buildIsStale(root, out, ['diff', 'a', 'b'])).toBe(true);
    expect(buildIsStale(root, out, ['score', 'x.tsv'])).toBe(false);
    expect(buildIsStale(root, out, ['--help'])).toBe(false);
    checkout('commands.ts');
    expect(buildIsStale(root, out, ['--help'])).toBe(true);
    // A module a worker uses counts for every command; so does the configuration.
    checkout('ter.ts');
    expect(buildIsStale(root, out, ['score', 'x.tsv'])).toBe(true);
    checkout('config.ts');
    expect(buildIsStale(root, out, ['score', 'x.tsv'])).toBe(true);
  });

  it('rebuilds when a source vanished, the entry is missing, or there is no manifest of this kind', () => {
    checkout();
    rmSync(join(root, 'worker.ts'));
    expect(buildIsStale(root, out, ['diff'])).toBe(true);
    checkout();
    rmSync(join(out, 'main.js'));
    expect(buildIsStale(root, out, ['--help'])).toBe(true);
    checkout();
    writeFileSync(join(out, 'inputs.json'), JSON.stringify({ builtAt, inputs: ['main.ts'] }));
    expect(buildIsStale(root, out, ['--help'])).toBe(true);
    rmSync(join(out, 'inputs.json'));
    expect(buildIsStale(root, out, ['--help'])).toBe(true);
  });
});
