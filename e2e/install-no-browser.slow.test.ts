// `npm install` on a machine with no Chromium at all: no system browser, no Playwright browser, and Playwright's
// download site unreachable. The postinstall must end with exit 0 and say in one line how to get a browser.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { NO_BROWSER } from '../scripts/find-browser.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

it('the postinstall on a machine without any Chromium: exit 0 and the one line on how to get one', async () => {
  const empty = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-no-browser-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SSO_TRAY_BROWSER_SEARCH: '', // no /usr/bin/chromium or the like
      PLAYWRIGHT_BROWSERS_PATH: empty, // no Playwright browser
      PLAYWRIGHT_DOWNLOAD_HOST: 'http://127.0.0.1:9', // the download site refuses (loopback's discard port)
      ELECTRON_MIRROR: 'http://127.0.0.1:9/', // and so does Electron's
      electron_config_cache: empty,
    };
    delete env.SSO_TRAY_CHROMIUM;
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'postinstall'], { cwd: REPO, env });
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter(Boolean);
    expect(lines.filter((line) => line === NO_BROWSER)).toHaveLength(1);
    // Nothing but our own one-line notices: no stack trace, no "ERR_PACKAGE_PATH_NOT_EXPORTED".
    for (const line of lines) expect(line).toMatch(/^sso-tray: /);
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});
