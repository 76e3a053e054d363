// Two Redline processes on one article: real services in spawned processes, not mocks. The second must open the
// review read-only and have every change refused, and the review must keep every change the first acknowledged,
// also when both start at the same instant.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../shared/journal/read-journal';
import { annotationList } from '../../shared/journal/review-state';
import { bundleForNode } from '../test-support/bundle-for-node';

/**
 * Same-instant rounds: each is a fresh pair of processes racing for the lock on a fresh article. Two batches of four
 * side by side make the pairs start while other pairs are busy starting, writing and exiting, the moments a race
 * would show; more rounds repeat the same moments at the cost of two node start-ups each.
 */
const ROUNDS = 8;
/** Same-instant rounds run side by side (each a pair of processes). */
const ROUNDS_AT_ONCE = 4;

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-two-writers-'));
  bundle = join(dir, 'writer-child.mjs');
  await bundleForNode(join(import.meta.dirname, 'test-support', 'writer-child.ts'), bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Writer {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the next line the child prints that starts with one of `prefixes`. */
  next(...prefixes: string[]): Promise<string>;
  readonly lines: string[];
  send(line: string): void;
}

function startWriter(dataDir: string, article: string): Writer {
  const child = spawn(process.execPath, [bundle, dataDir, article], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { prefixes: string[]; done: (line: string) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    const i = waiters.findIndex((w) => w.prefixes.some((p) => line.startsWith(p)));
    if (i >= 0) waiters.splice(i, 1)[0]!.done(line);
  });
  return {
    child,
    lines,
    next: (...prefixes) =>
      new Promise((done, fail) => {
        waiters.push({ prefixes, done });
        child.once('exit', (code) =>
          fail(new Error(`the writer exited (${String(code)}) before printing ${prefixes.join('/')}: ${stderr}`)),
        );
      }),
    send: (line) => child.stdin.write(`${line}\n`),
  };
}

async function flagsInReview(reviewPath: string): Promise<string[]> {
  const read = readJournal(await readFile(reviewPath, 'utf8'), 'review');
  if (!read.ok) throw new Error(read.error.message);
  return annotationList(read.value.state).map((a) => a.comment);
}

function article(name: string): { dataDir: string; path: string; review: string } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const path = join(folder, 'ferry.txt');
  writeFileSync(path, 'The river ferry will stop running.\n\nA new bridge will replace it.\n');
  return { dataDir: join(folder, 'data'), path, review: join(folder, 'ferry.redline') };
}

/** Sends `count` flags to each writer, alternating, and waits for every answer. */
async function flagBoth(a: Writer, b: Writer, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    a.send(`flag a${i}`);
    b.send(`flag b${i}`);
  }
  for (const w of [a, b]) {
    w.send('close');
    await w.next('closed');
  }
}

describe('two Redline processes on one review', () => {
  it('the second opens it read-only, every change it tries is refused, and the first loses nothing', async () => {
    const { dataDir, path, review } = article('one-after-other');
    const first = startWriter(dataDir, path);
    expect(await first.next('ready', 'failed')).toBe('ready writable');
    const second = startWriter(dataDir, path);
    expect(await second.next('ready', 'failed')).toBe('ready read-only');
    await flagBoth(first, second, 30);
    const acked = first.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
    expect(acked).toHaveLength(30);
    expect(second.lines.filter((l) => l.startsWith('ack '))).toEqual([]);
    expect(second.lines.filter((l) => l.startsWith('refused '))).toHaveLength(30);
    expect(second.lines.every((l) => !l.startsWith('refused ') || l.endsWith(' locked'))).toBe(true);
    expect(await flagsInReview(review)).toEqual(acked);
  });

  it(`started at the same instant, ${ROUNDS} times: one writes, the other is read-only, nothing acknowledged is lost`, async () => {
    // Rounds run a few at a time on separate articles: each pair still starts at one instant.
    const rounds = Array.from({ length: ROUNDS }, (_, round) => round);
    for (let batch = 0; batch < rounds.length; batch += ROUNDS_AT_ONCE) {
      await Promise.all(rounds.slice(batch, batch + ROUNDS_AT_ONCE).map(sameInstant));
    }
    async function sameInstant(round: number): Promise<void> {
      const { dataDir, path, review } = article(`same-instant-${round}`);
      const pair = [startWriter(dataDir, path), startWriter(dataDir, path)] as const;
      const states = await Promise.all(pair.map((w) => w.next('ready', 'failed')));
      expect(states.toSorted(), `round ${round}`).toEqual(['ready read-only', 'ready writable']);
      await flagBoth(pair[0], pair[1], 5);
      const acked = pair.flatMap((w) => w.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)));
      expect(acked, `round ${round}`).toHaveLength(5);
      expect(await flagsInReview(review), `round ${round}`).toEqual(acked);
    }
  });
});
