// `npm run cli` and `npm start`'s browser fallback run this file: it runs the command line from its build,
// out/cli/main.js, and builds that first when it is missing or older than any file it was built from (listed
// in out/cli/inputs.json). Compiling TypeScript at every start cost seconds; the check costs a stat per source
// file, and Vite is loaded only when a build is needed. Plain JavaScript, because it runs before any build.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'out', 'cli');
const bundle = join(outDir, 'main.js');

/** Whether the build is missing, or any file it was built from changed (or vanished) since it began. */
function stale() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, 'inputs.json'), 'utf8'));
    statSync(bundle);
  } catch {
    return true;
  }
  for (const input of manifest.inputs) {
    try {
      if (statSync(join(root, input)).mtimeMs > manifest.builtAt) return true;
    } catch {
      // npm's lock files may be absent (no install yet); a missing source file means the build is out of date.
      if (!input.endsWith('package-lock.json')) return true;
    }
  }
  return false;
}

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
  outputs.sort((a, b) => Number(a.fileName === 'inputs.json') - Number(b.fileName === 'inputs.json'));
  for (const item of outputs) {
    const path = join(outDir, item.fileName);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, item.type === 'chunk' ? item.code : item.source);
    renameSync(temporary, path);
  }
}

if (stale()) {
  process.stderr.write('Building the command line (out/cli)...\n');
  mkdirSync(outDir, { recursive: true });
  await build();
}
// main.ts also runs itself on import when REDLINE_CLI=1 (for running its source through a TypeScript loader);
// here this file runs it, once.
delete process.env.REDLINE_CLI;
const { runFromProcess } = await import(pathToFileURL(bundle).href);
await runFromProcess(process.argv.slice(2));
