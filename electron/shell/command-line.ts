/**
 * What the desktop app was asked to open, read from a command line: the app's own start, a second launch handed
 * over to the running app, or a file the system opened with Redline. Pure, so the rules are the command line's
 * (`redline serve FILE [--source FILE]`) without an Electron to test them in.
 */
import { resolve } from 'node:path';
import { parseArgs } from '../cli/command';

/** What a launch asks for. */
export type LaunchRequest =
  | { readonly kind: 'sample' }
  | { readonly kind: 'article'; readonly path: string; readonly sourcePath?: string }
  /** The command line itself is wrong; the message says how, in the command line's words. */
  | { readonly kind: 'usage-error'; readonly message: string };

export interface ArgvContext {
  /** The folder relative paths are resolved against (the launching shell's, for a second launch). */
  readonly cwd: string;
  /**
   * A packaged app's argv is `[app, ...args]`; in development it is `[electron, APP-FOLDER, ...args]`, and the
   * first argument that is not a switch is the app's folder, not an article.
   */
  readonly isPackaged: boolean;
}

/**
 * Reads `redline [FILE] [--source FILE]` from a full argv. Chromium's and Node's own switches (`--inspect=0`,
 * `--user-data-dir=...`) pass through as options the app does not know and are left alone, as are old macOS
 * process serial numbers (`-psn_...`).
 */
export function launchRequest(argv: readonly string[], context: ArgvContext): LaunchRequest {
  const { positional, values, unknown } = parseArgs(argv.slice(1), { values: ['source'] });
  const missingValue = unknown.find((u) => u.startsWith('--source'));
  if (missingValue) return { kind: 'usage-error', message: `${missingValue}: name the source text after it.` };
  const files = positional.filter((a) => !a.startsWith('-'));
  if (!context.isPackaged) files.shift();
  const source = values.get('source');
  if (files.length > 1) {
    return { kind: 'usage-error', message: `Redline opens one article at a time, but was given ${files.length}: ${files.join(', ')}.` };
  }
  const file = files[0];
  if (file === undefined) {
    return source === undefined
      ? { kind: 'sample' }
      : { kind: 'usage-error', message: '--source names the source text of an article: name the article too.' };
  }
  const path = resolve(context.cwd, file);
  return source === undefined ? { kind: 'article', path } : { kind: 'article', path, sourcePath: resolve(context.cwd, source) };
}
