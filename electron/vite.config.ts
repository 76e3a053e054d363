import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The Electron shell builds to out/shell in two passes: main as an ES module (REDLINE_SHELL_PART unset) and the
// preload as one CommonJS file (REDLINE_SHELL_PART=preload), since sandboxed preloads can be neither ES modules
// nor split into chunks. Node's built-ins and electron stay external.
const part = process.env.REDLINE_SHELL_PART === 'preload' ? 'preload' : 'main';
const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../out/shell', import.meta.url)),
    emptyOutDir: part === 'main',
    ssr: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      // Main goes with the threads that count a long article's words and make its review's header as it loads, the
      // one that parses a page, table or Word document read whole, and the one that writes an export into the
      // article's original file (the service starts them from count-worker.js, header-worker.js,
      // whole-file-worker.js and export-worker.js beside main.js, see electron/service/background-counter.ts,
      // header-builder.ts, electron/loader/whole-file-thread.ts and write-back-thread.ts).
      input:
        part === 'preload'
          ? fileURLToPath(new URL('./shell/preload.ts', import.meta.url))
          : {
              main: fileURLToPath(new URL('./shell/main.ts', import.meta.url)),
              'count-worker': fileURLToPath(new URL('./service/count-worker.ts', import.meta.url)),
              'header-worker': fileURLToPath(new URL('./service/header-worker.ts', import.meta.url)),
              'export-worker': fileURLToPath(new URL('./service/export-worker.ts', import.meta.url)),
              'whole-file-worker': fileURLToPath(new URL('./loader/whole-file-worker.ts', import.meta.url)),
            },
      external,
      // The entries share code through chunks of their own; main never loads a thread's script.
      preserveEntrySignatures: 'strict',
      output:
        part === 'preload'
          ? { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false }
          : { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { noExternal: part === 'preload' ? true : undefined },
});
