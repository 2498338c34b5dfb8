// Builds the window (renderer/) into dist/renderer, loadable from file:// by Electron under a strict CSP.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the app loads index.html with loadFile, not from a server root.
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // The polyfill is for browsers without modulepreload; Electron's Chromium has it, and the CSP forbids inline script.
    modulePreload: { polyfill: false },
    // Every asset as a file: data: URLs for fonts or scripts would fall outside the CSP.
    assetsInlineLimit: 0,
    sourcemap: true,
    reportCompressedSize: false,
  },
});
