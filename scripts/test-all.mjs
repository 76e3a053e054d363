// Runs every suite the way CI does: type check, lint, format check, unit tests (Vitest), end-to-end tests (Playwright), and prints
// one closing line that adds them up: `N passed, N failed`.
//
// Everything runs at once where nothing is shared, since each suite alone leaves the cores idle part of the time
// while it waits on child processes, the disk or the browser:
// - the type check, lint and format check (Prettier, with its cache of files already found formatted, keyed by
//   their content) run beside the unit tests;
// - the end-to-end tests run beside the unit tests too, on a renderer built first. The one unit test that writes
//   to the renderer's folder, that of `npm start` (which builds the app), runs on its own before that build, so the
//   page the end-to-end tests load is never rebuilt under them; the command line their hosts run is brought up to
//   date once before they start, not by each worker's first host.
// Each step's output is shown whole and in the order below: the first unfinished step is shown as it runs, the
// others are held until it ends.
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
const startReport = join(reports, 'vitest-start.json');
const e2eReport = join(reports, 'playwright.json');
/** The unit test that builds the app into out/ as `npm start` does. */
const startTest = 'scripts/start.test.ts';

/** Vitest's arguments to run `files` (all when none are named, less `exclude`), reporting to `report`. */
const vitest = (report, files, exclude = []) => [
  'vitest',
  'run',
  ...files,
  ...exclude.flatMap((f) => ['--exclude', f]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];

const typecheck = step('Type check', 'npm', ['run', '-s', 'typecheck']);
// The lint rules include the layering rule (shared/ imports no Node, Electron, React, renderer or electron code;
// the renderer never reaches Node, Electron or electron/; only the shell imports Electron).
const lint = step('Lint (oxlint)', 'npm', ['run', '-s', 'lint']);
const format = step('Format (Prettier)', 'npm', ['run', '-s', 'format:check', '--', '--cache', '--cache-strategy', 'content']);
const start = step('Unit tests of npm start (Vitest)', 'npx', vitest(startReport, [startTest]));
const build = step('Build the renderer', 'npm', ['run', '-s', 'build:renderer'], { after: start.then(() => 0) });
// The launcher rebuilds the command line when a source of `serve` changed; its usage text is not shown.
const cli = step('Build the command line (when out of date)', process.execPath, ['electron/cli/launch.mjs', 'serve', '--help'], {
  after: build.then(() => 0),
  showStdout: false,
});
const unit = step('Unit tests (Vitest)', 'npx', vitest(unitReport, [], [startTest]));
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

/** Adds up a Vitest run from its JSON report. */
function countVitest(status, report) {
  if (!existsSync(report)) {
    failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A file that fails to load, or an unhandled error, fails the run without a failed test of its own.
  if (status !== 0 && r.numFailedTests === 0) failed += Math.max(1, r.numFailedTestSuites);
}

countVitest(await start, startReport);
countVitest(await unit, unitReport);

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
