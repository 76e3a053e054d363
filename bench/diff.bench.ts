/**
 * Text diff and version comparison: a word diff of a long paragraph pair, against diff-match-patch in word
 * mode (words mapped to characters, its fastest use) and jsdiff in the same run, and the comparison of a
 * generated 100,000-paragraph news article (see article-generator.ts) with 5% of its paragraphs post-edited.
 * The command line's `diff` on whole files is measured in cli.bench.ts.
 */
import DiffMatchPatch from 'diff-match-patch';
import { diffArrays, diffWords as jsdiffWords } from 'diff';
import { compareRows, type ComparedParagraph } from '../shared/diff/compare-rows';
import { diffWords } from '../shared/diff/text-diff';
import { tokenizeWords } from '../shared/diff/tokenize';
import { generateParagraphs, postEdit } from './article-generator';
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

function compareFigures(): Figure[] {
  const count = 100_000;
  const texts = generateParagraphs({ seed: 11, paragraphs: count });
  const post = postEdit(texts, { seed: 12, share: 0.05 });
  const edited = post.edited;
  const left: ComparedParagraph[] = texts.map((text, i) => ({ id: `p${i + 1}`, text }));
  const right: ComparedParagraph[] = post.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }));
  // Fresh strings on the right, as a loaded version would have: equal texts must be compared, not shared.
  const rightCopy = right.map((p) => ({ id: p.id, text: (' ' + p.text).slice(1) }));
  compareRows(left.slice(0, 2000), rightCopy.slice(0, 2000));
  // Median of three whole comparisons: one run can fall on a moment when other processes hold the cores.
  const times: number[] = [];
  let result = compareRows(left.slice(0, 1), rightCopy.slice(0, 1));
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    result = compareRows(left, rightCopy);
    times.push(performance.now() - t0);
  }
  return [
    {
      name: 'compare rows, 100,000 paragraphs, 5% edited (median of 3)',
      value: median(times),
      unit: 'ms',
      target: { op: '<=', value: 1000 },
    },
    {
      name: 'paragraphs diffed (must equal paragraphs edited)',
      value: result.diffed,
      unit: 'paragraphs',
      target: { op: '<=', value: edited },
      note: `${edited} edited, ${result.changedIndices.length} rows changed`,
    },
  ];
}

export const section: BenchSection = {
  title: 'Text diff and version comparison',
  async run() {
    return [...wordDiffFigures(), ...compareFigures()];
  },
};
