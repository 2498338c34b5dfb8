// BrowserWindow and its webContents as the double plays them: options recorded, closing as Electron closes.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { app, cancellable } from './electron-double-app.js';
import type * as Electron from 'electron';
import { onReset, record, type Conforms } from './electron-double-log.js';

let nextWebContentsId = 1;

type PermissionHandler = (
  contents: WebContents,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

export class WebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | undefined;
  permissionHandler: PermissionHandler | undefined;
  readonly session = {
    setPermissionRequestHandler: (handler: PermissionHandler | null): void => {
      record('session.setPermissionRequestHandler');
      this.permissionHandler = handler ?? undefined;
    },
  };

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
  }

  async loadURL(url: string): Promise<void> {
    record('window.loadURL', url);
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
}

onReset(() => (windows.length = 0));

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
  >
>;
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type WebContentsChecked = Conforms<
  WebContents,
  Pick<Electron.WebContents, 'send' | 'setWindowOpenHandler' | 'id'>
>;
