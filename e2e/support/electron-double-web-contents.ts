// webContents as the double plays it: navigation and new windows that the app may refuse, permission requests and
// checks through the session's handlers, the URL the page is at, and messages sent to the page.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { cancellable } from './electron-double-app.js';
import { record, type Conforms } from './electron-double-log.js';

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

// The members the shell uses, checked against Electron's own declarations.
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type WebContentsChecked = Conforms<
  WebContents,
  Pick<Electron.WebContents, 'send' | 'setWindowOpenHandler' | 'id' | 'getURL'>
>;
