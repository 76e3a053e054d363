/**
 * The command line as a user runs it: how long `--help` takes to answer, beside `node -e 0` (a Node process
 * that does nothing), with the part of it npm itself takes, and `diff --json` on two versions of a
 * 100,000-paragraph article, beside
 * `git diff --no-index --word-diff` on the same two files. Each is a process of its own, timed from outside;
 * the contenders take turns, so that load from other processes falls on all of them alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { articleText, generateParagraphs, postEdit } from './article-generator';
import { median, type BenchSection, type Figure } from './report';

const root = join(import.meta.dirname, '..');
const launcher = join(root, 'electron', 'cli', 'launch.mjs');
const bundle = join(root, 'out', 'cli', 'main.js');
const PARAGRAPHS = 100_000;
/** Share of paragraphs the post-editor rewrote. */
const EDITED = 0.1;
const START_RUNS = 7;
const DIFF_RUNS = 3;

/**
 * Reports the process's peak memory and CPU time (all its threads) on stderr as it exits, without changing what it
 * runs. The peak is Linux's VmHWM, the process's own (see resident-peak.ts); `maxRSS` where there is none.
 */
const REPORT_PEAK =
  'data:text/javascript,import{readFileSync}from"node:fs";process.on("exit",()=>{const u=process.resourceUsage();let kb=u.maxRSS;try{kb=Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status","utf8"))[1])}catch{}process.stderr.write(`\\npeak-rss ${kb} cpu-us ${u.userCPUTime+u.systemCPUTime}\\n`)})';

interface Run {
  readonly ms: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function timed(command: string, args: readonly string[], cwd = root): Run {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function startFigures(): Figure[] {
  // Build the whole command line now, so that no timed run pays for a build and the diff timed below is the diff
  // of these sources (the launcher checks only the sources of the command it starts).
  const built = timed('npm', ['run', '-s', 'build:cli']);
  if (built.status !== 0) throw new Error(`the command line did not build: ${built.stderr}`);
  const started = timed(process.execPath, [launcher, '--help']);
  if (started.status !== 0) throw new Error(`the command line did not start: ${started.stderr}`);
  const node: number[] = [];
  const npm: number[] = [];
  const npmNothing: number[] = [];
  const launch: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < START_RUNS; i++) {
    node.push(timed(process.execPath, ['-e', '0']).ms);
    npm.push(timed('npm', ['run', '-s', 'cli', '--', '--help']).ms);
    npmNothing.push(timed('npm', ['run', '-s', 'env']).ms);
    launch.push(timed(process.execPath, [launcher, '--help']).ms);
    direct.push(timed(process.execPath, [bundle, '--help']).ms);
  }
  const nodeMs = median(node);
  const npmMs = median(npm);
  const nothingMs = median(npmNothing);
  const launchMs = median(launch);
  const directMs = median(direct);
  // What `npm run` adds before our script starts: the whole call less the same script run by node directly.
  const npmShareMs = Math.max(0, npmMs - launchMs);
  return [
    { name: 'node -e 0 (anchor)', value: nodeMs, unit: 'ms' },
    {
      name: 'npm run -s cli -- --help, ratio to node -e 0',
      value: npmMs / nodeMs,
      unit: 'x',
      target: { op: '<=', value: 3 },
      note: `${npmMs.toFixed(0)} ms = npm's share ${npmShareMs.toFixed(0)} ms + ours ${launchMs.toFixed(0)} ms, below`,
    },
    {
      name: "  npm's share: the call less node launch.mjs --help",
      value: npmShareMs / nodeMs,
      unit: 'x',
      note: `${npmShareMs.toFixed(0)} ms; npm running a script that does nothing (npm run -s env) takes ${(nothingMs / nodeMs).toFixed(1)}x alone`,
    },
    {
      name: '  ours: node electron/cli/launch.mjs --help',
      value: launchMs / nodeMs,
      unit: 'x',
      note: `${launchMs.toFixed(0)} ms: the check that the build is fresh, then the command line`,
    },
    {
      name: 'node out/cli/main.js --help, ratio to node -e 0',
      value: directMs / nodeMs,
      unit: 'x',
      target: { op: '<=', value: 3 },
      note: `${directMs.toFixed(0)} ms`,
    },
  ];
}

function diffFigures(): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'redline-bench-cli-'));
  try {
    const original = generateParagraphs({ seed: 31, paragraphs: PARAGRAPHS });
    const edited = postEdit(original, { seed: 32, share: EDITED });
    writeFileSync(join(dir, 'mt.txt'), articleText(original));
    writeFileSync(join(dir, 'edited.txt'), articleText(edited.paragraphs));
    const megabytes = statSync(join(dir, 'mt.txt')).size / 1e6;
    const ours: number[] = [];
    const git: number[] = [];
    const cpu: number[] = [];
    let peak = 0;
    for (let i = 0; i < DIFF_RUNS; i++) {
      const g = timed('git', ['diff', '--no-index', '--word-diff', 'mt.txt', 'edited.txt'], dir);
      // git diff exits 1 when the files differ, as they do here.
      if (g.status !== 1) throw new Error(`git diff failed: ${g.stderr}`);
      git.push(g.ms);
      const r = timed(process.execPath, ['--import', REPORT_PEAK, bundle, 'diff', 'mt.txt', 'edited.txt', '--json'], dir);
      if (r.status !== 0) throw new Error(`redline diff failed: ${r.stderr}`);
      const rows = (JSON.parse(r.stdout) as { paragraphs: unknown[] }).paragraphs.length;
      if (rows !== PARAGRAPHS) throw new Error(`redline diff gave ${rows} rows, expected ${PARAGRAPHS}`);
      ours.push(r.ms);
      peak = Math.max(peak, Number(/peak-rss (\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024);
      cpu.push(Number(/cpu-us (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1000);
    }
    const oursMs = median(ours);
    const gitMs = median(git);
    return [
      {
        name: `diff --json, ${PARAGRAPHS.toLocaleString('en')} paragraphs (${megabytes.toFixed(0)} MB), ${EDITED * 100}% post-edited`,
        value: oursMs,
        unit: 'ms',
        note: `median of ${DIFF_RUNS}; ${edited.edited.toLocaleString('en')} paragraphs edited; CPU ${median(cpu).toFixed(0)} ms over its threads`,
      },
      {
        name: 'diff --json, ratio to git diff --no-index --word-diff',
        value: oursMs / gitMs,
        unit: 'x',
        target: { op: '<=', value: 3 },
        note: `git ${gitMs.toFixed(0)} ms on the same files`,
      },
      { name: 'diff --json, peak memory (whole process)', value: peak / 1e6, unit: 'MB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const section: BenchSection = {
  title: 'Command line',
  async run() {
    return [...startFigures(), ...diffFigures()];
  },
};
