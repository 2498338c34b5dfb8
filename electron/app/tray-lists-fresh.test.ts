// The tray's Recent and Favourites follow what the user does elsewhere (the window, the quick-pick): a copy records a
// recent role and a star a favourite, and the core's 'settings-changed' rebuilds the menu with no other event. The
// core's clock stands still, so the settings folder's watch (debounced on that clock, and absent where the OS does not
// report changes) cannot stand in for the event.
import { describe, expect, it } from 'vitest';
import { BrowserWindow, ipcMain, menuLabels } from '../../e2e/support/electron-double.js';
import { FakeClock } from '../../e2e/support/fake-clock.js';
import {
  menu,
  pageUrl,
  signInFromTray,
  start,
  useHarness,
} from '../../e2e/support/electron-double-harness.js';
import { eventually } from '../../e2e/support/eventually.js';

const h = useHarness();

/** The labels of a section of the tray's menu: from its greyed title to the next separator. */
function section(title: 'Favourites' | 'Recent'): string[] {
  const labels = menuLabels(menu());
  const from = labels.indexOf(title) + 1;
  const to = labels.indexOf('---', from);
  return labels.slice(from, to === -1 ? undefined : to);
}

describe('the tray after a copy and a star in the window', () => {
  it('shows the role under Recent after a copy, and under Favourites after a star', async () => {
    const app = await start(h, { clock: new FakeClock(Date.now()) });
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    const account = h.emu.organisation.accounts[0]!;
    const role = { session: 'acme', accountId: account.accountId, roleName: account.roles[0]! };
    const [window] = BrowserWindow.getAllWindows();
    const own = { url: pageUrl, webContents: window!.webContents };
    const shown = new RegExp(`${role.roleName}$`);
    expect(section('Recent').some((label) => shown.test(label))).toBe(false);

    const copied = await ipcMain.invokeFromRenderer(
      'sso-tray:credentials:copy',
      [{ ...role, what: 'env' }],
      own,
    );
    expect(copied).toMatchObject({ ok: true });
    await eventually(() => expect(section('Recent').filter((label) => shown.test(label))).toHaveLength(1));
    expect(section('Favourites').some((label) => shown.test(label))).toBe(false);

    const starred = await ipcMain.invokeFromRenderer('sso-tray:favourites:toggle', [role], own);
    expect(starred).toMatchObject({ ok: true });
    await eventually(() =>
      expect(section('Favourites').filter((label) => shown.test(label))).toHaveLength(1),
    );
  });
});
