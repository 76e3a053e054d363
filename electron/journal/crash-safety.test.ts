// Kills a process that is appending to a review file at random moments and checks, after each kill, that the
// review as the app reads it holds every event the process had acknowledged and nothing half-written.
//
// The cost of a kill is almost all the start of a fresh node process (about 0.15 s of CPU), so the test is built to
// be as cheap per kill as it can and to depend on progress, not on the clock:
// - the child is bundled once with esbuild and run on plain node, not compiled again for every start;
// - each child is started ahead of time, while the previous run is being checked;
// - a child is killed once it has acknowledged a chosen number of events (its own pace), not after a fixed sleep;
// - several review files are killed side by side, so one child's disk flush overlaps another's start;
// - the kills are few but spread: each lane is killed after every number of acknowledgements from 0 to the most
//   allowed, in a shuffled order, rather than at random numbers that may bunch up, and the child compacts early
//   enough that kills during and after a compaction happen in every lane's runs;
// - the time limit is the number of kills times what starting a node process costs on this machine right now
//   (measured before the test), so a busy machine gets more time and a fast one less; a child that stops making
//   progress fails its run at once, naming it, rather than running the whole test into its limit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../shared/journal/read-journal';
import { currentText } from '../../shared/journal/review-state';
import { seededRandom } from '../../shared/seeded-random';
import { bundleForNode } from '../test-support/bundle-for-node';

/**
 * Each kill costs a node start-up; past a few dozen, more kills repeat the same moments. 80 kills in 4 lanes give
 * each lane every kill point (0 to MAX_ACKS_BEFORE_KILL acknowledgements) at least twice, and a dozen or so
 * compactions overall.
 */
const KILLS = 80;
/** Review files killed side by side; each is killed KILLS / LANES times in turn. */
const LANES = 4;
/** The most acknowledgements a child is allowed before it is killed (each number from 0 is used in turn). */
const MAX_ACKS_BEFORE_KILL = 8;
/**
 * Time one run may take, from pointing the child at the file to its kill. A run takes a fraction of a second on an
 * idle machine and a few seconds on one loaded several times over; a child still short of its kill after this
 * long is stuck.
 */
const STALL_MS = 30_000;
/**
 * Budget per kill, in node start-ups. A run is one start-up plus a few flushes, opening a review of a few hundred
 * events and checking it; the margin covers the load changing while the test runs.
 */
const BUDGET_PER_KILL_STARTS = 8;
/** Budget per kill however fast the machine seems: the flushes and checks do not shrink with start-up time. */
const MIN_BUDGET_PER_KILL_MS = 500;

/** What starting an empty node process takes here and now: the slowest of three starts in a row. */
function nodeStartMs(): number {
  let slowest = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    slowest = Math.max(slowest, performance.now() - started);
  }
  return slowest;
}
const BUDGET_PER_KILL_MS = Math.max(MIN_BUDGET_PER_KILL_MS, BUDGET_PER_KILL_STARTS * nodeStartMs());
/** Seeds of the runs: run `r` of lane `l` uses SEED + l * 1000 + r, printed when it fails. */
const SEED = 20_250_101;

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-crash-'));
  bundle = join(dir, 'crash-child.mjs');
  await bundleForNode(join(import.meta.dirname, 'crash-child.ts'), bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly acks: readonly string[];
  /** Whether the child said it had compacted the review before it was killed. */
  readonly compacted: boolean;
  readonly stderr: string;
}

interface Child {
  /** Points the child at `file`, kills it after `acksBeforeKill` acknowledgements and returns what it printed. */
  run(file: string, seed: number, acksBeforeKill: number): Promise<Run>;
  stop(): void;
}

/** A child started ahead of time: node's start-up, most of the cost of a run, overlaps with the previous run. */
function startChild(): Child {
  const child = spawn(process.execPath, [bundle], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const closed = new Promise<void>((done, reject) => {
    child.on('error', reject);
    child.on('close', () => done());
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  child.stdout.setEncoding('utf8');
  /** Whole lines printed so far: a line cut by the kill was never a whole acknowledgement. */
  const lines = () => out.slice(0, out.lastIndexOf('\n') + 1).split('\n');
  return {
    stop: () => child.kill('SIGKILL'),
    async run(file, seed, acksBeforeKill) {
      let stalled = false;
      const watchdog = setTimeout(() => {
        stalled = true;
        child.kill('SIGKILL');
      }, STALL_MS);
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const printed = lines();
        if (printed.some((l) => l.startsWith('ready ')) && printed.filter((l) => l.startsWith('ack ')).length >= acksBeforeKill) {
          child.kill('SIGKILL');
        }
      });
      child.stdin.end(`${file} ${seed}\n`);
      await closed;
      clearTimeout(watchdog);
      if (stalled) {
        throw new Error(`the child (seed ${seed}) made no progress for ${STALL_MS / 1000} s; it printed: ${out.slice(-500)}${err}`);
      }
      const printed = lines();
      return { acks: printed.filter((l) => l.startsWith('ack ')), compacted: printed.includes('compacted'), stderr: err };
    },
  };
}

/** What the test has seen acknowledged so far for one review file. */
interface Acknowledged {
  readonly flags: Set<string>;
  readonly lastEdit: Map<string, number>;
  maxAck: number;
  torn: number;
  /** Runs in which the child compacted the review before it was killed. */
  compacted: number;
}

/** The kill points of one lane: every number of acknowledgements from 0 to the most allowed, in shuffled rounds. */
function killPoints(random: () => number, kills: number): number[] {
  const points: number[] = [];
  while (points.length < kills) {
    const round = Array.from({ length: MAX_ACKS_BEFORE_KILL + 1 }, (_, acks) => acks);
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [round[i], round[j]] = [round[j]!, round[i]!];
    }
    points.push(...round);
  }
  return points.slice(0, kills);
}

/** Kills a child appending to `file` `kills` times, checking the review after each kill. */
async function killRepeatedly(file: string, lane: number, kills: number): Promise<Acknowledged> {
  const seen: Acknowledged = { flags: new Set(), lastEdit: new Map(), maxAck: 0, torn: 0, compacted: 0 };
  const points = killPoints(seededRandom(SEED + lane), kills);
  let next = startChild();
  try {
    for (let run = 0; run < kills; run++) {
      const seed = SEED + lane * 1000 + run;
      const finished = next.run(file, seed, points[run]!);
      if (run + 1 < kills) next = startChild();
      await check(`${basename(file)} run ${run} (seed ${seed})`, await finished);
    }
  } finally {
    next.stop();
  }
  return seen;

  async function check(where: string, { acks, compacted, stderr }: Run): Promise<void> {
    expect(stderr, where).toBe('');
    if (compacted) seen.compacted += 1;
    for (const ack of acks) {
      const [, seq, kind, what] = ack.split(' ') as [string, string, string, string];
      seen.maxAck = Math.max(seen.maxAck, Number(seq));
      if (kind === 'flag') seen.flags.add(what);
      else seen.lastEdit.set(what, Math.max(seen.lastEdit.get(what) ?? 0, Number(seq)));
    }

    // Read as the app reads a review on reopening it, without taking part in who owns the file.
    const read = readJournal((await readFile(file)).toString('utf8'), basename(file));
    if (!read.ok) throw new Error(`${where}: ${read.error.code}: ${read.error.message}`);
    const { state, warnings, torn } = read.value;
    // The only thing a kill may leave is one cut-short last line, dropped and reported; nothing else is a warning.
    expect(warnings, where).toHaveLength(torn ? 1 : 0);
    if (torn) seen.torn += 1;
    expect(state.lastSeq, where).toBeGreaterThanOrEqual(seen.maxAck);
    const missing = [...seen.flags].filter((id) => !state.annotations.has(id));
    expect(missing, where).toEqual([]);
    for (const [paragraph, seq] of seen.lastEdit) {
      // Later edits may have landed without being acknowledged; an acknowledged one is never lost.
      const shown = Number(currentText(state, paragraph)?.replace('draft ', ''));
      expect(shown, `${where} ${paragraph}`).toBeGreaterThanOrEqual(seq);
    }
  }
}

describe('crash safety', () => {
  it(
    `after ${KILLS} kills at random moments, every acknowledged event survives and nothing half-written is read`,
    async () => {
      const started = performance.now();
      // Every lane finishes before the folder is removed, even when one fails.
      const settled = await Promise.allSettled(
        Array.from({ length: LANES }, (_, lane) => killRepeatedly(join(dir, `crash-${lane}.redline`), lane, KILLS / LANES)),
      );
      const lanes = settled.map((s) => {
        if (s.status === 'rejected') throw s.reason;
        return s.value;
      });
      // Each lane's children acknowledged events between kills, so the checks above had something to find.
      for (const seen of lanes) expect(seen.maxAck).toBeGreaterThan(KILLS / LANES);
      const acknowledged = lanes.reduce((n, s) => n + s.maxAck, 0);
      const torn = lanes.reduce((n, s) => n + s.torn, 0);
      // Compacting rewrites the whole file; the reads after later kills went through a compacted review.
      const compacted = lanes.reduce((n, s) => n + s.compacted, 0);
      expect(compacted).toBeGreaterThan(0);
      const seconds = (performance.now() - started) / 1000;
      // How often a kill tears a line depends on timing; printed to show whether the repair path was exercised.
      console.log(
        `crash safety: ${KILLS} kills, ${acknowledged} acknowledged events, ${compacted} compactions, ${torn} torn lines dropped, ` +
          `${seconds.toFixed(1)} s ` +
          `(budget ${((KILLS * BUDGET_PER_KILL_MS) / 1000).toFixed(0)} s)`,
      );
    },
    KILLS * BUDGET_PER_KILL_MS,
  );
});
