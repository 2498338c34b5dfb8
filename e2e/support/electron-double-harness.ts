// Test-only: the tray app started as Electron starts it (through the double's entry evaluation, then 'ready'), over
// the real core, the emulator and a sandboxed HOME. Shared by the start-app tests.
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { afterEach, beforeEach, expect, onTestFinished } from 'vitest';
import {
  app as doubleApp,
  BrowserWindow,
  callsTo,
  click,
  createdTrays,
  resetDouble,
  type MenuView,
} from './electron-double.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../identity-center/emulator.js';
import { makeSandbox, type Sandbox } from './sandbox.js';
import { startApp, type RunningApp } from '../../electron/app/start-app.js';
import { appPageUrl } from '../../electron/app/app-scheme.js';
import { eventually } from './eventually.js';
import type { RoleCredentials } from '../../electron/core/shapes/aws-shapes.js';
import type { Clock } from '../../electron/core/clock.js';

export const iconPath = fileURLToPath(new URL('../../build/icons/tray-Template.png', import.meta.url));
export const files = {
  iconPath,
  preload: fileURLToPath(new URL('../../dist/electron/preload.cjs', import.meta.url)),
  indexHtml: fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url)),
};
/** The window's page as the app serves it (electron/app/app-scheme.ts). */
export const pageUrl = appPageUrl();

export interface Harness {
  emu: RunningEmulator;
  sandbox: Sandbox;
  running: RunningApp | undefined;
}

/** Registers the hooks: a fresh double, emulator and sandbox per test; the app's core disposed after it. */
export function useHarness(emulator: EmulatorOptions = {}): Harness {
  const h = {} as Harness;
  beforeEach(async () => {
    resetDouble();
    h.emu = await startEmulator(emulator);
    h.sandbox = await makeSandbox(h.emu.url);
    electron.app.setPath('userData', h.sandbox.paths.appDataDir);
  });
  afterEach(async () => {
    if (h.running) {
      // Quit as a user does, so the app lets go of everything it holds (its core, its file-notice listener, the tray).
      const tray = createdTrays().at(-1);
      electron.app.quit();
      await eventually(() => expect(tray?.isDestroyed() ?? true).toBe(true));
    }
    h.running = undefined;
    await h.emu.close();
    await h.sandbox.cleanup();
  });
  return h;
}

/** Electron's start-up: the entry calls startApp without awaiting it, and 'ready' follows its evaluation. */
export async function launch(
  h: Harness,
  options: { showWindow?: boolean; clock?: Clock } = {},
): Promise<RunningApp | undefined> {
  let started: Promise<RunningApp | undefined> | undefined;
  await doubleApp.runEntry(async () => {
    started = startApp(electron, { env: h.sandbox.env, ...files, ...options });
  });
  const app = await started;
  if (app) h.running = app;
  return app;
}

export async function start(h: Harness, options: { clock?: Clock } = {}): Promise<RunningApp> {
  const app = await launch(h, options);
  if (!app) throw new Error('the app did not start');
  return app;
}

/** Plays another OS for the rest of the test: process.platform, which the shell and the double both read. */
export function usePlatform(platform: NodeJS.Platform): void {
  const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { ...real, value: platform });
  onTestFinished(() => {
    Object.defineProperty(process, 'platform', real);
  });
}

/** The main window (the quick-pick is the frameless one, made hidden at start). */
export function mainWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => w.options.frame !== false);
}

/** The quick-pick's window. */
export function quickPickWindow(): BrowserWindow | undefined {
  return BrowserWindow.getAllWindows().find((w) => w.options.frame === false);
}

export function menu(): MenuView {
  const tray = createdTrays()[0];
  if (!tray?.contextMenu) throw new Error('no tray menu');
  return tray.contextMenu;
}

/** Signs in from the tray as a user does: the click opens the browser, the user approves there. */
export async function signInFromTray(h: Harness, app: RunningApp, session: string): Promise<void> {
  click(menu(), `Sign in to ${session}…`);
  const url = await eventually(() => {
    const opened = callsTo('shell.openExternal').at(-1)?.[0];
    if (typeof opened !== 'string') throw new Error('no browser opened yet');
    return opened;
  });
  await h.emu.approveAuthorization(url);
  await eventually(async () =>
    expect((await app.door.call('sessions:list', {})).find((s) => s.name === session)?.state).toBe(
      'signed-in',
    ),
  );
  await app.tray.refresh();
}

/** A role's credentials as the app holds them, read through its door (`credentials:process` records no Recent). */
export async function credentialsOf(
  app: RunningApp,
  role: { session: string; accountId: string; roleName: string },
): Promise<RoleCredentials> {
  const { text } = await app.door.call('credentials:process', role);
  const json = JSON.parse(text) as Record<string, string>;
  return {
    accessKeyId: json.AccessKeyId!,
    secretAccessKey: json.SecretAccessKey!,
    sessionToken: json.SessionToken!,
    expiration: new Date(json.Expiration!),
    accountId: role.accountId,
    roleName: role.roleName,
  };
}
