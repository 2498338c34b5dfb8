// What the app tells the desktop around 'ready': its identity on Linux and its own scheme before it; after it, the
// scheme's files and the application menu (none on Windows and Linux, macOS's own app, Edit and Window menus).
import type * as Electron from 'electron';
import { registerAppScheme, serveApp } from './app-scheme.js';

/**
 * The installed .desktop entry's name, which GNOME's portal checks before it lets the app bind a global shortcut
 * (electron.d.ts, app.setDesktopName): the packaged package.json's desktopName, which names the entry
 * (DESKTOP_NAME in build/electron-builder.config.mjs; e2e/packaging.slow.test.ts holds the two equal).
 */
export const LINUX_DESKTOP_NAME = 'sso-tray.desktop';

// macOS gives copy, paste and select-all in text fields only through an Edit menu's roles
// (https://www.electronjs.org/docs/latest/api/menu#main-process); no View menu, so no developer tools.
const MAC_MENU: Electron.MenuItemConstructorOptions[] = [
  { role: 'appMenu' },
  { role: 'editMenu' },
  { role: 'windowMenu' },
];

/** Before 'ready' (both calls have no effect after it). */
export function beforeReady(
  electron: Pick<typeof Electron, 'app' | 'protocol'>,
  platform: NodeJS.Platform = process.platform,
): void {
  registerAppScheme(electron.protocol);
  if (platform === 'linux') electron.app.setDesktopName(LINUX_DESKTOP_NAME);
}

/**
 * After 'ready': the pages' scheme, and the menu. Electron's default menu (with "Toggle Developer Tools") is the
 * window's menu bar on Windows and Linux; null removes it there (https://www.electronjs.org/docs/latest/api/menu#menusetapplicationmenumenu).
 */
export function afterReady(
  electron: Pick<typeof Electron, 'protocol' | 'Menu'>,
  rendererDir: string,
  platform: NodeJS.Platform = process.platform,
): void {
  serveApp(electron.protocol, rendererDir);
  const { Menu } = electron;
  Menu.setApplicationMenu(platform === 'darwin' ? Menu.buildFromTemplate(MAC_MENU) : null);
}
