import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// End-to-end tests drive the real app in Debian's Chromium (never a downloaded browser build).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(`No Chromium at ${chromium}. Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to its path.`);
}

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Tests run two at a time, those of one file too: each has its own host, data folder and page, and none reads
  // what another left. Whole files in turn would leave one worker idle while the other ends a long file.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /electron\.spec\.ts/ },
    // The Electron spec launches its own app and browser; it skips itself where Electron's binary is missing.
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
