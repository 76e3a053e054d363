// `npm run cli` and `npm start`'s browser fallback run this file: it runs the command line from its build,
// out/cli/main.js, and builds that first when it is missing or older than a file it was built from. Only the
// files of what is about to run are looked at (out/cli/inputs.json lists them per chunk): `--help` needs the
// command table alone, a handful of files; `diff` adds the diff command's chunks. Compiling TypeScript at every
// start cost seconds, and a stat of every source some tens of milliseconds; Vite is loaded only when a build
// is needed. Plain JavaScript, because it runs before any build.
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsStale } from './build-freshness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'out', 'cli');
const bundle = join(outDir, 'main.js');
/** Files of earlier builds are removed once this old: a command started before a rebuild may still load them. */
const OLD_BUILD_MS = 60 * 60 * 1000;

/**
 * Builds in memory and replaces each output file by renaming a finished one over it, so that another
 * command started at the same moment runs the old build or the new one, never half of one. The manifest goes
 * last: a build interrupted before it is simply redone.
 */
async function build() {
  const { build: viteBuild } = await import('vite');
  const result = await viteBuild({
    configFile: join(root, 'electron', 'cli', 'vite.config.ts'),
    logLevel: 'warn',
    build: { write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  // Chunks first (their names carry a hash of their content, so they never replace a file an older main.js
  // loads), then main.js, then the manifest.
  const rank = (name) => (name === 'inputs.json' ? 2 : name === 'main.js' ? 1 : 0);
  outputs.sort((a, b) => rank(a.fileName) - rank(b.fileName));
  for (const item of outputs) {
    const path = join(outDir, item.fileName);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, item.type === 'chunk' ? item.code : item.source);
    renameSync(temporary, path);
  }
  const current = new Set(outputs.map((item) => item.fileName));
  for (const name of readdirSync(outDir)) {
    if (current.has(name)) continue;
    const path = join(outDir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > OLD_BUILD_MS) unlinkSync(path);
    } catch {
      // Removed meanwhile by another build.
    }
  }
}

if (buildIsStale(root, outDir, process.argv.slice(2))) {
  process.stderr.write('Building the command line (out/cli)...\n');
  mkdirSync(outDir, { recursive: true });
  await build();
}
// main.ts also runs itself on import when REDLINE_CLI=1 (for running its source through a TypeScript loader);
// here this file runs it, once.
delete process.env.REDLINE_CLI;
const { runFromProcess } = await import(pathToFileURL(bundle).href);
await runFromProcess(process.argv.slice(2));
