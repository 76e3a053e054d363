/**
 * Reviewing a long article (see review-child.ts for what is measured): the service runs built, as in the app, in a
 * process of its own, which prints its figures.
 */
import { spawnSync } from 'node:child_process';
import { builtChild } from './built-child';
import type { BenchSection, Figure } from './report';

export const section: BenchSection = {
  title: 'Reviewing a long article (100,000 paragraphs)',
  async run(): Promise<Figure[]> {
    const child = await builtChild('review-child');
    const run = spawnSync(process.execPath, [child], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`review child failed: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figure[];
  },
};
