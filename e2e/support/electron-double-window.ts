// BrowserWindow and its webContents as the double plays them: options recorded, closing as Electron closes.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { app, cancellable, closeWindowsOnQuitWith } from './electron-double-app.js';
import type * as Electron from 'electron';
import { onReset, record, type Conforms } from './electron-double-log.js';

let nextWebContentsId = 1;

type PermissionHandler = (
  contents: WebContents,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheck = (contents: WebContents | null, permission: string, origin: string) => boolean;

export class WebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | undefined;
  permissionHandler: PermissionHandler | undefined;
  permissionCheck: PermissionCheck | undefined;
  private url = '';
  readonly session = {
    setPermissionRequestHandler: (handler: PermissionHandler | null): void => {
      record('session.setPermissionRequestHandler');
      this.permissionHandler = handler ?? undefined;
    },
    // Checks (navigator.permissions.query, a page reading the clipboard or notification state) go through another
    // handler than requests, and Electron grants them when none is set (https://electronjs.org/docs/api/session#sessetpermissioncheckhandlerhandler).
    setPermissionCheckHandler: (handler: PermissionCheck | null): void => {
      record('session.setPermissionCheckHandler');
      this.permissionCheck = handler ?? undefined;
    },
  };

  getURL(): string {
    return this.url;
  }

  /** Test-only: the page navigated to `url` (what loadURL and loadFile do). */
  loaded(url: string): void {
    this.url = url;
  }

  /** Test-only: what a permission check by the page answers; Electron grants without a handler. */
  checkPermission(permission: string): boolean {
    return this.permissionCheck
      ? this.permissionCheck(this, permission, new URL(this.url || 'about:blank').origin)
      : true;
  }

  /** What Electron does when the page tries to go elsewhere: 'will-navigate', which a listener may cancel. */
  navigate(url: string): boolean {
    const event = cancellable();
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }

  /** What a page's request for a permission (camera, notifications, …) gets from the handler; Electron grants without one. */
  requestPermission(permission: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.permissionHandler) return resolve(true);
      this.permissionHandler(this, permission, resolve);
    });
  }

  setWindowOpenHandler(
    handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }

  /** Test-only: the page's window.open(url), as the handler sees it; Electron allows it when there is no handler. */
  requestNewWindow(url: string): Electron.WindowOpenHandlerResponse {
    const details: Electron.HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
    };
    return this.windowOpenHandler?.(details) ?? { action: 'allow' };
  }

  send(channel: string, ...args: unknown[]): void {
    record('webContents.send', channel, ...structuredClone(args));
  }
}

const windows: BrowserWindow[] = [];

export class BrowserWindow extends EventEmitter {
  readonly webContents = new WebContents();
  private visible: boolean;
  private destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    record('new BrowserWindow', options);
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.visible = options.show ?? true;
    windows.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return windows.filter((w) => !w.destroyed);
  }

  async loadFile(file: string, options?: Electron.LoadFileOptions): Promise<void> {
    if (options) record('window.loadFile', file, options);
    else record('window.loadFile', file);
    const url = pathToFileURL(file);
    if (options?.query) url.search = new URLSearchParams(options.query).toString();
    if (options?.hash) url.hash = options.hash;
    await this.load(url.href);
  }

  async loadURL(url: string): Promise<void> {
    record('window.loadURL', url);
    await this.load(url);
  }

  /** Test-only: whether the page has been rendered once ('ready-to-show' was emitted). */
  rendered = false;

  // The page loads after the call returns; once rendered the first time while hidden, the window emits 'ready-to-show'
  // (https://electronjs.org/docs/api/browser-window#event-ready-to-show), after webContents' 'did-finish-load'.
  private async load(url: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.destroyed) return;
    this.webContents.loaded(url);
    record('webContents.did-finish-load', url);
    this.webContents.emit('did-finish-load');
    if (this.rendered) return;
    this.rendered = true;
    if (this.visible) return; // shown before its first paint: no 'ready-to-show'
    record('window.ready-to-show');
    this.emit('ready-to-show');
  }

  private bounds = { x: 100, y: 100, width: 800, height: 600 };

  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }

  /** The user moves or resizes the window. */
  setBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void {
    record('window.setBounds', bounds);
    this.bounds = { ...this.bounds, ...bounds };
  }

  show(): void {
    record('window.show');
    this.visible = true;
  }

  hide(): void {
    record('window.hide');
    this.visible = false;
  }

  focus(): void {
    record('window.focus');
  }

  isVisible(): boolean {
    return this.visible && !this.destroyed;
  }

  /** As Electron: 'close' may be cancelled; otherwise the window goes and 'closed' follows. */
  close(): void {
    record('window.close');
    const event = cancellable();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.lastWindowClosed();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Test-only (resetDouble): gone without a word, as when the process that held it ended. */
  abandon(): void {
    this.destroyed = true;
  }
}

// A reset ends the windows of the test before: a page still loading there reports nothing into the next test.
onReset(() => {
  for (const window of windows) window.abandon();
  windows.length = 0;
});

// app.quit() closes every window as a user's close would; one that cancels its 'close' keeps the app running.
closeWindowsOnQuitWith(() => {
  for (const window of BrowserWindow.getAllWindows()) window.close();
  return BrowserWindow.getAllWindows().length === 0;
});

// The members the shell uses, checked against Electron's own declarations.
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type BrowserWindowChecked = Conforms<
  BrowserWindow,
  Pick<
    Electron.BrowserWindow,
    | 'getBounds'
    | 'setBounds'
    | 'show'
    | 'hide'
    | 'focus'
    | 'isVisible'
    | 'close'
    | 'destroy'
    | 'isDestroyed'
    | 'loadFile'
    | 'loadURL'
  >
>;
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type WebContentsChecked = Conforms<
  WebContents,
  Pick<Electron.WebContents, 'send' | 'setWindowOpenHandler' | 'id' | 'getURL'>
>;
