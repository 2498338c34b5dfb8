// Builds the window (renderer/) into dist/renderer, which the app serves from sso-tray://app/ under a strict CSP.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is served by the app (electron/app/app-scheme.ts) and by the window specs.
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
