// `npm start [-- FILE [--source FILE]]`: Redline as a desktop app. Where Electron's binary is missing it is
// downloaded first with Electron's own installer; where that fails (no network), the same app is served to the
// browser instead, with one sentence saying why and how to try again.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronVersion, installElectron } from './electron-binary.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
// npm runs scripts in the project folder; paths the reviewer typed are relative to where they typed them.
const cwd = process.env.INIT_CWD ?? process.cwd();

/** Runs the app in the foreground: its exit is ours, and Ctrl+C or a kill reaches it. */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

/** Finds the binary, downloading it where it is missing; otherwise says why there is none. */
async function findElectron() {
  const found = electronBinary();
  if (found) return { binary: found };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  // A folder the user chose is theirs to fill; downloading elsewhere would not put a binary there.
  if (override) return { reason: `ELECTRON_OVERRIDE_DIST_PATH names ${override}, which holds no Electron binary` };
  console.error(
    `Electron's binary is not installed yet: downloading Electron ${electronVersion()} with its own installer (once, about 100 MB)...`,
  );
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  const installed = await installElectron({ log: (line) => console.error(line), signal: controller.signal });
  process.off('SIGINT', cancel);
  process.off('SIGTERM', cancel);
  if (controller.signal.aborted) process.exit(130);
  return installed.ok ? { binary: installed.binary } : { reason: `Electron could not be downloaded (${installed.reason})` };
}

const electron = await findElectron();
if (electron.binary) {
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(electron.binary, [root, ...args]);
} else {
  console.error(
    `${electron.reason}, so Redline opens in your browser instead: open the address printed below (run "npm run -s install-electron" to try the desktop app again).`,
  );
  run(process.execPath, [join(root, 'electron', 'cli', 'launch.mjs'), 'serve', ...args]);
}
