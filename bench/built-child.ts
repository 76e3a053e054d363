/**
 * Builds a benchmark's child script the way the app is built (one ES module bundle for Node, its dependencies
 * inlined), with the service's threads beside it, so that its figures are those of the code a reviewer runs and
 * not of TypeScript compiled on the fly (which adds its own memory and slows every thread's start).
 */
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';
import type { Figure } from './report';

const root = join(import.meta.dirname, '..');
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Builds `bench/NAME.ts` into out/bench/NAME.js and returns that path. */
export async function builtChild(name: string): Promise<string> {
  const outDir = join(root, 'out', 'bench');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      ssr: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: {
          [name]: join(root, 'bench', `${name}.ts`),
          // The service starts these from beside the module that asks, as in the app.
          'header-worker': join(root, 'electron', 'service', 'header-worker.ts'),
          'count-worker': join(root, 'electron', 'service', 'count-worker.ts'),
          'export-worker': join(root, 'electron', 'service', 'export-worker.ts'),
          'whole-file-worker': join(root, 'electron', 'loader', 'whole-file-worker.ts'),
        },
        external,
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
    ssr: { noExternal: true },
  });
  return join(outDir, `${name}.js`);
}

/** Builds `bench/NAME.ts`, runs it in a process of its own and returns the figures it prints last (as JSON). */
export async function childFigures(name: string): Promise<Figure[]> {
  const child = await builtChild(name);
  const run = spawnSync(process.execPath, [child], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figure[];
}
