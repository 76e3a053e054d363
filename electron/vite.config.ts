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
    ssr: fileURLToPath(new URL(`./shell/${part}.ts`, import.meta.url)),
    target: 'node20',
    minify: false,
    rollupOptions: {
      external,
      output:
        part === 'preload'
          ? { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false }
          : { format: 'es', entryFileNames: 'main.js' },
    },
  },
  ssr: { noExternal: part === 'preload' ? true : undefined },
});
