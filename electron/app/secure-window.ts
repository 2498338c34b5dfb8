// The lock-down every SSO Tray window gets (the main window and the quick-pick): context isolation and the sandbox
// on, no Node, no navigation, no new windows, no permissions; and the one test of "this is our page calling".
import type { BrowserWindow, IpcMainInvokeEvent, WebPreferences } from 'electron';

/** The webPreferences of every window: only the preload's one API object reaches the page; devTools only unpackaged. */
export function lockedWebPreferences(preload: string, devTools = true): WebPreferences {
  return {
    preload,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** The page stays where it is: no navigation or redirect, no new windows, every permission refused. */
export function lockDown(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The page uses no permission (its copies go through the main process). Requests and checks are separate handlers,
  // and a check is granted when no check handler is set (https://www.electronjs.org/docs/latest/api/session#sessetpermissioncheckhandlerhandler).
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

/** Whether an IPC call comes from `window` showing exactly `pageUrl` (its fragment aside). */
export function isFromPage(
  window: BrowserWindow | undefined,
  pageUrl: string,
  event: IpcMainInvokeEvent,
): boolean {
  if (!window || window.isDestroyed()) return false;
  return event.sender.id === window.webContents.id && event.senderFrame?.url.split('#')[0] === pageUrl;
}
