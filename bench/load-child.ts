/**
 * Loads one article through the review service in a process of its own, so that its memory and event-loop
 * figures are the service's alone, and waits for its new review to be ready: the peak memory covers the whole
 * opening, review included. Prints one JSON line of measurements.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startedService } from './review-client';
import { residentPeak } from './resident-peak';

const file = process.argv[2]!;
const dataDir = mkdtempSync(join(tmpdir(), 'redline-bench-data-'));
const service = await startedService({
  host: 'browser',
  version: 'bench',
  dataDir,
  sample: { path: file, sourcePath: file },
});

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const delay = monitorEventLoopDelay({ resolution: 1 });

const done = new Promise<number>((resolve) => {
  service.onEvent((e) => {
    if (e.type === 'load-progress' && e.done) resolve(performance.now());
  });
});

delay.enable();
const t0 = performance.now();
const opened = await service.openArticle({ path: file });
if (!opened.ok) throw new Error(opened.error.message);
let first = await service.readParagraphs({ reviewId: opened.value.reviewId, start: 0, end: 50 });
while (first.ok && first.value.paragraphs.length < 50) {
  await new Promise((r) => setImmediate(r));
  first = await service.readParagraphs({ reviewId: opened.value.reviewId, start: 0, end: 50 });
}
const tFirst = performance.now();
const tDone = await done;
delay.disable();
// The review opens once the article is loaded; memory is watched until it is ready.
for (;;) {
  const review = await service.getReview({ reviewId: opened.value.reviewId });
  if (!review.ok) throw new Error(review.error.message);
  if (review.value) break;
  await new Promise((r) => setTimeout(r, 5));
}
const tReady = performance.now();
clearInterval(sampler);
peakRss = residentPeak(peakRss);
const total = await service.readParagraphs({ reviewId: opened.value.reviewId, start: 0, end: 0 });
await service.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    firstMs: tFirst - t0,
    wholeMs: tDone - t0,
    readyMs: tReady - t0,
    maxBlockMs: delay.max / 1e6,
    peakRss,
    paragraphs: total.ok ? total.value.loaded : -1,
  }),
);
process.exit(0);
