// A recorded double of the 'electron' module for the shell's tests (vitest aliases 'electron' to this file for
// electron/tray and electron/*.test.ts). It plays what the shell uses, the way Electron behaves, and logs each call
// in `recorded`; call resetDouble() between tests. The things under test are the shell's own files, never this one.
// Each part checks its members against Electron's own types (`satisfies Pick<…>`); what a part adds beyond Electron's
// surface is marked "Test-only".
import { app, powerMonitor } from './electron-double-app.js';
import { ipcMain } from './electron-double-ipc.js';
import { BrowserWindow } from './electron-double-window.js';
import { contextBridge } from './electron-double-bridge.js';
import { clipboard, Notification, shell } from './electron-double-desktop.js';
import { safeStorage } from './electron-double-safe-storage.js';
import { Menu, MenuItem } from './electron-double-menu.js';
import { NativeImage, Tray } from './electron-double-tray.js';
import { globalShortcut } from './electron-double-shortcut.js';
import { autoUpdater, net } from './electron-double-net.js';
import { session } from './electron-double-session.js';
import { protocol } from './electron-double-protocol.js';

export { app, powerMonitor } from './electron-double-app.js';
export { ipcMain } from './electron-double-ipc.js';
export { BrowserWindow } from './electron-double-window.js';
export { WebContents } from './electron-double-web-contents.js';
export {
  clickShownNotification,
  clipboard,
  clipboardNow,
  collectGarbage,
  createdNotifications,
  Notification,
  shell,
} from './electron-double-desktop.js';
export { contextBridge, copyAcrossBridge, mainWorld } from './electron-double-bridge.js';
export { safeStorage } from './electron-double-safe-storage.js';
export {
  click,
  displayedLabel,
  findItem,
  Menu,
  MenuItem,
  menuLabels,
  type MenuItemView,
  type MenuView,
} from './electron-double-menu.js';
export { createdTrays, NativeImage, Tray } from './electron-double-tray.js';
export { globalShortcut, pressShortcut, takenShortcuts } from './electron-double-shortcut.js';
export { autoUpdater, net } from './electron-double-net.js';
export { session } from './electron-double-session.js';
export { protocol, requestFromPage, schemePrivileges } from './electron-double-protocol.js';
export { callsTo, control, recorded, resetDouble, type RecordedCall } from './electron-double-log.js';

/** Electron's `nativeImage` is the NativeImage class and its static factories. */
export const nativeImage = NativeImage;

export default {
  app,
  autoUpdater,
  BrowserWindow,
  clipboard,
  contextBridge,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
};
