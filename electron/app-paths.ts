/**
 * Where the app's own files are, relative to the project root (the folder holding package.json), and where it
 * keeps the user's data. The Electron shell passes its app path; the command line passes the source tree's root.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AppPaths {
  readonly root: string;
  /** The built renderer (index.html and assets). */
  readonly renderer: string;
  readonly sample: { readonly path: string; readonly sourcePath: string };
}

export function appPaths(root: string): AppPaths {
  return {
    root,
    renderer: join(root, 'out', 'renderer'),
    sample: {
      path: join(root, 'electron', 'sample', 'harbour-bridge.en.txt'),
      sourcePath: join(root, 'electron', 'sample', 'harbour-bridge.zh.txt'),
    },
  };
}

/**
 * The user's data folder outside Electron: REDLINE_DATA_DIR when set (tests use it), else the XDG config
 * folder. Electron uses its own `userData` path instead.
 */
export function defaultDataDir(): string {
  if (process.env.REDLINE_DATA_DIR) return process.env.REDLINE_DATA_DIR;
  const config = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(config, 'redline');
}
