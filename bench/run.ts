/**
 * `npm run bench`: runs every benchmark section (`bench/*.bench.ts`, each exporting `section`) and prints each
 * figure beside its target. `npm run bench -- NAME` runs only the sections whose file name contains NAME (checks,
 * cli, diff, find, formats, journal, load, paragraph-status, quality-report, review, scoring, suggestions, xliff);
 * `review` runs both sections of a long review: reviewing it, and writing it back into its original
 * (`review-write-back`).
 */
import { readdirSync } from 'node:fs';
import { formatFigure, met, type BenchSection } from './report';

const filter = process.argv.slice(2).join(' ').toLowerCase();
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();
let missed = 0;
for (const file of files) {
  const { section } = (await import(`./${file}`)) as { section: BenchSection };
  console.log(`\n${section.title}`);
  const figures = await section.run();
  for (const f of figures) {
    console.log(formatFigure(f));
    if (met(f) === false) missed += 1;
  }
}
console.log(`\n${missed === 0 ? 'All targets met.' : `${missed} target(s) not met.`}`);
// A missed target fails the run, so that a script or CI job running the benchmarks notices.
if (missed > 0) process.exitCode = 1;
