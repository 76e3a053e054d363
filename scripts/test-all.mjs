// Runs every suite the way CI does: type check, lint, format check, unit tests (Vitest), end-to-end tests (Playwright), and prints
// one closing line that adds them up: `N passed, N failed`.
//
// The type check, lint and format check run beside the unit tests, which leave the cores idle while they wait on
// child processes and the disk; the format check keeps Prettier's cache of files already found formatted, keyed by
// their content. The renderer is built after the unit tests, never beside them: the test of `npm start` builds it
// into the same folder. The command line the end-to-end tests' hosts run is then brought up to date once, not by
// each worker's first host. The end-to-end tests run last, on that build. (Running them beside the unit tests
// was measured slower on two cores: both suites together use more processor time than one after the other.) Each step's output is
// shown whole and in the order above: the first unfinished step is shown as it runs, the others are held until it
// ends.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'out', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** The steps in the order their output is shown. */
const shown = [];

/** Shows the output of every step up to the first that is still running, and that one's output as it comes. */
function showReady() {
  while (shown.length > 0) {
    const step = shown[0];
    if (!step.live) {
      step.live = true;
      process.stdout.write(`\n=== ${step.title} ===\n`);
    }
    for (const chunk of step.held.splice(0)) process.stdout.write(chunk);
    if (!step.done) return;
    shown.shift();
  }
}

/**
 * Starts a step once `after` (a step it waits for) resolves to 0; any other value is the reason it is not run, and
 * the step then resolves to null. Otherwise it resolves with the step's exit status. Its output, stdout (unless
 * `showStdout` is false) and stderr together, is shown once every step listed before it has been shown.
 */
function step(title, command, args, { env = {}, after = Promise.resolve(0), showStdout = true } = {}) {
  const entry = { title, held: [], live: false, done: false };
  shown.push(entry);
  return after.then(
    (ready) =>
      new Promise((resolve) => {
        if (ready !== 0) {
          entry.held.push(`Not run: ${ready}\n`);
          entry.done = true;
          showReady();
          resolve(null);
          return;
        }
        const child = spawn(command, args, {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
          // Tools colour their output only when they see a terminal; tell them whether the output is one.
          env: { ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), ...process.env, ...env },
        });
        const take = (chunk) => {
          entry.held.push(chunk);
          if (entry.live) showReady();
        };
        const finish = (code) => {
          if (entry.done) return;
          entry.done = true;
          showReady();
          resolve(code);
        };
        if (showStdout) child.stdout.on('data', take);
        else child.stdout.resume();
        child.stderr.on('data', take);
        child.on('error', (error) => {
          take(`${error.message}\n`);
          finish(1);
        });
        child.on('close', (code) => finish(code ?? 1));
        showReady();
      }),
  );
}

const unitReport = join(reports, 'vitest.json');
const e2eReport = join(reports, 'playwright.json');

const typecheck = step('Type check', 'npm', ['run', '-s', 'typecheck']);
// The lint rules include the layering rule (shared/ imports no Node, Electron, React, renderer or electron code;
// the renderer never reaches Node, Electron or electron/; only the shell imports Electron).
const lint = step('Lint (oxlint)', 'npm', ['run', '-s', 'lint']);
const format = step('Format (Prettier)', 'npm', ['run', '-s', 'format:check', '--', '--cache', '--cache-strategy', 'content']);
const unit = step('Unit tests (Vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
const build = step('Build the renderer', 'npm', ['run', '-s', 'build:renderer'], { after: unit.then(() => 0) });
// The launcher rebuilds the command line when a source of `serve` changed; its usage text is not shown.
const cli = step('Build the command line (when out of date)', process.execPath, ['electron/cli/launch.mjs', 'serve', '--help'], {
  after: build.then(() => 0),
  showStdout: false,
});
const e2e = step('End-to-end tests (Playwright)', 'npx', ['playwright', 'test'], {
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
  after: Promise.all([build, cli]).then(([b, c]) =>
    b !== 0 ? 'the renderer did not build' : c !== 0 ? 'the command line did not build' : 0,
  ),
});

let passed = 0;
let failed = 0;
let skipped = 0;

for (const status of await Promise.all([typecheck, lint, format])) {
  if (status === 0) passed += 1;
  else failed += 1;
}

const unitStatus = await unit;
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

for (const status of [await build, await cli]) if (status !== 0) failed += 1;

const e2eStatus = await e2e;
if (e2eStatus !== null) {
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
