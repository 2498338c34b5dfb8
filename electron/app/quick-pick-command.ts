// The quick-pick from outside the app: `sso-tray --quick-pick` (or the AppImage with it) opens it in the running
// instance, through 'second-instance' (https://www.electronjs.org/docs/latest/api/app#event-second-instance), and on
// Wayland, where the desktop may refuse a global shortcut without a word, the user binds a key to that command.
import type { App } from 'electron';
import { onceNotices } from './once-notices.js';

export const QUICK_PICK_ARG = '--quick-pick';

interface LaunchLayout {
  isPackaged: boolean;
  /** process.execPath: the app's binary (Electron itself when unpackaged). */
  execPath: string;
  /** app.getAppPath(): the checkout an unpackaged Electron is started on. */
  appPath: string;
  /** An AppImage's own path (its runtime sets APPIMAGE: https://docs.appimage.org/packaging-guide/environment-variables.html). */
  appImage?: string;
}

/** The command line that opens the quick-pick, quoted for a desktop's "custom shortcut" field. */
export function quickPickCommand(layout: LaunchLayout): string {
  const program = layout.isPackaged
    ? [layout.appImage ?? layout.execPath]
    : [layout.execPath, layout.appPath];
  return [...program.map(quoted), QUICK_PICK_ARG].join(' ');
}

function quoted(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Whether this is a Wayland session on Linux, where global shortcuts go through the desktop's portal. */
export function onWayland(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  return platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY));
}

/** The one notice for Wayland: the shortcut may be refused silently, and how to bind it in the desktop instead. */
export function waylandShortcutNotice(shortcut: string, command: string): string {
  return `On Wayland your desktop may ignore SSO Tray's shortcut ${shortcut} without telling it; if pressing it does nothing, add a keyboard shortcut in your desktop's settings that runs: ${command}`;
}

/**
 * What start-up hands the settings: on a Wayland session, once per user (notices.json), the sentence saying how to
 * bind the shortcut in the desktop itself; elsewhere, or with no shortcut set, nothing.
 */
export function shortcutNoticeOnWayland(
  app: Pick<App, 'isPackaged' | 'getAppPath' | 'getPath'>,
  env: NodeJS.ProcessEnv,
  notify: (message: string) => void,
): (shortcut: string) => void {
  if (!onWayland(process.platform, env)) return () => undefined;
  const notices = onceNotices(app.getPath('userData'));
  const command = quickPickCommand({
    isPackaged: app.isPackaged,
    execPath: process.execPath,
    appPath: app.getAppPath(),
    ...(env.APPIMAGE ? { appImage: env.APPIMAGE } : {}),
  });
  return (shortcut) => {
    if (shortcut) notices.once('wayland-shortcut', () => notify(waylandShortcutNotice(shortcut, command)));
  };
}
