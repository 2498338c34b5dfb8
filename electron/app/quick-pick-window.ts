// The quick-pick: a small frameless window over whatever the user is doing, opened by a global shortcut or the
// tray's "Find a role…", showing the window's own page in its compact mode (index.html?view=quick-pick). It is
// made and loaded hidden at start (prepare), so the shortcut only has to show a rendered page whose box takes the
// focus; it hides (not closes) when done or left.
import type { App, BrowserWindow as BrowserWindowType, GlobalShortcut, IpcMainInvokeEvent } from 'electron';
import type * as Electron from 'electron';
import { isFromPage, lockDown, lockedWebPreferences } from './secure-window.js';
import type { Settings } from '../core/shapes/front-end-shapes.js';
import { appPageUrl } from './app-scheme.js';

const VIEW = 'quick-pick';

export class QuickPickWindow {
  private window: BrowserWindowType | undefined;
  private shortcut: string | undefined;
  private quitting = false;
  /** The page has been rendered once (its 'ready-to-show'): showing it now shows the page, not a blank window. */
  private rendered = false;
  private showWhenRendered = false;
  private readonly pageUrl = appPageUrl(VIEW);

  constructor(
    private readonly electron: Pick<typeof Electron, 'BrowserWindow'>,
    private readonly options: { preload: string; devTools?: boolean },
    private readonly onCreated: (window: BrowserWindowType) => () => void,
    private readonly shortcuts?: Pick<GlobalShortcut, 'register' | 'unregister'>,
  ) {}

  /**
   * Shows the quick-pick (Electron centres a window made without x and y) and focuses it, which focuses its search
   * box (renderer/src/main.ts); before its first render it shows once rendered, never as a blank window.
   */
  open(): void {
    const window = this.prepare();
    if (!this.rendered) {
      this.showWhenRendered = true;
      return;
    }
    window.show();
    window.focus();
  }

  /** Makes the hidden window and loads its page (once), so that opening it later is only a show. */
  prepare(): BrowserWindowType {
    if (this.window && !this.window.isDestroyed()) return this.window;
    this.rendered = false;
    const window = new this.electron.BrowserWindow({
      width: 620,
      height: 420,
      show: false,
      frame: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      title: 'Find a role',
      webPreferences: lockedWebPreferences(this.options.preload, this.options.devTools),
    });
    lockDown(window);
    const stop = this.onCreated(window);
    // https://www.electronjs.org/docs/latest/api/browser-window#event-ready-to-show: rendered while hidden.
    window.once('ready-to-show', () => {
      this.rendered = true;
      if (!this.showWhenRendered) return;
      this.showWhenRendered = false;
      window.show();
      window.focus();
    });
    // Escape and a finished action call window.close(): hide instead, ready for the next shortcut.
    window.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      window.hide();
    });
    window.on('blur', () => window.hide());
    window.on('closed', () => {
      stop();
      if (this.window === window) this.window = undefined;
    });
    this.window = window;
    void window.loadURL(this.pageUrl);
    return window;
  }

  /** Only the quick-pick window showing the app's own page may call the API. */
  isTrusted(event: IpcMainInvokeEvent): boolean {
    return isFromPage(this.window, this.pageUrl, event);
  }

  /** Registers the global shortcut (the settings' accelerator, empty for none); false when the OS refused it. */
  useShortcut(accelerator: string): boolean {
    if (!this.shortcuts || accelerator === this.shortcut) return true;
    if (this.shortcut) this.shortcuts.unregister(this.shortcut);
    this.shortcut = undefined;
    if (!accelerator) return true;
    try {
      if (!this.shortcuts.register(accelerator, () => this.open())) return false; // taken by another app
    } catch {
      return false; // not an accelerator Electron understands
    }
    this.shortcut = accelerator;
    return true;
  }

  destroy(): void {
    this.quitting = true;
    if (this.shortcut) this.shortcuts?.unregister(this.shortcut);
    this.window?.destroy();
  }
}

/** Whether this OS lets an app start at login through Electron (macOS and Windows; not Linux). */
export function canStartAtLogin(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/** The saved settings, applied to the desktop: start at login where the OS has it, and the quick-pick shortcut. */
export function applyDesktopSettings(
  settings: Pick<Settings, 'startAtLogin' | 'quickPickShortcut'>,
  app: Partial<Pick<App, 'setLoginItemSettings'>>,
  quickPick: QuickPickWindow,
  notify: (message: string) => void,
): void {
  if (canStartAtLogin(process.platform)) app.setLoginItemSettings?.({ openAtLogin: settings.startAtLogin });
  if (!quickPick.useShortcut(settings.quickPickShortcut)) {
    notify(
      `The shortcut ${settings.quickPickShortcut} for Find a role is taken or not valid; choose another in Settings.`,
    );
  }
}
