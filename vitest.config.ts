import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The shell's tests (electron/tray, electron/app, electron/*.test.ts) get the recorded double for 'electron'; every
// other test runs without it, so the core importing Electron would fail there as it would under plain Node.
const SHELL_TESTS = ['electron/tray/**/*.test.ts', 'electron/app/**/*.test.ts', 'electron/*.test.ts'];
const electronDouble = fileURLToPath(new URL('./e2e/support/electron-double.ts', import.meta.url));

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['electron/**/*.test.ts', 'e2e/**/*.test.ts', 'renderer/**/*.test.ts'],
          exclude: [...SHELL_TESTS, '**/node_modules/**'],
        },
      },
      {
        extends: true,
        resolve: { alias: [{ find: /^electron(\/main|\/common)?$/, replacement: electronDouble }] },
        // electron-store imports 'electron' itself: run it through Vite so it gets the double too.
        test: { name: 'shell', include: SHELL_TESTS, server: { deps: { inline: ['electron-store'] } } },
      },
    ],
  },
});
