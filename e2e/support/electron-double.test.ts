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
  displayedLabel,
  ipcMain,
  Menu,
  menuLabels,
  nativeImage,
  Notification,
  protocol,
  requestFromPage,
  clickShownNotification,
  clipboardNow,
  collectGarbage,
  contextBridge,
  copyAcrossBridge,
  mainWorld,
  recorded,
  resetDouble,
  safeStorage,
  session,
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

  it('closes every window on quit, and a window that cancels its close cancels the quit', () => {
    const order: string[] = [];
    app.on('will-quit', () => order.push('will-quit'));
    app.on('window-all-closed', () => order.push('window-all-closed'));
    const plain = new BrowserWindow();
    const stubborn = new BrowserWindow();
    stubborn.on('close', (event: { preventDefault(): void }) => event.preventDefault());
    app.quit();
    expect([plain.isDestroyed(), stubborn.isDestroyed()]).toEqual([true, false]);
    expect(order).toEqual([]); // no will-quit: the quit was cancelled
    stubborn.removeAllListeners('close');
    app.quit();
    expect(stubborn.isDestroyed()).toBe(true);
    expect(order).toEqual(['will-quit']); // and no window-all-closed while quitting
  });

  it('has a Dock on macOS only', () => {
    const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { ...real, value: 'linux' });
      expect(app.dock).toBeUndefined();
      Object.defineProperty(process, 'platform', { ...real, value: 'darwin' });
      expect(app.dock).toBeDefined();
      Object.defineProperty(process, 'platform', { ...real, value: 'win32' });
      expect(app.dock).toBeUndefined();
      app.setLoginItemSettings({ openAtLogin: true });
      expect(app.getLoginItemSettings().openAtLogin).toBe(true);
      Object.defineProperty(process, 'platform', { ...real, value: 'linux' });
      app.setLoginItemSettings({ openAtLogin: false });
      expect(app.getLoginItemSettings().openAtLogin).toBe(true); // Linux keeps no login item
    } finally {
      Object.defineProperty(process, 'platform', real);
    }
  });

  it('takes a desktop name and privileged schemes only before ready, and gives a default menu at ready', async () => {
    expect(app.effectiveDesktopName()).toBe('sso-tray.desktop'); // Electron's fallback from the name
    app.setDesktopName('dev.example.app.desktop');
    protocol.registerSchemesAsPrivileged([{ scheme: 'x-app', privileges: { standard: true } }]);
    expect(() => protocol.handle('x-app', () => new Response('early'))).toThrow('before the app is ready');
    await app.runEntry(async () => undefined);
    app.setDesktopName('too.late.desktop');
    expect(app.effectiveDesktopName()).toBe('dev.example.app.desktop');
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'y' }])).toThrow(
      'protocol.registerSchemesAsPrivileged should be called before app is ready',
    );
    expect(menuLabels(Menu.getApplicationMenu()!, 'View')).toContain('Toggle Developer Tools');
    protocol.handle('x-app', (request) => new Response(`you asked for ${new URL(request.url).pathname}`));
    expect(await (await requestFromPage('x-app://host/page.html')).text()).toBe('you asked for /page.html');
    await expect(requestFromPage('nobody://x/')).rejects.toThrow('net::ERR_UNKNOWN_URL_SCHEME');
  });

  it('plays a second instance when told', () => {
    expect(app.requestSingleInstanceLock()).toBe(true);
    control.singleInstanceLock = false;
    expect(app.requestSingleInstanceLock()).toBe(false);
  });
});

describe('BrowserWindow', () => {
  it("loads after the call returns, and emits 'ready-to-show' once, for a window rendered while hidden", async () => {
    const hidden = new BrowserWindow({ show: false });
    let shown = 0;
    hidden.on('ready-to-show', () => shown++);
    const load = hidden.loadURL('sso-tray://app/index.html');
    expect(hidden.rendered).toBe(false);
    await load;
    expect([hidden.rendered, shown, hidden.webContents.getURL()]).toEqual([
      true,
      1,
      'sso-tray://app/index.html',
    ]);
    await hidden.loadURL('sso-tray://app/index.html#recent');
    expect(shown).toBe(1);
    const visible = new BrowserWindow();
    visible.on('ready-to-show', () => shown++);
    await visible.loadFile('/app/index.html', { query: { view: 'quick-pick' } });
    expect([shown, visible.webContents.getURL()]).toEqual([1, 'file:///app/index.html?view=quick-pick']);
  });

  it('grants permission checks without a check handler, as Electron does', () => {
    const window = new BrowserWindow();
    expect(window.webContents.checkPermission('clipboard-read')).toBe(true);
    window.webContents.session.setPermissionCheckHandler(() => false);
    expect(window.webContents.checkPermission('clipboard-read')).toBe(false);
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
  it('keeps what was copied once the asynchronous write lands, and does not record the copied text', async () => {
    const write = clipboard.writeText('export AWS_SESSION_TOKEN=secret');
    expect(clipboardNow()).toBe(''); // Electron 45: the write is a Promise, not there when the call returns
    await write;
    expect(await clipboard.readText()).toBe('export AWS_SESSION_TOKEN=secret');
    expect(JSON.stringify(recorded)).not.toContain('secret');
    control.clipboardWriteFails = true;
    await expect(clipboard.writeText('x')).rejects.toThrow('Failed to write to the clipboard.');
  });

  it('round-trips safeStorage asynchronously without keeping the plain text, and refuses before ready', async () => {
    expect(safeStorage.getSelectedStorageBackend()).toBe('unknown');
    expect(await safeStorage.isAsyncEncryptionAvailable()).toBe(false);
    await expect(safeStorage.encryptStringAsync('x')).rejects.toThrow('Encryption is not available.');
    await app.runEntry(async () => undefined);
    expect(safeStorage.getSelectedStorageBackend()).toBe('gnome_libsecret');
    const sealed = await safeStorage.encryptStringAsync('{"accessToken":"aoa-secret"}');
    expect(sealed.toString('latin1')).not.toContain('aoa-secret');
    expect(await safeStorage.decryptStringAsync(sealed)).toEqual({
      result: '{"accessToken":"aoa-secret"}',
      shouldReEncrypt: false,
    });
    await expect(safeStorage.decryptStringAsync(Buffer.from('{"plain":true}'))).rejects.toThrow(
      'Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.',
    );
    control.keyRotated = true;
    expect((await safeStorage.decryptStringAsync(sealed)).shouldReEncrypt).toBe(true);
    control.storageBackend = 'basic_text';
    expect(safeStorage.getSelectedStorageBackend()).toBe('basic_text');
    expect(await safeStorage.isAsyncEncryptionAvailable()).toBe(true); // the trap: basic_text "is available"
  });

  it('dispatches a click only to a notification the app still holds, after a real garbage collection', async () => {
    let clicked = 0;
    const kept = new Notification({ title: 'SSO Tray', body: 'Kept' });
    kept.on('click', () => clicked++);
    kept.show();
    (() => {
      const dropped = new Notification({ title: 'SSO Tray', body: 'Dropped' });
      dropped.on('click', () => clicked++);
      dropped.show();
    })();
    await collectGarbage();
    expect(clickShownNotification(/^Kept$/)).toBe(true);
    expect(clickShownNotification(/^Dropped$/)).toBe(false);
    expect(clicked).toBe(1);
    expect(callsTo('notification.show')).toEqual([['SSO Tray'], ['SSO Tray']]);
  });
});

describe('app start-up', () => {
  it("emits 'ready' only once the entry module's evaluation has settled", async () => {
    const order: string[] = [];
    void app.whenReady().then(() => order.push('ready'));
    await app.runEntry(async () => {
      await Promise.resolve();
      order.push('entry evaluated');
    });
    await app.whenReady();
    expect(order).toEqual(['entry evaluated', 'ready']);
    expect(app.isReady()).toBe(true);
  });
});

describe('contextBridge', () => {
  it('copies values as Electron does: Errors keep only their message, prototypes and symbols are dropped', async () => {
    class Session {
      constructor(readonly name: string) {}
      greet(): string {
        return this.name;
      }
    }
    const failure = Object.assign(new Error('The session "x" is unknown.'), { code: 'not-found' });
    contextBridge.exposeInMainWorld('api', {
      session: new Session('acme'),
      tag: Symbol('t'),
      fail: () => {
        throw failure;
      },
      later: async () => Promise.reject(failure),
      echo: (value: unknown) => value,
    });
    const api = mainWorld('api') as Record<string, unknown>;
    expect(api.session).toEqual({ name: 'acme' });
    expect(Object.getPrototypeOf(api.session)).toBe(Object.prototype);
    expect(api.tag).toBeUndefined();
    const thrown = (() => {
      try {
        (api.fail as () => void)();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ message: 'The session "x" is unknown.' });
    expect((thrown as { code?: string }).code).toBeUndefined();
    await expect((api.later as () => Promise<never>)()).rejects.not.toHaveProperty('code');
    expect((api.echo as (v: unknown) => unknown)(new Session('b'))).toEqual({ name: 'b' });
    expect(copyAcrossBridge([1, 'a', null])).toEqual([1, 'a', null]);
  });
});

describe('session.defaultSession.setProxy and resolveProxy', () => {
  // The examples of Electron's ProxyConfig docs (https://www.electronjs.org/docs/latest/api/structures/proxy-config),
  // answered in Chromium's PAC form: each proxy of a list an entry, in order.
  it.each([
    ['http=foopy:80;ftp=foopy2', 'http://a.example/', 'PROXY foopy:80'],
    ['http=foopy:80;ftp=foopy2', 'https://a.example/', 'DIRECT'],
    ['foopy:80', 'https://a.example/', 'PROXY foopy:80'],
    ['foopy:80,bar,direct://', 'https://a.example/', 'PROXY foopy:80;PROXY bar:80;DIRECT'],
    ['http=foopy;socks=foopy2', 'http://a.example/', 'PROXY foopy:80'],
    ['http=foopy;socks=foopy2', 'https://a.example/', 'SOCKS foopy2:1080'],
    ['http=foopy,socks5://bar.com', 'http://a.example/', 'PROXY foopy:80;SOCKS5 bar.com:1080'],
    ['http=foopy,direct://', 'http://a.example/', 'PROXY foopy:80;DIRECT'],
    ['https://secure.example', 'https://a.example/', 'HTTPS secure.example:443'],
  ])('rules %j answer %s with %j', async (proxyRules, url, pac) => {
    await session.defaultSession.setProxy({ proxyRules });
    expect(await session.defaultSession.resolveProxy(url)).toBe(pac);
  });

  it('answers DIRECT with no rules and after mode "direct"', async () => {
    expect(await session.defaultSession.resolveProxy('https://a.example/')).toBe('DIRECT');
    await session.defaultSession.setProxy({ proxyRules: 'foopy:80' });
    await session.defaultSession.setProxy({ mode: 'direct' });
    expect(await session.defaultSession.resolveProxy('https://a.example/')).toBe('DIRECT');
  });
});
