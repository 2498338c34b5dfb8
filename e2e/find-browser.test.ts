// Without a Chromium the window tests cannot run: `npm test` stops at once with one line saying how to get one.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_BROWSER } from '../scripts/find-browser.mjs';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await makeSandbox();
});
afterAll(() => sandbox.cleanup());

async function checkBrowser(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/check-browser.mjs'], {
      cwd: REPO,
      env: childEnv(sandbox, env),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('finding a Chromium for the window tests', () => {
  it('stops with one line, and no stack trace, when the configured Chromium is not there', async () => {
    const result = await checkBrowser({ SSO_TRAY_CHROMIUM: '/nowhere/chromium' });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sso-tray: SSO_TRAY_CHROMIUM points at /nowhere/chromium, which does not exist.\n',
    });
  });

  it('names `apt-get install chromium` when neither Playwright nor the system has one', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-browsers-'));
    try {
      const script =
        "const { findBrowser } = await import('./scripts/find-browser.mjs');" +
        'console.log(JSON.stringify(findBrowser(process.env, [])));';
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
        cwd: REPO,
        env: childEnv(sandbox, { PLAYWRIGHT_BROWSERS_PATH: empty }),
      });
      expect(JSON.parse(stdout)).toEqual({ missing: NO_BROWSER });
      expect(NO_BROWSER).toContain('`apt-get install chromium`');
      expect(NO_BROWSER.split('\n')).toHaveLength(1);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
