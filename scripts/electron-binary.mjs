// Where Electron's binary is, without triggering the download that `require('electron')` attempts when the
// binary is missing (that download cannot succeed offline). Honours ELECTRON_OVERRIDE_DIST_PATH like Electron.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The path of Electron's executable, or undefined when it is not installed. */
export function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const full = join(dist, relative);
  return existsSync(full) ? full : undefined;
}
