// Where Electron's binary is, and fetching it with Electron's own installer where it is missing.
//
// Electron 45 has no install script: `npm install` leaves node_modules/electron without its binary, and
// `require('electron')` would start a download of its own on first use. Here the download is explicit: it runs
// node_modules/electron/install.js (what Electron's `install-electron` command runs) in a child process, shows
// how much has arrived, gives up when nothing arrives for a while, and on any failure removes what the installer
// left half done, so a failed or interrupted download never looks installed.
//
// `node scripts/electron-binary.mjs install` (npm run install-electron) runs the download by itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');

/**
 * A download that receives nothing for this long has failed. Offline the installer fails by itself within a
 * second or two (no address for the host, or the connection refused); this catches a network that swallows
 * packets, so `npm start` falls back to the browser in seconds, not after minutes.
 */
const DOWNLOAD_STALL_MS = 15_000;
/** How often the download's size is looked at. */
const PROGRESS_EVERY_MS = 500;

/** The Electron version the project depends on (the one its installer fetches). */
export function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * The path of Electron's executable, or undefined when it is not installed. Installed means what Electron's own
 * installer checks: path.txt (written last, after unpacking) names the executable, dist/version is this version,
 * and the executable is there. With ELECTRON_OVERRIDE_DIST_PATH, as in Electron, the executable is looked for in
 * that folder instead.
 */
export function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const full = join(override, installedRelativePath() || 'electron');
    return existsSync(full) ? full : undefined;
  }
  return installedBinary();
}

/** The executable's path inside dist/ as the installer wrote it in path.txt. */
function installedRelativePath() {
  const pathFile = join(electronPackage, 'path.txt');
  return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
}

/** The binary in node_modules/electron/dist, when the installer finished there (whatever the override says). */
function installedBinary() {
  const relative = installedRelativePath();
  if (!relative) return undefined;
  let installed;
  try {
    installed = readFileSync(join(electronPackage, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
  } catch {
    return undefined;
  }
  if (installed !== electronVersion()) return undefined;
  const full = join(electronPackage, 'dist', relative);
  return existsSync(full) ? full : undefined;
}

/** Bytes in a folder and below; 0 when it is gone (the installer moved the finished download to its cache). */
function bytesIn(folder) {
  let total = 0;
  let names;
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(folder, name);
    try {
      const s = statSync(path);
      total += s.isDirectory() ? bytesIn(path) : s.size;
    } catch {
      // A file the installer removed between listing and looking: counted as gone.
    }
  }
  return total;
}

/** Removes what a failed install left in node_modules/electron (a half-unpacked dist, a path.txt). */
function removePartialInstall() {
  rmSync(join(electronPackage, 'dist'), { recursive: true, force: true });
  rmSync(join(electronPackage, 'path.txt'), { force: true });
}

/** The installer's own reason, from its stderr: the error line of the stack it prints. */
function reasonFrom(stderr) {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /error/i.test(l) && !l.startsWith('at ')) ?? lines[0] ?? 'the installer gave no reason';
}

/**
 * Downloads and unpacks Electron's binary with Electron's own installer.
 * @param {{ log?: (line: string) => void, signal?: AbortSignal, stallMs?: number }} [options]
 *   log receives the progress lines; signal cancels (the partial install is removed).
 * @returns {Promise<{ ok: true, binary: string } | { ok: false, reason: string }>}
 */
export async function installElectron(options = {}) {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const stallMs = options.stallMs ?? DOWNLOAD_STALL_MS;
  const installer = join(electronPackage, 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: 'the electron package is not installed (run npm install first)' };
  const existing = installedBinary();
  if (existing) return { ok: true, binary: existing };
  // Whatever is here is not a working install: start from nothing, not on top of it.
  removePartialInstall();
  // The installer downloads into the system's temporary folder; a private one shows how much has arrived and is
  // removed afterwards with whatever a broken download left in it.
  const downloads = mkdtempSync(join(tmpdir(), 'redline-electron-download-'));
  const child = spawn(process.execPath, [installer], {
    cwd: electronPackage,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TMPDIR: downloads, TMP: downloads, TEMP: downloads, ELECTRON_GET_NO_PROGRESS: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));

  let stalled = false;
  let cancelled = false;
  let lastBytes = 0;
  let lastChange = Date.now();
  let lastReportedMb = -1;
  let unpacking = false;
  const watch = setInterval(() => {
    if (existsSync(join(electronPackage, 'dist'))) {
      // Unpacking writes into dist/; it takes its time on a slow disk and is no stalled download.
      if (!unpacking) log('Unpacking Electron...');
      unpacking = true;
      return;
    }
    const bytes = bytesIn(downloads);
    if (bytes !== lastBytes) {
      lastBytes = bytes;
      lastChange = Date.now();
      const mb = Math.floor(bytes / (1024 * 1024));
      // A line per 10 MB: enough to see it move without flooding a log.
      if (mb >= lastReportedMb + 10 || lastReportedMb < 0) {
        lastReportedMb = mb;
        log(`  ${mb} MB downloaded`);
      }
    } else if (Date.now() - lastChange > stallMs) {
      stalled = true;
      child.kill();
    }
  }, PROGRESS_EVERY_MS);
  const onAbort = () => {
    cancelled = true;
    child.kill();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const status = await new Promise((resolve) => {
    child.on('error', (err) => resolve({ code: null, error: err }));
    child.on('close', (code) => resolve({ code }));
  });
  clearInterval(watch);
  options.signal?.removeEventListener('abort', onAbort);
  rmSync(downloads, { recursive: true, force: true });

  const binary = status.code === 0 && !stalled && !cancelled ? installedBinary() : undefined;
  if (binary) return { ok: true, binary };
  removePartialInstall();
  if (cancelled) return { ok: false, reason: 'the download was cancelled' };
  if (stalled) return { ok: false, reason: `nothing arrived for ${Math.round(stallMs / 1000)} s` };
  if (status.error) return { ok: false, reason: `the installer could not start (${status.error.message})` };
  if (status.code === 0) return { ok: false, reason: 'the installer finished without leaving a binary' };
  return { ok: false, reason: reasonFrom(stderr) };
}

// `node scripts/electron-binary.mjs install`: the download on its own, for `npm run install-electron`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === 'install') {
  const existing = installedBinary();
  if (existing) {
    console.log(`Electron's binary is already installed: ${existing}`);
  } else {
    console.log(`Downloading Electron ${electronVersion()} with its own installer...`);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    const result = await installElectron({ signal: controller.signal });
    if (result.ok) console.log(`Electron is installed: ${result.binary}`);
    else {
      console.error(`Electron could not be installed: ${result.reason}.`);
      process.exitCode = 1;
    }
  }
}
