// The packaged shape of the app in real Electron, where the binary is installed: the window opens locked down on
// first run and its API answers over real IPC. Without the binary (as on the project's build machines) it is skipped
// and says why; the same wiring is tested there through the recorded double and the window in Chromium.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { ELECTRON_SKIP_REASON as SKIP_REASON, electronBinary } from './support/electron-binary.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const binary = electronBinary();

test.describe('the app in Electron', () => {
  test.skip(!binary, SKIP_REASON);

  let emu: RunningEmulator;
  let sandbox: Sandbox;

  test.beforeAll(async () => {
    emu = await startEmulator();
    sandbox = await makeSandbox(emu.url);
  });

  test.afterAll(async () => {
    await emu?.close();
    await sandbox?.cleanup();
  });

  test('opens its window on first run, isolated and sandboxed, with only the window API on the page', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [repo, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: childEnv(sandbox),
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      const globals = await page.evaluate(() => ({
        api: typeof (globalThis as { ssoTray?: unknown }).ssoTray,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(globals).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
      // In the main process: the one window is the app's page, and it cannot open others.
      const windows = await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => ({ title: w.getTitle(), url: w.webContents.getURL() })),
      );
      expect(windows).toEqual([
        { title: 'SSO Tray', url: expect.stringMatching(/^file:.*\/dist\/renderer\/index\.html$/) },
      ]);
      const sessions = await page.evaluate(() =>
        (globalThis as unknown as { ssoTray: Record<string, (input: unknown) => Promise<unknown>> }).ssoTray[
          'sessions:list'
        ]!({}),
      );
      expect(sessions).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
