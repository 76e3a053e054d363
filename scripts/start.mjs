// `npm start [-- FILE [--source FILE]]`: Redline as a desktop app where Electron's binary is installed;
// otherwise the same app served to the browser, with one sentence saying why.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);

function run(command, commandArgs, env = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const electron = electronBinary();
if (electron) {
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(electron, ['.', ...args]);
} else {
  console.error(
    "Electron's binary is not installed on this machine, so Redline opens in your browser instead: open the address printed below.",
  );
  run(process.execPath, ['--import', 'tsx', join(root, 'electron', 'cli', 'main.ts'), 'serve', ...args], { REDLINE_CLI: '1' });
}
