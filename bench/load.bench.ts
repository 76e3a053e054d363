/**
 * Opening a long article: a generated 100,000-paragraph news article (about 66 MB: English with one paragraph in
 * ten in Chinese) loaded by the review service in a process of its own, beside the least any reader must do:
 * read the file and split it at blank lines (fs.readFile, then String.split), in a process of its own too.
 * An all-Chinese article of as many paragraphs is loaded once as well. The service runs built, as in the app.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleText, generateParagraphs } from './article-generator';
import { builtChild } from './built-child';
import { median, type BenchSection, type Figure } from './report';

const PARAGRAPHS = 100_000;
const RUNS = 3;

function generate(path: string, language: 'mixed' | 'chinese'): void {
  writeFileSync(path, articleText(generateParagraphs({ seed: language === 'mixed' ? 21 : 22, paragraphs: PARAGRAPHS, language })));
}

/** The naive reader, in a fresh process as the service is, timed from its first line to the split article. */
const NAIVE = `
const t0 = performance.now();
require('node:fs').readFile(process.argv[1], 'utf8', (err, text) => {
  if (err) throw err;
  const paragraphs = text.split(/\\n[ \\t]*\\n/).filter((p) => p.trim() !== '').length;
  console.log(JSON.stringify({ ms: performance.now() - t0, paragraphs }));
});`;

function naiveLoad(file: string): number {
  const r = spawnSync(process.execPath, ['-e', NAIVE, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`naive reader failed: ${r.stderr}`);
  const { ms, paragraphs } = JSON.parse(r.stdout) as { ms: number; paragraphs: number };
  if (paragraphs !== PARAGRAPHS) throw new Error(`naive reader found ${paragraphs} paragraphs, expected ${PARAGRAPHS}`);
  return ms;
}

function serviceLoad(child: string, file: string): ChildFigures {
  const run = spawnSync(process.execPath, [child, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`load child failed: ${run.stderr}`);
  const figures = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildFigures;
  if (figures.paragraphs !== PARAGRAPHS) throw new Error(`loaded ${figures.paragraphs} paragraphs, expected ${PARAGRAPHS}`);
  return figures;
}

interface ChildFigures {
  readonly firstMs: number;
  readonly wholeMs: number;
  /** Open request to the new review ready. */
  readonly readyMs: number;
  readonly maxBlockMs: number;
  readonly peakRss: number;
  readonly paragraphs: number;
}

export const section: BenchSection = {
  title: 'Opening a long article (100,000 paragraphs)',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'redline-bench-load-'));
    const file = join(dir, 'long.txt');
    const chinese = join(dir, 'chinese.txt');
    try {
      const child = await builtChild('load-child');
      generate(file, 'mixed');
      generate(chinese, 'chinese');
      const bytes = statSync(file).size;
      const runs: ChildFigures[] = [];
      const naiveMs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        naiveMs.push(naiveLoad(file));
        runs.push(serviceLoad(child, file));
      }
      const chineseRun = serviceLoad(child, chinese);
      const chineseMb = statSync(chinese).size / 1e6;
      const whole = median(runs.map((r) => r.wholeMs));
      const naive = median(naiveMs);
      const mb = bytes / 1e6;
      const peak = Math.max(...runs.map((r) => r.peakRss));
      return [
        {
          name: 'first 50 paragraphs available after the open request',
          value: median(runs.map((r) => r.firstMs)),
          unit: 'ms',
          target: { op: '<=', value: 150 },
        },
        { name: `whole article loaded (${mb.toFixed(1)} MB)`, value: whole, unit: 'ms', target: { op: '<=', value: 1500 } },
        {
          name: 'whole article loaded, ratio to naive read-and-split',
          value: whole / naive,
          unit: 'x',
          note: `fs.readFile and split at blank lines: ${naive.toFixed(0)} ms, ${(mb / (naive / 1000)).toFixed(0)} MB/s; the service reads ${(mb / (whole / 1000)).toFixed(0)} MB/s`,
        },
        {
          name: `whole all-Chinese article loaded (${chineseMb.toFixed(1)} MB)`,
          value: chineseRun.wholeMs,
          unit: 'ms',
          target: { op: '<=', value: 1500 },
        },
        {
          name: 'longest block of the event loop while loading',
          value: Math.max(...runs.map((r) => r.maxBlockMs), chineseRun.maxBlockMs),
          unit: 'ms',
          target: { op: '<=', value: 50 },
        },
        {
          name: 'peak memory of the service until its review is ready (whole process RSS)',
          value: peak / 1e6,
          unit: 'MB',
          target: { op: '<=', value: (5 * bytes) / 1e6 },
          note: `${(peak / bytes).toFixed(1)}x the file's size; target 5x, the service's whole budget with the review`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
