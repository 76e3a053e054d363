import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { articleRates } from '../../shared/diff/article-rates';
import { seededRandom } from '../../shared/seeded-random';
import { EarlyRates, parallelRates, RateWorker } from './parallel-rates';
import { writeRatesJson } from './rates-json';

/** The worker from its TypeScript source, which it loads through the TypeScript loader the benchmarks use. */
const source = new URL('./diff-worker.ts', import.meta.url).href;
const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`, {
  eval: true,
});
afterAll(() => worker.terminate());

const WORDS = [
  'the',
  'council',
  'approved',
  'budget',
  'on',
  'Tuesday',
  'after',
  'long',
  'debate',
  'harbour',
  'bridge',
  'said',
  '“late”',
  'Bridge,',
];

/**
 * Two versions of an article: paragraphs kept, reworded, moved about within, removed and added, some empty
 * of words, some Chinese; enough of them that both threads take a share.
 */
function versions(seed: number, paragraphs: number): [string[], string[]] {
  const rand = seededRandom(seed);
  const sentence = (n: number): string[] => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  const old: string[] = [];
  const edited: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const words = sentence(5 + Math.floor(rand() * 40));
    const text = rand() < 0.05 ? '北京今天下雨了，明天会放晴。' : words.join(' ');
    const r = rand();
    old.push(text);
    if (r < 0.4) edited.push(text);
    else if (r < 0.75) {
      const changed = [...words];
      for (let e = 0; e < 1 + Math.floor(rand() * 6); e++)
        changed[Math.floor(rand() * changed.length)] = WORDS[Math.floor(rand() * WORDS.length)]!;
      edited.push(changed.join(' '));
    } else if (r < 0.85) edited.push([...words.slice(words.length >> 1), ...words.slice(0, words.length >> 1)].join('  '));
    else if (r < 0.9) edited.push('');
    else if (r < 0.95) edited.push(text, sentence(12).join(' '));
    // else: removed in the new version
  }
  return [old, edited];
}

function json(rates: Parameters<typeof writeRatesJson>[0]): string {
  let out = '';
  writeRatesJson(rates, (piece) => (out += piece));
  return out;
}

describe('edit rates on two threads', () => {
  it('gives byte for byte the JSON of one thread, the worker having rated part of the changed paragraphs', async () => {
    for (const unit of ['word', 'char'] as const) {
      const [old, edited] = versions(unit === 'word' ? 5 : 6, unit === 'word' ? 1200 : 200);
      const alone = articleRates(old, edited, unit);
      const rater = new RateWorker(worker, unit, old, edited);
      const shared = await parallelRates(old, edited, unit, rater);
      rater.close();
      expect(shared.byWorker).toBeGreaterThan(0);
      expect(json(shared.rates)).toBe(json(alone));
    }
  });

  it('uses what the worker rated while the new version was read, and pays no heed to pairs not made', async () => {
    // Paragraphs are offered as they arrive, paired by position; the added and removed ones shift the pairs.
    for (const [seed, count] of [
      [8, 1200],
      [9, 300],
    ] as const) {
      const [old, edited] = versions(seed, count);
      const arriving: string[] = [];
      const rater = new RateWorker(worker, 'word', old, arriving);
      const early = new EarlyRates(rater, old, arriving);
      for (const text of edited) {
        arriving.push(text);
        early.offer(arriving.length - 1);
        if (arriving.length % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      early.stop();
      await rater.settle();
      expect(rater.answered.size).toBeGreaterThan(0);
      const shared = await parallelRates(old, arriving, 'word', rater);
      rater.close();
      expect(json(shared.rates)).toBe(json(articleRates(old, edited, 'word')));
    }
  });

  it('finishes in this thread what a worker that fails leaves undone', async () => {
    const [old, edited] = versions(7, 400);
    const broken = new RateWorker(new Worker('process.exit(3)', { eval: true }), 'word', old, edited);
    const shared = await parallelRates(old, edited, 'word', broken);
    expect(shared.byWorker).toBe(0);
    expect(json(shared.rates)).toBe(json(articleRates(old, edited, 'word')));
  });
});
