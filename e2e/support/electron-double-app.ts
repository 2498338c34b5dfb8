// The app's lifecycle and the machine's power events as the double plays them, each call recorded.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Electron from 'electron';
import { control, onReset, record } from './electron-double-log.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  productName?: string;
};

/** An event a listener may cancel, like Electron's 'before-quit' and 'close'. */
export function cancellable(): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Set by the window part of the double (it imports this file): closes every window for a quit, false if one stayed. */
let closeAllWindowsForQuit: () => boolean = () => true;
export function closeWindowsOnQuitWith(close: () => boolean): void {
  closeAllWindowsForQuit = close;
}
/** What Electron does at 'will-finish-launching', just before 'ready' (the default menu part registers there). */
const willFinishLaunching: Array<() => void> = [];
export function onWillFinishLaunching(step: () => void): void {
  willFinishLaunching.push(step);
}

class App extends EventEmitter {
  /** A test plays the packaged app with control.packaged. */
  get isPackaged(): boolean {
    return control.packaged;
  }
  private readonly macDock = {
    hide: (): void => record('app.dock.hide'),
    show: async (): Promise<void> => record('app.dock.show'),
  } satisfies Pick<Electron.Dock, 'hide' | 'show'>;
  /** macOS only: electron.d.ts types it `Dock | undefined` (https://electronjs.org/docs/api/app#appdock-macos-readonly). */
  get dock(): Pick<Electron.Dock, 'hide' | 'show'> | undefined {
    return process.platform === 'darwin' ? this.macDock : undefined;
  }
  private loginItem = { openAtLogin: false };
  private desktopName: string | undefined;
  private readonly paths = new Map<string, string>();
  private quitting = false;
  private ready = false;
  private markReady!: () => void;
  private readyPromise = this.newReadyPromise();

  private newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => (this.markReady = resolve));
  }

  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    record('app.on', event);
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  // Resolves on 'ready', which Electron emits only once the entry module has been evaluated (electron/electron#40719).
  whenReady(): Promise<void> {
    record('app.whenReady');
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Test-only: Electron's start-up — evaluate the entry module, and only once that has settled, emit 'ready'. */
  async runEntry(evaluate: () => Promise<unknown>): Promise<void> {
    await evaluate();
    for (const step of willFinishLaunching) step();
    this.ready = true;
    this.markReady();
    this.emit('ready', cancellable(), {});
  }

  /** The unpackaged app's path: the folder holding package.json (https://electronjs.org/docs/api/app#appgetapppath). */
  getAppPath(): string {
    return REPO;
  }

  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return control.singleInstanceLock;
  }

  /**
   * Electron's order (https://electronjs.org/docs/api/app#appquit): 'before-quit' (cancellable), then every window is
   * closed, and one that cancels its 'close' cancels the quit; then 'will-quit' (cancellable), then 'quit'. While
   * quitting, the last window closing emits no 'window-all-closed' (https://electronjs.org/docs/api/app#event-will-quit).
   */
  quit(): void {
    record('app.quit');
    if (this.quitting) return;
    const before = cancellable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.closingWindows = true;
    const allClosed = closeAllWindowsForQuit();
    this.closingWindows = false;
    if (!allClosed) return;
    const will = cancellable();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.quitting = true;
    this.emit('quit', cancellable(), 0);
  }
  private closingWindows = false;

  exit(code = 0): void {
    record('app.exit', code);
  }

  /** Only what a test set, and 'temp': the double never hands out a real home or profile folder. */
  getPath(name: string): string {
    const set = this.paths.get(name);
    if (set !== undefined) return set;
    if (name === 'temp') return os.tmpdir();
    throw new Error(
      `The electron double has no '${name}' path: set one with app.setPath('${name}', tempDir).`,
    );
  }

  setPath(name: string, value: string): void {
    record('app.setPath', name, value);
    this.paths.set(name, value);
  }

  getVersion(): string {
    return packageJson.version;
  }

  getName(): string {
    return packageJson.productName ?? packageJson.name;
  }

  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', id);
  }

  /** Linux: takes effect only before 'ready' (electron.d.ts, setDesktopName); Chromium reads it as CHROME_DESKTOP. */
  setDesktopName(name: string): void {
    record('app.setDesktopName', name);
    if (!this.ready) this.desktopName = name;
  }

  /** Test-only: the .desktop name the desktop sees (Electron's fallback is the app's name, slugged). */
  effectiveDesktopName(): string {
    return this.desktopName ?? `${this.getName().toLowerCase().replace(/\s+/g, '-')}.desktop`;
  }

  /** macOS and Windows only; elsewhere Electron keeps nothing (https://electronjs.org/docs/api/app#appsetloginitemsettingssettings-macos-windows). */
  setLoginItemSettings(settings: Electron.Settings): void {
    record('app.setLoginItemSettings', settings);
    if (process.platform !== 'darwin' && process.platform !== 'win32') return;
    this.loginItem = { openAtLogin: settings.openAtLogin ?? false };
  }

  getLoginItemSettings(): Pick<Electron.LoginItemSettings, 'openAtLogin'> {
    return { ...this.loginItem };
  }

  /** Without a 'window-all-closed' listener Electron quits when the last window closes; a tray app must listen. */
  lastWindowClosed(): void {
    if (this.quitting || this.closingWindows) return;
    if (this.listenerCount('window-all-closed') === 0) this.quit();
    else this.emit('window-all-closed');
  }

  reset(): void {
    this.removeAllListeners();
    this.paths.clear();
    this.quitting = false;
    this.closingWindows = false;
    this.loginItem = { openAtLogin: false };
    this.desktopName = undefined;
    this.ready = false;
    this.readyPromise = this.newReadyPromise();
  }
}

export const app = new App();
// Every member the shell uses, checked against Electron's own declaration.
app satisfies Pick<
  Electron.App,
  | 'whenReady'
  | 'isReady'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'getPath'
  | 'setPath'
  | 'getVersion'
  | 'getName'
  | 'setAppUserModelId'
  | 'getAppPath'
  | 'isPackaged'
  | 'setDesktopName'
  | 'setLoginItemSettings'
>;

class PowerMonitor extends EventEmitter {
  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    record('powerMonitor.on', event);
    return super.on(event, listener as (...args: unknown[]) => void);
  }
}

/** A test plays the machine: powerMonitor.emit('resume'). */
export const powerMonitor = new PowerMonitor();

onReset(() => {
  app.reset();
  powerMonitor.removeAllListeners();
});
