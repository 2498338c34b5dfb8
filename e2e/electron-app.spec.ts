// The packaged shape of the app in real Electron, where the binary is installed: start-up reaches the tray and the
// window, which opens locked down on first run with its API answering over real IPC, and a copy lands on the real
// clipboard (through the app's test-only hook, SSO_TRAY_TEST_HOOKS=1). Without the binary (as on the project's build machines) it is skipped
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

  test('reaches the tray and opens its window on first run, isolated and sandboxed, with only the window API on the page; a copy lands on the clipboard', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [repo, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: childEnv(sandbox, { SSO_TRAY_TEST_HOOKS: '1' }),
    });
    try {
      const page = await app.firstWindow();
      // Start-up went past 'ready' (electron/electron#40719): the tray is built.
      await expect
        .poll(() =>
          app.evaluate(() =>
            (globalThis as { __ssoTrayTest?: { trayBuilt(): boolean } }).__ssoTrayTest?.trayBuilt(),
          ),
        )
        .toBe(true);
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
      // Outcomes cross the context bridge as plain data (an Error would lose its code there).
      expect(sessions).toEqual({ ok: true, value: [] });
      await app.evaluate(async () => {
        const hooks = (globalThis as { __ssoTrayTest?: { copy(text: string): Promise<void> } }).__ssoTrayTest;
        await hooks!.copy('sso-tray e2e: copied');
      });
      expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe('sso-tray e2e: copied');
    } finally {
      await app.close();
    }
  });
});
