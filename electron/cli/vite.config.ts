import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The command line builds to one ES module, out/cli/main.js, with its dependencies inlined: Node then reads and
// compiles one file at start-up instead of resolving and loading a tree of TypeScript through a loader.
// Beside it goes inputs.json, the list of files the bundle was built from and when the build began, which
// launch.mjs compares with their modification times to rebuild only when a source changed.

const root = fileURLToPath(new URL('../..', import.meta.url));
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Files outside the module graph whose change must also rebuild: this configuration, the launcher, and npm's
 * lock files (installing a dependency keeps its files' old modification times, but rewrites these).
 */
const EXTRA_INPUTS = ['electron/cli/vite.config.ts', 'electron/cli/launch.mjs', 'package-lock.json', 'node_modules/.package-lock.json'];

function inputsManifest(): Plugin {
  let builtAt = 0;
  return {
    name: 'redline-cli-inputs',
    buildStart() {
      // Taken before any source is read, so that a file saved during the build counts as newer than it.
      builtAt = Date.now();
    },
    generateBundle(_options, bundle) {
      const inputs = new Set(EXTRA_INPUTS);
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        for (const id of item.moduleIds) if (!id.startsWith('\0')) inputs.add(relative(root, id));
      }
      this.emitFile({ type: 'asset', fileName: 'inputs.json', source: `${JSON.stringify({ builtAt, inputs: [...inputs].sort() }, null, 1)}\n` });
    },
  };
}

export default defineConfig({
  plugins: [inputsManifest()],
  build: {
    outDir: fileURLToPath(new URL('../../out/cli', import.meta.url)),
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./main.ts', import.meta.url)),
        // The second thread of `diff --json` (parallel-rates.ts starts it from beside the module that asks).
        'diff-worker': fileURLToPath(new URL('./diff-worker.ts', import.meta.url)),
      },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { noExternal: true },
});
