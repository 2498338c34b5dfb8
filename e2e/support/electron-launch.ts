// Test-only: the real app under Playwright's _electron (https://playwright.dev/docs/api/class-electron), started on the
// checkout with a sandboxed HOME, started a second time as a user would, and quit as a user quits.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { childEnv, type Sandbox } from './sandbox.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Electron's arguments: the checkout, and no Chromium sandbox when run as root (CI containers). */
function args(extra: string[]): string[] {
  return [REPO, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...extra];
}

/** Starts the app with its test hooks (electron/app/test-hooks.ts). */
export function launchApp(
  binary: string,
  sandbox: Sandbox,
  extra: string[] = [],
): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary,
    args: args(extra),
    env: childEnv(sandbox, { SSO_TRAY_TEST_HOOKS: '1' }),
  });
}

/** Starts the app again, as a user does while it runs: that process hands its arguments over and ends. */
export async function launchAgain(
  binary: string,
  sandbox: Sandbox,
  extra: string[] = [],
): Promise<number | null> {
  const child = spawn(binary, args(extra), { env: childEnv(sandbox), stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

/** Quits as the tray's Quit does (app.quit()), and waits for the process to end. */
export async function quitApp(app: ElectronApplication): Promise<void> {
  const closed = app.waitForEvent('close');
  await app.evaluate(({ app: electronApp }) => electronApp.quit());
  await closed;
}

export interface WindowSeen {
  title: string;
  url: string;
  visible: boolean;
  bounds: { x: number; y: number; width: number; height: number };
}

/** Every window of the app, as the main process sees it. */
export function windowsOf(app: ElectronApplication): Promise<WindowSeen[]> {
  return app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({
      title: w.getTitle(),
      url: w.webContents.getURL(),
      visible: w.isVisible(),
      bounds: w.getBounds(),
    })),
  );
}
