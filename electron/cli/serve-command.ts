/**
 * `redline serve`: the app in the browser. Starts the review service and the browser host on 127.0.0.1 and
 * prints, as its first line, the address to open (with its per-run token).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appPaths, defaultDataDir } from '../app-paths';
import { startBrowserHost } from '../host/browser-host';
import { checkArticle } from '../loader/article-stream';
import { ReviewService } from '../service/review-service';
import { parseArgs, type CommandModule } from './command';

const root = resolve(import.meta.dirname, '..', '..');

/** Builds the renderer when this checkout has not built it yet, so `serve` works straight after `npm install`. */
function ensureRendererBuilt(rendererDir: string, stderr: (t: string) => void): boolean {
  if (existsSync(join(rendererDir, 'index.html'))) return true;
  stderr('Building the renderer first (once)...\n');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return r.status === 0 && existsSync(join(rendererDir, 'index.html'));
}

export const serveCommand: CommandModule = {
  name: 'serve',
  usage: [
    'Usage: redline serve [FILE] [--source FILE] [--port N]',
    '',
    'Serves Redline on 127.0.0.1 only and prints the address to open as the first line.',
    'The address carries a random token; requests without it are refused.',
    '',
    '  FILE           the translated article to open (default: the bundled sample)',
    '  --source FILE  its source-language text, shown side by side',
    '  --port N       the port to listen on (default: any free port)',
  ].join('\n'),
  async run(args, io) {
    const { positional, values, unknown } = parseArgs(args, { values: ['source', 'port'] });
    if (unknown.length > 0 || positional.length > 1) {
      io.stderr(`redline serve: ${unknown[0] ?? 'give at most one article'}. See "redline serve --help".\n`);
      return 2;
    }
    const port = Number(values.get('port') ?? '0');
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr(`redline serve: --port must be a number from 0 to 65535, not "${values.get('port')}".\n`);
      return 2;
    }
    const file = positional[0];
    const source = values.get('source');
    for (const path of [file, source]) {
      if (path === undefined) continue;
      const checked = await checkArticle(resolve(io.cwd, path));
      if (!checked.ok) {
        io.stderr(`redline serve: ${checked.error.message}\n`);
        return 2;
      }
    }
    const paths = appPaths(root);
    if (!ensureRendererBuilt(paths.renderer, io.stderr)) {
      io.stderr('redline serve: the renderer could not be built; run "npm run build:renderer" to see why.\n');
      return 1;
    }
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const service = new ReviewService({
      host: 'browser',
      version,
      dataDir: defaultDataDir(),
      sample: paths.sample,
      headerThreadAhead: true,
      ...(file ? { startup: { path: resolve(io.cwd, file), ...(source ? { sourcePath: resolve(io.cwd, source) } : {}) } } : {}),
    });
    let host;
    try {
      host = await startBrowserHost({ service, staticDir: paths.renderer, port });
    } catch (err) {
      io.stderr(`redline serve: cannot listen on 127.0.0.1:${port} (${(err as NodeJS.ErrnoException).code ?? String(err)}).\n`);
      return 1;
    }
    io.stdout(`${host.url}\n`);
    io.stderr('Redline is serving on 127.0.0.1 only. Open the address above in a browser; press Ctrl+C to stop.\n');
    // Stopping lets go of the open reviews as closing a window does: their queued events are written and their
    // locks released, so the next Redline does not find them held by a process that is gone.
    const stop = () =>
      void host
        .close()
        .then(() => service.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  },
};
