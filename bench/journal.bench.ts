/**
 * The review file (see journal-child.ts for what is measured): the journal runs built, as in the app, in a process
 * of its own, which prints its figures. Run in this process, after the other sections, the reopening measured the
 * garbage they left as well.
 */
import { spawnSync } from 'node:child_process';
import { builtChild } from './built-child';
import type { BenchSection, Figure } from './report';

export const section: BenchSection = {
  title: 'Review file (journal)',
  async run(): Promise<Figure[]> {
    const child = await builtChild('journal-child');
    const run = spawnSync(process.execPath, [child], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`journal child failed: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figure[];
  },
};
