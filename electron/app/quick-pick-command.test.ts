// The command a desktop's own shortcut runs to open the quick-pick, and when the Wayland notice is due.
import { describe, expect, it } from 'vitest';
import { onWayland, quickPickCommand, waylandShortcutNotice } from './quick-pick-command.js';

describe('the quick-pick command', () => {
  it('is the installed binary, the AppImage itself, or Electron on the checkout, quoted where needed', () => {
    const installed = {
      isPackaged: true,
      execPath: '/opt/SSO Tray/sso-tray',
      appPath: '/opt/SSO Tray/resources/app.asar',
    };
    expect(quickPickCommand(installed)).toBe('"/opt/SSO Tray/sso-tray" --quick-pick');
    expect(quickPickCommand({ ...installed, appImage: '/home/me/Apps/SSO-Tray.AppImage' })).toBe(
      '/home/me/Apps/SSO-Tray.AppImage --quick-pick',
    );
    expect(
      quickPickCommand({
        isPackaged: false,
        execPath: '/repo/node_modules/electron/dist/electron',
        appPath: '/repo',
      }),
    ).toBe('/repo/node_modules/electron/dist/electron /repo --quick-pick');
    expect(quickPickCommand({ ...installed, execPath: '/opt/a "b" $c/sso-tray' })).toBe(
      '"/opt/a \\"b\\" \\$c/sso-tray" --quick-pick',
    );
  });

  it('is offered on a Wayland session on Linux only', () => {
    expect(onWayland('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(onWayland('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(onWayland('linux', { XDG_SESSION_TYPE: 'x11' })).toBe(false);
    expect(onWayland('darwin', { XDG_SESSION_TYPE: 'wayland' })).toBe(false);
    expect(waylandShortcutNotice('Super+R', 'sso-tray --quick-pick')).toBe(
      "On Wayland your desktop may ignore SSO Tray's shortcut Super+R without telling it; if pressing it does nothing, add a keyboard shortcut in your desktop's settings that runs: sso-tray --quick-pick",
    );
  });
});
