// Which Chromium the window tests use: SSO_TRAY_CHROMIUM, Playwright's own download, or the system's Chromium.
// Shared by the Playwright config (e2e/browser.ts), `npm install` and `npm test`'s first check.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Where to look for a system Chromium: SSO_TRAY_BROWSER_SEARCH (paths joined like PATH; empty for "none"). */
function systemBrowsersIn(env) {
  const search = env.SSO_TRAY_BROWSER_SEARCH;
  return search === undefined ? SYSTEM_BROWSERS : search.split(path.delimiter).filter(Boolean);
}

export const NO_BROWSER =
  'sso-tray: the window tests need Chromium and none is installed; run `apt-get install chromium` ' +
  '(or `npx playwright install chromium` where its download site is reachable), or set SSO_TRAY_CHROMIUM to a Chromium.';

/**
 * `{ executablePath }` for an explicit or system browser, `{}` for Playwright's own, or `{ missing }`: the one line
 * to print.
 */
export function findBrowser(env = process.env, systemBrowsers = systemBrowsersIn(env)) {
  const explicit = env.SSO_TRAY_CHROMIUM;
  if (explicit) {
    return existsSync(explicit)
      ? { executablePath: explicit }
      : { missing: `sso-tray: SSO_TRAY_CHROMIUM points at ${explicit}, which does not exist.` };
  }
  try {
    if (existsSync(chromium.executablePath())) return {}; // Playwright's own browser
  } catch {
    // no Playwright browser installed on this machine
  }
  const system = systemBrowsers.find((candidate) => existsSync(candidate));
  return system ? { executablePath: system } : { missing: NO_BROWSER };
}
