// Where Playwright finds a browser: an explicit path, Playwright's own download, or the system's Chromium.
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function browserExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.SSO_TRAY_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit))
      throw new Error(`SSO_TRAY_CHROMIUM points at ${explicit}, which does not exist.`);
    return explicit;
  }
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  } catch {
    // no Playwright browser installed on this machine
  }
  return SYSTEM_BROWSERS.find((candidate) => existsSync(candidate));
}

export function launchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const executablePath = browserExecutable(env);
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
