// The one window, locked down: context isolation and the sandbox on, no Node, no navigation, no new windows, no
// permissions; it shows only the app's own page, and only that page may use the window API.
import type { BrowserWindow as BrowserWindowType, IpcMainInvokeEvent } from 'electron';
import type * as Electron from 'electron';
import { isFromPage, lockDown, lockedWebPreferences } from './secure-window.js';
import type { WindowStateStore } from './window-state.js';
import type { WholeList } from '../tray/menu-template.js';
import { appPageUrl } from './app-scheme.js';

export interface MainWindowOptions {
  preload: string;
  /** False in a packaged build: no developer tools. */
  devTools?: boolean;
}

export class MainWindow {
  private window: BrowserWindowType | undefined;
  private readonly pageUrl = appPageUrl();

  constructor(
    private readonly electron: Pick<typeof Electron, 'BrowserWindow'>,
    private readonly options: MainWindowOptions,
    private readonly onCreated: (window: BrowserWindowType) => () => void = () => () => undefined,
    private readonly state?: WindowStateStore,
  ) {}

  /** Shows the window, creating it on first use (and again after it was closed); `list`: on that list (tray's More…). */
  open(list?: WholeList): void {
    if (this.window && !this.window.isDestroyed()) {
      // Only the fragment changes: Chromium navigates within the page (no reload; electron/electron#46469), and the
      // page's hashchange brings the list into view. A refused navigation is no reason to fail the click.
      if (list) void this.window.loadURL(`${this.pageUrl}#${list}`).catch(() => undefined);
      this.window.show();
      this.window.focus();
      return;
    }
    const window = new this.electron.BrowserWindow({
      width: 1040,
      height: 760,
      ...this.state?.bounds(),
      minWidth: 640,
      minHeight: 480,
      show: false,
      title: 'SSO Tray',
      webPreferences: lockedWebPreferences(this.options.preload, this.options.devTools),
    });
    lockDown(window);
    const stop = this.onCreated(window);
    window.once('ready-to-show', () => window.show());
    window.on('close', () => this.state?.save(window.getBounds()));
    window.on('closed', () => {
      stop();
      if (this.window === window) this.window = undefined;
    });
    this.window = window;
    void window.loadURL(list ? `${this.pageUrl}#${list}` : this.pageUrl);
  }

  /** Only the app's window showing the app's page may call the API. */
  isTrusted(event: IpcMainInvokeEvent): boolean {
    return isFromPage(this.window, this.pageUrl, event);
  }

  send(channel: string, message: unknown): void {
    if (this.window && !this.window.isDestroyed()) this.window.webContents.send(channel, message);
  }

  /** Closes it for good (at quit): destroy() emits no 'close', so where it was is saved here. */
  destroy(): void {
    const window = this.window;
    if (!window || window.isDestroyed()) return;
    this.state?.save(window.getBounds());
    window.destroy();
  }
}
