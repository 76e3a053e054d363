// `npm start` as a reviewer runs it: the desktop app where Electron's binary is, the download where it is not,
// and the browser when the download cannot happen. Every process a test starts is killed, with its children,
// before the test ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { electronBinary } from './electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const electronPackage = join(root, 'node_modules', 'electron');
const dir = mkdtempSync(join(tmpdir(), 'redline-start-'));
const started: ChildProcess[] = [];

afterEach(() => {
  // Each start runs in a process group of its own (detached), so npm, the start script and whatever it
  // launched (the browser host) end together.
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
}

function npmStart(args: readonly string[], env: Record<string, string>, cwd = root): Started {
  const child = spawn('npm', ['start', '--', ...args], {
    cwd,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const run: Started = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
  };
  child.stdout!.setEncoding('utf8').on('data', (t: string) => (run.stdout += t));
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (run.stderr += t));
  return run;
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A loopback port nothing listens on: a download pointed there is refused at once, on any machine. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** What node_modules/electron holds, to show an attempted install changed nothing there. */
function electronPackageListing(): string[] {
  return readdirSync(electronPackage, { recursive: true, encoding: 'utf8' }).sort();
}

describe('npm start', () => {
  it.skipIf(process.platform === 'win32')(
    'launches Electron with the app and the arguments given after --, from the folder it was typed in',
    async () => {
      // Electron honours ELECTRON_OVERRIDE_DIST_PATH, and so does npm start: a stand-in executable there
      // records how it was launched.
      const dist = join(dir, 'dist');
      const relative = existsSync(join(electronPackage, 'path.txt'))
        ? readFileSync(join(electronPackage, 'path.txt'), 'utf8').trim()
        : 'electron';
      const executable = join(dist, relative);
      const record = join(dir, 'launched-with.txt');
      mkdirSync(dirname(executable), { recursive: true });
      writeFileSync(executable, `#!/bin/sh\npwd > '${record}'\nfor a in "$@"; do printf '%s\\n' "$a" >> '${record}'; done\n`);
      chmodSync(executable, 0o755);
      // Typed in a folder below the project, as a reviewer in a terminal might: npm still finds the project.
      const typedIn = join(root, 'electron', 'sample');

      const run = npmStart(['story.en.txt', '--source', 'story zh.txt'], { ELECTRON_OVERRIDE_DIST_PATH: dist }, typedIn);
      const code = await run.exited;
      expect(code, run.stderr).toBe(0);
      const [launchedIn, ...argv] = readFileSync(record, 'utf8').trimEnd().split('\n');
      expect(launchedIn).toBe(typedIn);
      expect(argv).toEqual([root, 'story.en.txt', '--source', 'story zh.txt']);
      // It built the app it launched.
      expect(existsSync(join(root, 'out', 'shell', 'main.js'))).toBe(true);
      expect(existsSync(join(root, 'out', 'renderer', 'index.html'))).toBe(true);
    },
    120_000,
  );

  const installed = electronBinary() !== undefined;
  it.skipIf(installed)(
    "without Electron's binary and without a network, tries the download, fails fast, and serves the app to the browser saying why",
    async () => {
      const before = electronPackageListing();
      const cache = mkdtempSync(join(dir, 'cache-'));
      const started = Date.now();
      const run = npmStart([], {
        // No network: Electron's installer is pointed at a closed loopback port, and at an empty download cache.
        ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
        electron_config_cache: cache,
        REDLINE_DATA_DIR: join(dir, 'data'),
      });
      await until(() => run.stderr.includes('so Redline opens in your browser') || run.child.exitCode !== null, 'the fallback', 60_000);
      // Fast: the download fails at once, well before the installer's stall limit (15 s).
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(run.stderr).toContain('downloading Electron');
      expect(run.stderr).toMatch(/Electron could not be downloaded \(.+\), so Redline opens in your browser instead/);
      expect(run.stderr).toContain('npm run -s install-electron');
      await until(() => /^http:\/\/127\.0\.0\.1:\d+\/\S*$/m.test(run.stdout) || run.child.exitCode !== null, 'the address', 90_000);
      expect(run.stdout, run.stderr).toMatch(/^http:/m);
      const address = run.stdout.match(/^http:\/\/127\.0\.0\.1:\d+\/\S*$/m)![0];
      const page = await fetch(address);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Redline');
      expect(electronPackageListing()).toEqual(before);
    },
    120_000,
  );
  if (installed) console.log("Skipping the offline start test: Electron's binary is installed here, so npm start opens it instead.");
});
