import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer builds to out/renderer with relative asset paths, so the same files load from the browser host
// and from file:// in Electron.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or styles: the Content-Security-Policy allows only our own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
