// The quick-pick window, held to Electron through the recorded double: made once, hidden (not closed) when done,
// locked down like the main window, trusted only on its own page, and opened by the user's global shortcut.
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow } from 'electron';
import {
  BrowserWindow as DoubleWindow,
  callsTo,
  recorded,
  resetDouble,
} from '../../e2e/support/electron-double.js';
import { appPageUrl } from './app-scheme.js';
import type { IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import { QuickPickWindow, applyDesktopSettings, canStartAtLogin } from './quick-pick-window.js';
import { eventually } from '../../e2e/support/eventually.js';

const files = { preload: '/app/dist/electron/preload.cjs' };
const QUICK_PICK_PAGE = 'sso-tray://app/index.html?view=quick-pick';

/** A fake of Electron's globalShortcut: what is registered, and which accelerators another app holds. */
function shortcuts(taken: string[] = []) {
  const registered = new Map<string, () => void>();
  return {
    registered,
    register: (accelerator: string, callback: () => void) => {
      if (taken.includes(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator: string) => void registered.delete(accelerator),
  };
}

beforeEach(() => resetDouble());

/** Made and rendered hidden, as start-up leaves it. */
async function prepared(pick: QuickPickWindow) {
  const window = pick.prepare() as unknown as DoubleWindow;
  await eventually(() => expect(window.rendered).toBe(true));
  return window;
}

describe('the quick-pick window', () => {
  it('is made once, frameless and locked down, and shows the compact page', async () => {
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined);
    await prepared(pick);
    pick.open();
    pick.open();
    const made = callsTo('new BrowserWindow');
    expect(made).toHaveLength(1);
    expect(made[0]?.[0]).toMatchObject({
      frame: false,
      show: false,
      skipTaskbar: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true },
    });
    expect(callsTo('window.loadURL')).toEqual([[QUICK_PICK_PAGE]]);
    expect(callsTo('window.show')).toHaveLength(2);
    expect(callsTo('webContents.setWindowOpenHandler')).toHaveLength(1);
  });

  it('has no developer tools when packaged', () => {
    new QuickPickWindow({ BrowserWindow }, { ...files, devTools: false }, () => () => undefined).prepare();
    expect(callsTo('new BrowserWindow')[0]?.[0]).toMatchObject({ webPreferences: { devTools: false } });
  });

  it('opened before its page has rendered, shows it once rendered, never as a blank window', async () => {
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined);
    pick.open();
    const [window] = DoubleWindow.getAllWindows();
    expect(window!.isVisible()).toBe(false);
    await eventually(() => expect(window!.isVisible()).toBe(true));
    const order = recorded
      .map((call) => call.api)
      .filter((api) => /^window\.(ready-to-show|show|focus)$/.test(api));
    expect(order).toEqual(['window.ready-to-show', 'window.show', 'window.focus']);
  });

  it('hides instead of closing when the page closes itself (Escape, or an action done)', async () => {
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined);
    const window = await prepared(pick);
    pick.open();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    pick.destroy();
    expect(window.isDestroyed()).toBe(true);
  });

  it('trusts only its own window showing the quick-pick page', () => {
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined);
    const window = pick.prepare() as unknown as DoubleWindow;
    const event = (url: string, sender = window.webContents) =>
      ({ sender, senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
    expect(pick.isTrusted(event(QUICK_PICK_PAGE))).toBe(true);
    expect(pick.isTrusted(event('https://example.com/'))).toBe(false);
    expect(pick.isTrusted(event(appPageUrl()))).toBe(false);
    expect(
      pick.isTrusted(event(`${pathToFileURL('/app/dist/renderer/index.html').href}?view=quick-pick`)),
    ).toBe(false);
    expect(pick.isTrusted(event(QUICK_PICK_PAGE, new DoubleWindow().webContents))).toBe(false);
  });
});

describe('the global shortcut', () => {
  it('opens the quick-pick; a new one replaces the old; empty turns it off', async () => {
    const keys = shortcuts();
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined, keys);
    await prepared(pick);
    expect(pick.useShortcut('CommandOrControl+Shift+A')).toBe(true);
    keys.registered.get('CommandOrControl+Shift+A')?.();
    expect(callsTo('window.show')).toHaveLength(1);
    pick.useShortcut('CommandOrControl+Alt+R');
    expect([...keys.registered.keys()]).toEqual(['CommandOrControl+Alt+R']);
    pick.useShortcut('');
    expect(keys.registered.size).toBe(0);
  });

  it('tells the user when another app holds it, naming the shortcut and where to change it', () => {
    const pick = new QuickPickWindow(
      { BrowserWindow },
      files,
      () => () => undefined,
      shortcuts(['Alt+Space']),
    );
    const said: string[] = [];
    applyDesktopSettings({ startAtLogin: false, quickPickShortcut: 'Alt+Space' }, {}, pick, (m) =>
      said.push(m),
    );
    expect(said).toEqual([
      'The shortcut Alt+Space for Find a role is taken or not valid; choose another in Settings.',
    ]);
  });
});

describe('start at login', () => {
  it('exists on macOS and Windows only (Electron has no login items on Linux)', () => {
    expect([canStartAtLogin('darwin'), canStartAtLogin('win32'), canStartAtLogin('linux')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
