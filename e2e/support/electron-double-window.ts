// BrowserWindow as the double plays it (its webContents in electron-double-web-contents.ts): options recorded, pages
// loading after the call, closing as Electron closes.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { app, cancellable, closeWindowsOnQuitWith } from './electron-double-app.js';
import type * as Electron from 'electron';
import { onReset, record, type Conforms } from './electron-double-log.js';
import { WebContents } from './electron-double-web-contents.js';

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
