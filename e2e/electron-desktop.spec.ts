// The desktop behaviours only a real OS shows, in real Electron where the binary is installed (the CI workflow's three
// runners): a second launch shows the running app's window, macOS's `activate` does too, and the window carries no menu
// bar with developer tools. Without the binary it is skipped, as e2e/electron-app.spec.ts is.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { ELECTRON_SKIP_REASON, electronBinary } from './support/electron-binary.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = electronBinary();
// Chromium refuses its sandbox to root (containers); a CI runner's user keeps it.
const args = [repo, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];

test.describe('the app on the desktop', () => {
  test.skip(!binary, ELECTRON_SKIP_REASON);

  let emu: RunningEmulator;
  let sandbox: Sandbox;
  let app: ElectronApplication;

  test.beforeEach(async () => {
    emu = await startEmulator();
    sandbox = await makeSandbox(emu.url);
    app = await electron.launch({ executablePath: binary!, args, env: childEnv(sandbox) });
    await app.firstWindow(); // first run: the window asks for a start URL
  });

  test.afterEach(async () => {
    await app?.close();
    await emu?.close();
    await sandbox?.cleanup();
  });

  const visibleWindows = () =>
    app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).length);
  const closeWindow = async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.close()));
    await expect.poll(visibleWindows).toBe(0);
  };

  test('a second launch shows the running app’s window and ends itself', async () => {
    await closeWindow();
    const second = spawn(binary!, args, { env: childEnv(sandbox), stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0); // it found the first one holding the single-instance lock
    await expect.poll(visibleWindows).toBe(1);
  });

  test('macOS: activate (a Dock or Finder open) shows the window', async () => {
    test.skip(
      process.platform !== 'darwin',
      "'activate' is macOS's (https://www.electronjs.org/docs/latest/api/app#event-activate-macos)",
    );
    await closeWindow();
    await app.evaluate(({ app: electronApp }) => electronApp.emit('activate', {}, false));
    await expect.poll(visibleWindows).toBe(1);
  });

  test('Windows and Linux: no menu bar, so no "Toggle Developer Tools"', async () => {
    test.skip(process.platform === 'darwin', 'macOS keeps its application menu in the menu bar');
    const roles = await app.evaluate(({ Menu, BrowserWindow }) => {
      const found: string[] = [];
      const walk = (menu: Electron.Menu | null) =>
        menu?.items.forEach((item) => {
          found.push(String(item.role ?? item.label));
          walk(item.submenu ?? null);
        });
      walk(Menu.getApplicationMenu());
      const window = BrowserWindow.getAllWindows()[0];
      return { found, menuBarVisible: window?.isMenuBarVisible() ?? false };
    });
    expect(roles.found.map((role) => role.toLowerCase())).not.toContain('toggledevtools');
    expect(roles.menuBarVisible).toBe(false);
  });
});
