// A recorded double of the 'electron' module for the shell's tests (vitest aliases 'electron' to this file for
// electron/tray and electron/*.test.ts). It plays what the shell uses, the way Electron behaves, and logs each call
// in `recorded`; call resetDouble() between tests. The things under test are the shell's own files, never this one.
import { app, powerMonitor } from './electron-double-app.js';
import { ipcMain } from './electron-double-ipc.js';
import { BrowserWindow } from './electron-double-window.js';
import { clipboard, Notification, safeStorage, shell } from './electron-double-desktop.js';
import { Menu, MenuItem } from './electron-double-menu.js';
import { NativeImage, Tray } from './electron-double-tray.js';

export { app, powerMonitor } from './electron-double-app.js';
export { ipcMain } from './electron-double-ipc.js';
export { BrowserWindow, WebContents } from './electron-double-window.js';
export {
  clipboard,
  createdNotifications,
  Notification,
  safeStorage,
  shell,
} from './electron-double-desktop.js';
export { click, displayedLabel, findItem, Menu, MenuItem, menuLabels } from './electron-double-menu.js';
export { createdTrays, NativeImage, Tray } from './electron-double-tray.js';
export { callsTo, control, recorded, resetDouble, type RecordedCall } from './electron-double-log.js';

/** Electron's `nativeImage` is the NativeImage class and its static factories. */
export const nativeImage = NativeImage;

export default {
  app,
  BrowserWindow,
  clipboard,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  Notification,
  powerMonitor,
  safeStorage,
  shell,
  Tray,
};
