// The electron double behaves as Electron does where the shell's tests rely on it, so those tests prove something.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  BrowserWindow,
  callsTo,
  click,
  clipboard,
  control,
  createdNotifications,
  displayedLabel,
  ipcMain,
  Menu,
  menuLabels,
  nativeImage,
  Notification,
  recorded,
  resetDouble,
  safeStorage,
  Tray,
} from './electron-double.js';

beforeEach(() => resetDouble());

describe('Menu.buildFromTemplate', () => {
  it("rejects what Electron rejects, with Electron's words", () => {
    expect(() => Menu.buildFromTemplate({} as never)).toThrow(
      'Invalid template for Menu: Menu template must be an array',
    );
    expect(() => Menu.buildFromTemplate([{ click: () => undefined }])).toThrow(
      'Invalid template for MenuItem: must have at least one of label, role or type',
    );
    expect(() => Menu.buildFromTemplate([{ label: 'A', submenu: [{ enabled: false }] }])).toThrow(TypeError);
  });

  it('folds adjacent, leading and trailing separators as Electron does', () => {
    const menu = Menu.buildFromTemplate([
      { type: 'separator' },
      { label: 'A' },
      { type: 'separator' },
      { type: 'separator' },
      { label: 'B' },
      { type: 'separator' },
    ]);
    expect(menuLabels(menu)).toEqual(['A', '---', 'B']);
  });

  it("shows '&&' as '&' and hides a single '&' (a mnemonic)", () => {
    expect(displayedLabel('R&&D / &Admin')).toBe('R&D / Admin');
  });

  it('clicks only an enabled leaf, with Electron’s arguments', () => {
    const seen: unknown[] = [];
    const menu = Menu.buildFromTemplate([
      { label: 'Open', submenu: [{ label: 'Now', click: (item, window) => seen.push(item.label, window) }] },
      { label: 'Off', enabled: false, submenu: [{ label: 'Inner', click: () => seen.push('inner') }] },
    ]);
    click(menu, 'Open', 'Now');
    expect(seen).toEqual(['Now', undefined]);
    expect(() => click(menu, 'Off', 'Inner')).toThrow('The menu item "Off" is disabled.');
    expect(() => click(menu, 'Open')).toThrow('opens a submenu');
    expect(() => click(menu, 'Missing')).toThrow('there are: ["Open","Off"]');
  });
});

describe('Tray and nativeImage', () => {
  it('gives an empty image for a file that is missing or not an image', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-double-'));
    try {
      await writeFile(path.join(dir, 'notes.png'), 'not a png');
      expect(nativeImage.createFromPath(path.join(dir, 'missing.png')).isEmpty()).toBe(true);
      expect(nativeImage.createFromPath(path.join(dir, 'notes.png')).isEmpty()).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('throws on a destroyed tray, as Electron does', () => {
    const tray = new Tray(nativeImage.createEmpty());
    tray.destroy();
    expect(() => tray.setToolTip('x')).toThrow('Object has been destroyed');
  });
});

describe('app', () => {
  it('runs before-quit, will-quit and quit, and lets a listener hold the quit', () => {
    const order: string[] = [];
    let hold = true;
    app.on('before-quit', (event: { preventDefault(): void }) => {
      order.push('before-quit');
      if (hold) event.preventDefault();
    });
    app.on('will-quit', () => order.push('will-quit'));
    app.on('quit', () => order.push('quit'));
    app.quit();
    expect(order).toEqual(['before-quit']);
    hold = false;
    app.quit();
    expect(order).toEqual(['before-quit', 'before-quit', 'will-quit', 'quit']);
  });

  it('quits when the last window closes unless someone listens for window-all-closed', () => {
    new BrowserWindow({ show: false }).close();
    expect(callsTo('app.quit')).toHaveLength(1);
    resetDouble();
    app.on('window-all-closed', () => undefined);
    new BrowserWindow().close();
    expect(callsTo('app.quit')).toHaveLength(0);
  });

  it('hands out only paths a test set, never the real home', () => {
    expect(() => app.getPath('userData')).toThrow("app.setPath('userData', tempDir)");
    app.setPath('userData', '/tmp/sso-tray-user-data');
    expect(app.getPath('userData')).toBe('/tmp/sso-tray-user-data');
    expect(app.getVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('plays a second instance when told', () => {
    expect(app.requestSingleInstanceLock()).toBe(true);
    control.singleInstanceLock = false;
    expect(app.requestSingleInstanceLock()).toBe(false);
  });
});

describe('ipcMain', () => {
  it('refuses a second handler for a channel, as Electron does', () => {
    ipcMain.handle('sessions:list', () => []);
    expect(() => ipcMain.handle('sessions:list', () => [])).toThrow(
      "Attempted to register a second handler for 'sessions:list'",
    );
    ipcMain.removeHandler('sessions:list');
    expect(ipcMain.channels()).toEqual([]);
  });

  it('clones what crosses, and words a failure as the renderer sees it', async () => {
    const input = { nested: { n: 1 } };
    ipcMain.handle('echo', (event, arg) => ({ arg, url: event.senderFrame?.url, same: arg === input }));
    await expect(
      ipcMain.invokeFromRenderer('echo', [input], { url: 'file:///app/index.html' }),
    ).resolves.toEqual({
      arg: input,
      url: 'file:///app/index.html',
      same: false,
    });
    ipcMain.handle('fails', () => {
      throw new Error('The session "x" is unknown.');
    });
    await expect(ipcMain.invokeFromRenderer('fails', [], { url: 'file:///app/index.html' })).rejects.toThrow(
      'Error invoking remote method \'fails\': Error: The session "x" is unknown.',
    );
    await expect(ipcMain.invokeFromRenderer('nobody', [], { url: 'file:///' })).rejects.toThrow(
      "No handler registered for 'nobody'",
    );
  });
});

describe('desktop services', () => {
  it('keeps what was copied, and does not record the copied text', () => {
    clipboard.writeText('export AWS_SESSION_TOKEN=secret');
    expect(clipboard.readText()).toBe('export AWS_SESSION_TOKEN=secret');
    expect(JSON.stringify(recorded)).not.toContain('secret');
  });

  it('round-trips safeStorage without keeping the plain text', () => {
    const sealed = safeStorage.encryptString('{"accessToken":"aoa-secret"}');
    expect(sealed.toString('latin1')).not.toContain('aoa-secret');
    expect(safeStorage.decryptString(sealed)).toBe('{"accessToken":"aoa-secret"}');
    expect(() => safeStorage.decryptString(Buffer.from('{"plain":true}'))).toThrow(
      'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
    );
    control.encryptionAvailable = false;
    expect(safeStorage.isEncryptionAvailable()).toBe(false);
    expect(() => safeStorage.encryptString('x')).toThrow('Encryption is not available.');
  });

  it('records notifications and lets a test click one', () => {
    let clicked = false;
    const notification = new Notification({ title: 'SSO Tray', body: 'Your sign-in to acme has ended.' });
    notification.on('click', () => (clicked = true));
    notification.show();
    createdNotifications()[0]?.emit('click');
    expect(clicked).toBe(true);
    expect(callsTo('notification.show')).toEqual([['SSO Tray']]);
  });
});
