/**
 * The specs' shared set-up as Playwright fixtures: temporary files, a host serving the bundled sample (one per
 * worker), and a host on a fresh copy of the sample for specs that write to its review.
 */
import { test as base } from '@playwright/test';
import { TempFiles } from './files';
import { startHost, type RunningHost } from './host';

export { expect } from '@playwright/test';

export const test = base.extend<{ files: TempFiles; sampleReview: RunningHost; server: RunningHost }>({
  files: async ({}, use) => {
    const files = new TempFiles();
    await use(files);
    files.remove();
  },
  // `redline serve` with no article: it opens the bundled sample, whose review lives in the host's data folder.
  // One per test: the data folder remembers the reviewer's place, recent files and the sample's flags, and a test
  // must not open where the last one left off.
  server: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  // `redline serve bridge.en.txt --source bridge.zh.txt` on a copy of the sample: the review file starts empty.
  sampleReview: async ({ files }, use) => {
    const host = await startHost(files.sampleCopy('bridge'));
    await use(host);
    await host.stop();
  },
});
