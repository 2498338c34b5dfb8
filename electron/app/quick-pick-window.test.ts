// The quick-pick window, held to Electron through the recorded double: made once, hidden (not closed) when done,
// locked down like the main window, trusted only on its own page, and opened by the user's global shortcut.
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow } from 'electron';
import { callsTo, resetDouble } from '../../e2e/support/electron-double.js';
import type { IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import { QuickPickWindow, applyDesktopSettings, canStartAtLogin } from './quick-pick-window.js';

const files = { preload: '/app/dist/electron/preload.cjs', indexHtml: '/app/dist/renderer/index.html' };

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

describe('the quick-pick window', () => {
  it('is made once, frameless and locked down, and shows the compact page', () => {
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined);
    pick.open();
    pick.open();
    const made = callsTo('new BrowserWindow');
    expect(made).toHaveLength(1);
    expect(made[0]?.[0]).toMatchObject({
      frame: false,
      show: false,
      skipTaskbar: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(callsTo('window.show')).toHaveLength(2);
    expect(callsTo('webContents.setWindowOpenHandler')).toHaveLength(1);
  });

  it('hides instead of closing when the page closes itself (Escape, or an action done)', () => {
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined);
    pick.open();
    const [window] = BrowserWindow.getAllWindows();
    window!.close();
    expect(window!.isDestroyed()).toBe(false);
    expect(window!.isVisible()).toBe(false);
    pick.destroy();
    expect(window!.isDestroyed()).toBe(true);
  });

  it('trusts only its own window showing the quick-pick page', () => {
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined);
    pick.open();
    const [window] = BrowserWindow.getAllWindows();
    const page = `${pathToFileURL(files.indexHtml).href}?view=quick-pick`;
    const event = (url: string, sender = window!.webContents) =>
      ({ sender, senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
    expect(pick.isTrusted(event(page))).toBe(true);
    expect(pick.isTrusted(event('https://example.com/'))).toBe(false);
    expect(pick.isTrusted(event(pathToFileURL(files.indexHtml).href))).toBe(false);
  });
});

describe('the global shortcut', () => {
  it('opens the quick-pick; a new one replaces the old; empty turns it off', () => {
    const keys = shortcuts();
    const pick = new QuickPickWindow({ BrowserWindow }, files, () => () => undefined, keys);
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
