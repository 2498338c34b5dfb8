// The app as each desktop runs it, through the recorded double: its identity on Linux (and the one Wayland notice),
// a second launch or macOS's 'activate' bringing the window (or the quick-pick) back, and no default menu bar with
// developer tools in the window.
import * as electron from 'electron';
import { describe, expect, it } from 'vitest';
import {
  app as doubleApp,
  callsTo,
  control,
  createdNotifications,
  createdTrays,
  Menu,
  resetDouble,
} from '../../e2e/support/electron-double.js';
import {
  launch,
  mainWindows,
  quickPickWindow,
  start,
  useHarness,
  usePlatform,
} from '../../e2e/support/electron-double-harness.js';
import { LINUX_DESKTOP_NAME } from './desktop-shell.js';
import { eventually } from '../../e2e/support/eventually.js';

const h = useHarness();

/** Quits as the user does and starts the app again over the same folders. */
async function restart() {
  const tray = createdTrays().at(-1);
  electron.app.quit();
  await eventually(() => expect(tray?.isDestroyed()).toBe(true));
  h.running = undefined;
  resetDouble();
  electron.app.setPath('userData', h.sandbox.paths.appDataDir);
  return launch(h);
}

describe('Linux: the desktop identity', () => {
  it('is set before ready, so the desktop (and GNOME’s shortcut portal) finds the installed entry', async () => {
    usePlatform('linux');
    await start(h);
    expect(callsTo('app.setDesktopName')).toEqual([[LINUX_DESKTOP_NAME]]);
    expect(doubleApp.effectiveDesktopName()).toBe('sso-tray.desktop');
  });

  it('on Wayland, says once (not at every start) how to bind the shortcut in the desktop’s own settings', async () => {
    usePlatform('linux');
    h.sandbox.env.XDG_SESSION_TYPE = 'wayland';
    await start(h);
    const command = `${process.execPath} ${electron.app.getAppPath()} --quick-pick`;
    const said = createdNotifications().map((n) => n.body);
    expect(said).toEqual([
      `On Wayland your desktop may ignore SSO Tray's shortcut CommandOrControl+Shift+A without telling it; if pressing it does nothing, add a keyboard shortcut in your desktop's settings that runs: ${command}`,
    ]);
    await restart();
    expect(createdNotifications().map((n) => n.body)).toEqual([]);
  });

  it('says nothing of the kind on X11', async () => {
    usePlatform('linux');
    h.sandbox.env.XDG_SESSION_TYPE = 'x11';
    await start(h);
    expect(createdNotifications().map((n) => n.body)).toEqual([]);
  });
});

describe('starting the running app again', () => {
  it('with --quick-pick shows the quick-pick in the running instance, and opens no other window', async () => {
    await start(h);
    const pick = quickPickWindow()!;
    await eventually(() => expect(pick.rendered).toBe(true));
    const windows = mainWindows().length;
    doubleApp.emit('second-instance', {}, ['/opt/SSO Tray/sso-tray', '--quick-pick'], '/home/me', {});
    expect(pick.isVisible()).toBe(true);
    expect(mainWindows()).toHaveLength(windows);
  });

  it('without it shows the window', async () => {
    await start(h);
    for (const window of mainWindows()) window.close();
    doubleApp.emit('second-instance', {}, ['/opt/SSO Tray/sso-tray'], '/home/me', {});
    expect(mainWindows()).toHaveLength(1);
  });

  it('on macOS (Finder, Spotlight, the Dock: "activate") shows the window', async () => {
    usePlatform('darwin');
    await start(h);
    for (const window of mainWindows()) window.close();
    expect(mainWindows()).toHaveLength(0);
    doubleApp.emit('activate', {}, false);
    const [window] = mainWindows();
    await eventually(() => expect(window?.isVisible()).toBe(true));
  });
});

describe('the menu bar', () => {
  for (const platform of ['linux', 'win32'] as const) {
    it(`${platform}: none in the window (Electron's default one offers "Toggle Developer Tools")`, async () => {
      usePlatform(platform);
      await start(h);
      expect(Menu.getApplicationMenu()).toBeNull();
    });
  }

  it('macOS: the app, Edit (copy and paste in text fields) and Window menus, no View menu', async () => {
    usePlatform('darwin');
    await start(h);
    const roles = Menu.getApplicationMenu()?.items.map((item) => item.role);
    expect(roles).toEqual(['appmenu', 'editmenu', 'windowmenu']);
  });

  it('a packaged build has no developer tools in either window', async () => {
    control.packaged = true;
    await start(h);
    const options = callsTo('new BrowserWindow').map(
      ([o]) => (o as electron.BrowserWindowConstructorOptions).webPreferences,
    );
    expect(options).toHaveLength(2);
    for (const preferences of options) expect(preferences?.devTools).toBe(false);
  });
});
