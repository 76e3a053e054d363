/**
 * Text diff and version comparison: a word diff of a long paragraph pair, against diff-match-patch in word
 * mode (words mapped to characters, its fastest use) and jsdiff in the same run, and the comparison of a
 * generated 100,000-paragraph news article with 5% of its paragraphs post-edited (see compare-child.ts).
 * The command line's `diff` on whole files is measured in cli.bench.ts.
 */
import { spawnSync } from 'node:child_process';
import DiffMatchPatch from 'diff-match-patch';
import { diffArrays, diffWords as jsdiffWords } from 'diff';
import { diffWords } from '../shared/diff/text-diff';
import { tokenizeWords } from '../shared/diff/tokenize';
import { builtChild } from './built-child';
import { median, type BenchSection, type Figure } from './report';
import { seededRandom } from '../shared/seeded-random';

const SYLLABLES = ['ka', 'lo', 'mer', 'tin', 'sa', 'ro', 'ven', 'di', 'po', 'lan', 'te', 'ris', 'mo', 'nu', 'gal'];

/** A vocabulary with a few very common words, as in real prose (a skewed pick from it below). */
function vocabulary(rand: () => number, size: number): string[] {
  const words = ['the', 'a', 'of', 'and', 'to', 'in', 'is', 'that', 'it', 'was'];
  while (words.length < size) {
    const n = 1 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.push(w);
  }
  return words;
}

function pick(rand: () => number, words: readonly string[]): string {
  return words[Math.floor(words.length * rand() ** 2.5)]!;
}

/** A paragraph of `count` words with commas and full stops, and its word list. */
function paragraph(rand: () => number, words: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = pick(rand, words);
    const r = rand();
    if (r < 0.06) w += ',';
    else if (r < 0.1) w += '.';
    out.push(w);
  }
  return out;
}

/** Changes `share` of the words: mostly replaced, some deleted, some with a word inserted after them. */
function edit(rand: () => number, words: readonly string[], text: readonly string[], share: number): string[] {
  const out: string[] = [];
  for (const w of text) {
    if (rand() >= share) {
      out.push(w);
      continue;
    }
    const r = rand();
    if (r < 0.7) out.push(pick(rand, words));
    else if (r < 0.85) continue;
    else out.push(w, pick(rand, words));
  }
  return out;
}

/** diff-match-patch in word mode: each distinct token becomes one character, diffed, then mapped back. */
function dmpWordDiff(dmp: DiffMatchPatch, a: string, b: string): Array<[number, string]> {
  const ids = new Map<string, string>();
  const table: string[] = [];
  const encode = (tokens: readonly string[]): string => {
    let s = '';
    for (const t of tokens) {
      let c = ids.get(t);
      if (c === undefined) {
        c = String.fromCharCode(table.length);
        ids.set(t, c);
        table.push(t);
      }
      s += c;
    }
    return s;
  };
  const diffs = dmp.diff_main(encode(tokenizeWords(a)), encode(tokenizeWords(b)), false);
  dmp.diff_charsToLines_(diffs, table);
  return diffs;
}

function timeEach(pairs: ReadonlyArray<readonly [string, string]>, fn: (a: string, b: string) => unknown): number[] {
  const times: number[] = [];
  for (const [a, b] of pairs) {
    const t0 = performance.now();
    fn(a, b);
    times.push(performance.now() - t0);
  }
  return times;
}

function wordDiffFigures(): Figure[] {
  const rand = seededRandom(7);
  const words = vocabulary(rand, 3000);
  const pairs: Array<readonly [string, string]> = [];
  for (let i = 0; i < 200; i++) {
    const text = paragraph(rand, words, 1000);
    pairs.push([text.join(' '), edit(rand, words, text, 0.1).join(' ')]);
  }
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const jsdiffArrays = (a: string, b: string): unknown => {
    const ids = new Map<string, number>();
    const intern = (t: string): number => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      return id;
    };
    return diffArrays(tokenizeWords(a).map(intern), tokenizeWords(b).map(intern));
  };
  // Warm up every contender so the JIT has compiled each before it is timed, then interleave rounds so
  // that load from other processes falls on all of them alike.
  for (const [a, b] of pairs.slice(0, 30)) {
    diffWords(a, b);
    dmpWordDiff(dmp, a, b);
    jsdiffArrays(a, b);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 3; round++) {
    ours.push(...timeEach(pairs, (a, b) => diffWords(a, b)));
    theirs.push(...timeEach(pairs, (a, b) => dmpWordDiff(dmp, a, b)));
  }
  const oursMs = median(ours);
  const dmpMs = median(theirs);
  const arraysMs = median(timeEach(pairs.slice(0, 60), jsdiffArrays));
  const plainMs = median(timeEach(pairs.slice(0, 20), (a, b) => jsdiffWords(a, b)));
  return [
    { name: 'word diff, 1,000-word pair, 10% of words changed (median)', value: oursMs, unit: 'ms', target: { op: '<=', value: 2 } },
    {
      name: 'ratio to diff-match-patch word mode, same pairs and run',
      value: oursMs / dmpMs,
      unit: 'x',
      target: { op: '<=', value: 1 },
      note: `diff-match-patch ${dmpMs.toFixed(2)} ms`,
    },
    { name: 'jsdiff diffArrays on interned token ids (same pairs)', value: arraysMs, unit: 'ms' },
    { name: 'jsdiff diffWords, plain call (same pairs)', value: plainMs, unit: 'ms' },
  ];
}

/**
 * The comparison of a long article, measured as the app runs it: built, in a process of its own (see
 * compare-child.ts). Run here, after the other sections, it measured the garbage they left as well.
 */
async function compareFigures(): Promise<Figure[]> {
  const child = await builtChild('compare-child');
  const run = spawnSync(process.execPath, [child], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`compare child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figure[];
}

export const section: BenchSection = {
  title: 'Text diff and version comparison',
  async run() {
    return [...wordDiffFigures(), ...(await compareFigures())];
  },
};
