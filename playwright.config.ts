import { defineConfig } from '@playwright/test';
import { launchOptions } from './e2e/browser.js';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  // Hang guards, not verdicts (a loaded machine is slow, not wrong): a spec waits on what the page shows.
  timeout: 300_000,
  expect: { timeout: 60_000 },
  // On CI a spec that fails is run once more and, if it then passes, reported as flaky (not hidden): see the issue
  // note for the one known (window-accounts-arriving, an early account's role count not shown within 5 s).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    headless: true,
    launchOptions: launchOptions(),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
