import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from '../shared/security-policy.ts';

/** Writes the one Content-Security-Policy into index.html's meta tag. */
const contentSecurityPolicy: Plugin = {
  name: 'redline-content-security-policy',
  transformIndexHtml: (html) => html.replace('%REDLINE_CSP%', CONTENT_SECURITY_POLICY_META),
};

// The renderer builds to out/renderer with relative asset paths, so the same files load from the browser host
// and from file:// in Electron.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or styles: the Content-Security-Policy allows only our own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
