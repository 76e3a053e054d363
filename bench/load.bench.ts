/**
 * Opening a long article: a generated 100,000-paragraph article (about 20 MB) loaded by the review service in a
 * process of its own. Also reports how the reader's throughput compares with `cat FILE > /dev/null`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type BenchSection, type Figure } from './report';

const PARAGRAPHS = 100_000;
const RUNS = 3;

function generate(path: string): void {
  const words = 'the committee approved a revised budget for the harbour bridge after months of public debate about costs and safety'.split(' ');
  const parts: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    const n = 20 + (i % 17) * 2;
    const sentence: string[] = [];
    for (let w = 0; w < n; w++) sentence.push(words[(i * 7 + w * 3) % words.length]!);
    parts.push(`${i + 1}. ${sentence.join(' ')}.`);
  }
  writeFileSync(path, `${parts.join('\n\n')}\n`);
}

interface ChildFigures {
  readonly firstMs: number;
  readonly wholeMs: number;
  readonly maxBlockMs: number;
  readonly peakRss: number;
  readonly paragraphs: number;
}

export const section: BenchSection = {
  title: 'Opening a long article (100,000 paragraphs)',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'redline-bench-load-'));
    const file = join(dir, 'long.txt');
    try {
      generate(file);
      const bytes = statSync(file).size;
      const runs: ChildFigures[] = [];
      const catMs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        spawnSync('sh', ['-c', `cat "${file}" > /dev/null`]);
        catMs.push(performance.now() - t);
        const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load-child.ts'), file], {
          encoding: 'utf8',
        });
        if (child.status !== 0) throw new Error(`load child failed: ${child.stderr}`);
        const figures = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildFigures;
        if (figures.paragraphs !== PARAGRAPHS) throw new Error(`loaded ${figures.paragraphs} paragraphs, expected ${PARAGRAPHS}`);
        runs.push(figures);
      }
      const whole = median(runs.map((r) => r.wholeMs));
      const cat = median(catMs);
      const mb = bytes / 1e6;
      const peak = Math.max(...runs.map((r) => r.peakRss));
      return [
        { name: 'first 50 paragraphs available after the open request', value: median(runs.map((r) => r.firstMs)), unit: 'ms', target: { op: '<=', value: 150 } },
        { name: `whole article loaded (${mb.toFixed(1)} MB)`, value: whole, unit: 'ms', target: { op: '<=', value: 1500 } },
        {
          name: 'reader throughput',
          value: mb / (whole / 1000),
          unit: 'MB/s',
          note: `cat FILE > /dev/null: ${(mb / (cat / 1000)).toFixed(0)} MB/s in ${cat.toFixed(1)} ms; the reader takes ${(whole / cat).toFixed(1)}x as long`,
        },
        { name: 'longest block of the event loop while loading', value: Math.max(...runs.map((r) => r.maxBlockMs)), unit: 'ms', target: { op: '<=', value: 50 } },
        {
          name: 'peak memory of the service (whole process RSS)',
          value: peak / 1e6,
          unit: 'MB',
          target: { op: '<=', value: (10 * bytes) / 1e6 },
          note: `${(peak / bytes).toFixed(1)}x the file's size; target 10x`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
