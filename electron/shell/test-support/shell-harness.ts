/**
 * Runs the BUILT shell (what `npm start` and the installers run, not its TypeScript) against the Electron
 * stand-in. How `electron` is replaced: the shell is built with `electron` external, so its bundle keeps a bare
 * `import ... from 'electron'`. Vitest runs the bundle through its own module runner (it lives in the project,
 * not in node_modules), where `vi.doMock('electron', ...)` answers that import with the stand-in. No build is
 * made for the tests' sake and no Node loader hook is needed: the bundle under test is byte for byte a normal
 * build, only placed in a folder of its own so a build or test running beside it never replaces it mid-run.
 *
 * The preload runs as Electron runs a sandboxed preload: a CommonJS function whose `require` knows only the
 * modules a sandbox offers (`electron` here), so a preload that needs anything else fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileFunction } from 'node:vm';
import { vi } from 'vitest';
import { createElectronStandIn, type ElectronStandIn, type StandInOptions } from './electron-stand-in';

const root = resolve(import.meta.dirname, '..', '..', '..');

export interface BuiltShell {
  readonly main: string;
  readonly preload: string;
  remove(): void;
}

/**
 * Builds the shell with its own Vite config into out/shell-under-test-XXXX/. Two folders below the project
 * root, like out/shell/, so the bundle finds package.json and the sample where it expects them.
 */
export function buildShell(): BuiltShell {
  const outDir = mkdtempSync(join(root, 'out', 'shell-under-test-'));
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const part of ['main', 'preload']) {
    const built = spawnSync(
      process.execPath,
      [vite, 'build', '--config', 'electron/vite.config.ts', '--logLevel', 'warn', '--outDir', outDir],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...(part === 'preload' ? { REDLINE_SHELL_PART: 'preload' } : {}) },
      },
    );
    if (built.status !== 0) throw new Error(`Building the shell (${part}) failed:\n${built.stderr}`);
  }
  return {
    main: join(outDir, 'main.js'),
    preload: join(outDir, 'preload.cjs'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

export interface LaunchOptions extends Partial<StandInOptions> {
  /** The arguments after the app's folder, as typed after `npm start --`. */
  readonly args?: readonly string[];
}

/**
 * Starts a fresh copy of the shell (modules reset, so nothing carries over from an earlier launch) and makes the
 * app ready. Resolves once the window has loaded, unless the shell quit instead (a second instance).
 */
export async function launchShell(shell: BuiltShell, options: LaunchOptions = {}): Promise<ElectronStandIn> {
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'redline-user-data-'));
  const electron = createElectronStandIn({ ...options, userData });
  if (!options.userData) void electron.exited.then(() => rmSync(userData, { recursive: true, force: true }));
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  // In development Electron's argv is [electron, APP-FOLDER, ...args]; the shell reads it when it loads.
  const argv = process.argv;
  process.argv = [process.execPath, root, ...(options.args ?? [])];
  try {
    await import(pathToFileURL(shell.main).href);
  } finally {
    process.argv = argv;
  }
  await electron.ready();
  await waitFor(() => electron.quitted() || electron.loadedFiles.length > 0, 'the window to load');
  return electron;
}

/** Runs the built preload in a page of the stand-in, as a sandboxed preload runs. */
export function runPreload(shell: BuiltShell, electron: ElectronStandIn): void {
  const code = readFileSync(shell.preload, 'utf8');
  const run = compileFunction(code, ['require', 'module', 'exports'], { filename: shell.preload });
  const sandboxRequire = (id: string): unknown => {
    if (id === 'electron') return electron.module;
    throw new Error(`module not found: ${id} (a sandboxed preload can require only electron, events, timers and url)`);
  };
  const module = { exports: {} };
  run(sandboxRequire, module, module.exports);
}

/** Quits the app as the reviewer would and waits until it has (review files closed). */
export async function quitShell(electron: ElectronStandIn): Promise<void> {
  electron.module.app.quit();
  await electron.exited;
}

/** Polls until a condition holds; the shell works through promises and file writes the test cannot await. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
