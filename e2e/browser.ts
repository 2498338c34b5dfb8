// Where Playwright finds a browser (scripts/find-browser.mjs: an explicit path, Playwright's own download, or the
// system's Chromium), and how it is launched.
import type { LaunchOptions } from '@playwright/test';
import { findBrowser } from '../scripts/find-browser.mjs';

export function launchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const { executablePath } = findBrowser(env);
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      // A root user (CI containers) cannot use Chromium's sandbox.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
