// Runs every suite the way CI does: type check, lint, format check, unit tests (Vitest), end-to-end tests (Playwright), and prints
// one closing line that adds them up: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'out', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

let passed = 0;
let failed = 0;
let skipped = 0;

const typecheck = run('Type check', 'npm', ['run', '-s', 'typecheck']);
if (typecheck === 0) passed += 1;
else failed += 1;

// The lint rules include the layering rule (shared/ imports no Node, Electron, React, renderer or electron code;
// the renderer never reaches Node, Electron or electron/; only the shell imports Electron).
const lint = run('Lint (oxlint)', 'npm', ['run', '-s', 'lint']);
if (lint === 0) passed += 1;
else failed += 1;

const format = run('Format (Prettier)', 'npm', ['run', '-s', 'format:check']);
if (format === 0) passed += 1;
else failed += 1;

const unitReport = join(reports, 'vitest.json');
const unitStatus = run('Unit tests (Vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
if (existsSync(unitReport)) {
  const r = JSON.parse(readFileSync(unitReport, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A file that fails to load, or an unhandled error, fails the run without a failed test of its own.
  if (unitStatus !== 0 && r.numFailedTests === 0) failed += Math.max(1, r.numFailedTestSuites);
} else {
  failed += 1;
}

const build = run('Build the renderer', 'npm', ['run', '-s', 'build:renderer']);
if (build !== 0) failed += 1;

const e2eReport = join(reports, 'playwright.json');
if (build === 0) {
  const e2eStatus = run('End-to-end tests (Playwright)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
  if (existsSync(e2eReport)) {
    const r = JSON.parse(readFileSync(e2eReport, 'utf8'));
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    // A crash outside any test (a worker, a global set-up) fails the run all the same.
    if (e2eStatus !== 0 && r.stats.unexpected === 0) failed += 1;
    skipped += r.stats.skipped;
  } else {
    failed += 1;
  }
}

console.log('');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
