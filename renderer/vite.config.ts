// Builds the renderer for file:// loading in Electron and for the browser test host: relative base, no external URLs.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    // OFFRAMP_RENDERER_DIR lets two builds run side by side without emptying each other's output.
    outDir: process.env.OFFRAMP_RENDERER_DIR ?? fileURLToPath(new URL('../dist-renderer', import.meta.url)),
    emptyOutDir: true,
    // Fonts and icons stay as files next to the bundle: the CSP allows 'self' and data: only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Libraries ship 'use client' for server-component bundlers; irrelevant in a desktop renderer.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1' },
});
