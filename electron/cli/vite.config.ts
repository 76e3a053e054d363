import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import type { BuildManifest } from './build-freshness.mjs';

// The command line builds to ES modules in out/cli with their dependencies inlined: Node reads and compiles
// JavaScript at start-up instead of resolving and loading a tree of TypeScript through a loader. The entry,
// main.js, holds only the table of commands; each command is a chunk of its own, loaded when it runs, so
// `--help` compiles a few kilobytes instead of the whole command line.
// Beside them goes inputs.json (BuildManifest): which files each chunk was built from, which chunks it imports,
// which chunk each command starts from, and when the build began. launch.mjs compares the modification times of
// the files the command it is about to run needs (build-freshness.mjs), and rebuilds only when one changed.

const root = fileURLToPath(new URL('../..', import.meta.url));
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Files outside the module graph whose change must also rebuild: this configuration, the launcher, and npm's
 * lock files. Installing a dependency keeps its files' old modification times but rewrites the lock files, so
 * they stand for every file under node_modules, which is not listed file by file.
 */
const EXTRA_INPUTS = ['electron/cli/vite.config.ts', 'electron/cli/launch.mjs', 'package-lock.json', 'node_modules/.package-lock.json'];

/** A command's own module: `electron/cli/NAME-command.ts` is where command NAME starts (see commands.ts). */
const COMMAND_MODULE = /^electron\/cli\/([a-z]+)-command\.ts$/;

function inputsManifest(): Plugin {
  let builtAt = 0;
  return {
    name: 'redline-cli-inputs',
    buildStart() {
      // Taken before any source is read, so that a file saved during the build counts as newer than it.
      builtAt = Date.now();
    },
    generateBundle(_options, bundle) {
      const chunks: Record<string, { inputs: string[]; imports: string[] }> = {};
      const commands: Record<string, string> = {};
      const others: string[] = [];
      let entry = '';
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        const inputs = item.moduleIds.filter((id) => !id.startsWith('\0')).map((id) => relative(root, id).replace(/\\/g, '/'));
        chunks[item.fileName] = { inputs: inputs.filter((i) => !i.startsWith('node_modules/')).sort(), imports: [...item.imports].sort() };
        const facade = item.facadeModuleId ? relative(root, item.facadeModuleId).replace(/\\/g, '/') : '';
        const command = COMMAND_MODULE.exec(facade)?.[1];
        if (item.isEntry && item.name === 'main') entry = item.fileName;
        else if (command !== undefined && item.isDynamicEntry) commands[command] = item.fileName;
        else if (item.isEntry || item.isDynamicEntry) others.push(item.fileName);
      }
      const manifest: BuildManifest = { builtAt, always: EXTRA_INPUTS, chunks, entry, commands, others: others.sort() };
      this.emitFile({ type: 'asset', fileName: 'inputs.json', source: `${JSON.stringify(manifest, null, 1)}\n` });
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
        // The review service's threads (`serve`): counting words and making a new review's header as an article loads,
        // parsing a page, table or Word document read whole (every command that reads an article), and writing an
        // export into the article's original file (`serve` and `export`).
        'count-worker': fileURLToPath(new URL('../service/count-worker.ts', import.meta.url)),
        'header-worker': fileURLToPath(new URL('../service/header-worker.ts', import.meta.url)),
        'export-worker': fileURLToPath(new URL('../service/export-worker.ts', import.meta.url)),
        'whole-file-worker': fileURLToPath(new URL('../loader/whole-file-worker.ts', import.meta.url)),
      },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { noExternal: true },
});
