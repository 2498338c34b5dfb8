// The tray app as Electron 45 runs it, through the double that plays Electron's rules: the entry lets 'ready' come,
// the clipboard is asynchronous, notifications are only weakly held, safeStorage may only have 'basic_text', and a
// packaged macOS app leaves the Dock to Info.plist.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import * as electron from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  app as doubleApp,
  callsTo,
  click,
  clipboardNow,
  control,
  createdNotifications,
  createdTrays,
  Notification,
} from '../../e2e/support/electron-double.js';
import { formatCredentials } from '../core/role-credentials/formats.js';
import { MEMORY_ONLY_MESSAGE } from './safe-storage-secret-store.js';
import {
  credentialsOf,
  start,
  menu,
  signInFromTray,
  useHarness,
  usePlatform,
} from '../../e2e/support/electron-double-harness.js';
import { eventually, HANG_GUARD_MS } from '../../e2e/support/eventually.js';

const h = useHarness();

/** Fails the test with `message` when `work` has not settled after `ms`: a hang shows as a clear failure. */
function within<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

describe('start-up from the built entry (dist/electron/main.js)', () => {
  it('finishes evaluating main.js, so Electron can emit ready, and the tray appears', async () => {
    for (const [key, value] of Object.entries(h.sandbox.env)) vi.stubEnv(key, value);
    try {
      const entry = new URL('../../dist/electron/main.js', import.meta.url).href;
      await within(
        doubleApp.runEntry(() => import(entry)),
        HANG_GUARD_MS,
        "dist/electron/main.js never finished evaluating: Electron emits 'ready' only after it, so the app would hang before its tray (a top-level await on app.whenReady()?)",
      );
      await eventually(() => expect(createdTrays()).toHaveLength(1));
      electron.app.quit();
      await eventually(() => expect(createdTrays()[0]!.isDestroyed()).toBe(true));
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

async function signedInWithFavourite() {
  const app = await start(h);
  await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await app.tray.refresh();
  await signInFromTray(h, app, 'acme');
  const account = h.emu.organisation.accounts[0]!;
  const role = { session: 'acme', accountId: account.accountId, roleName: account.roles[0]! };
  await app.door.call('favourites:toggle', role);
  await app.tray.refresh();
  return { app, role, label: `${account.accountId} / ${role.roleName}` };
}

describe('copying with the asynchronous clipboard', () => {
  it('says "Copied" only once the text is on the clipboard', async () => {
    const { app, role, label } = await signedInWithFavourite();
    const atNotice = new Map<string, string>();
    const show = Notification.prototype.show;
    vi.spyOn(Notification.prototype, 'show').mockImplementation(function (this: Notification) {
      atNotice.set(this.body, clipboardNow());
      show.call(this);
    });
    click(menu(), label, 'Copy environment variables (bash, zsh)');
    const copied = await eventually(() => {
      const body = [...atNotice.keys()].find((b) => b.startsWith('Copied '));
      if (!body) throw new Error('no "Copied" notification yet');
      return body;
    });
    const credentials = await credentialsOf(app, role);
    expect(atNotice.get(copied)).toBe(formatCredentials('env', credentials));
  });

  it('tells the user in one sentence when the clipboard refuses the text, and never says "Copied"', async () => {
    const { label } = await signedInWithFavourite();
    control.clipboardWriteFails = true;
    click(menu(), label, 'Copy secret access key');
    await eventually(() =>
      expect(createdNotifications().map((n) => n.body)).toContain(
        'SSO Tray could not put the text on the clipboard (another app may be holding it); try the copy again.',
      ),
    );
    expect(createdNotifications().some((n) => n.body.startsWith('Copied'))).toBe(false);
  });
});

describe('tokens when sharing with the AWS CLI is off', () => {
  it("keeps them in memory only on Linux's 'basic_text' backend, and says so once", async () => {
    control.storageBackend = 'basic_text';
    const app = await start(h);
    await app.door.call('settings:update', { shareTokenCacheWithAwsCli: false });
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    await app.door.call('accounts:list', { session: 'acme' }); // the token is usable from memory
    const notices = createdNotifications().filter((n) => n.body === MEMORY_ONLY_MESSAGE);
    expect(notices).toHaveLength(process.platform === 'linux' ? 1 : 0);
    if (process.platform === 'linux') {
      await expect(readdir(path.join(h.sandbox.paths.appDataDir, 'secrets'))).rejects.toMatchObject({
        code: 'ENOENT',
      });
      expect(callsTo('safeStorage.encryptStringAsync')).toEqual([]);
    }
  });
});

describe('the macOS shape of a tray app', () => {
  it('hides the Dock icon itself only when unpackaged: the packaged app has LSUIElement in Info.plist', async () => {
    usePlatform('darwin');
    control.packaged = true;
    await start(h);
    expect(callsTo('app.dock.hide')).toEqual([]);
  });

  it('has no Dock to hide off macOS (app.dock is undefined there), and starts all the same', async () => {
    usePlatform('linux');
    expect(electron.app.dock).toBeUndefined();
    await start(h);
    expect(createdTrays()).toHaveLength(1);
  });
});
