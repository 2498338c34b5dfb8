// The tray's "More…" under a capped list opens the window on that list (index.html#favourites), a window already
// open included; the page takes the list from the fragment (renderer/src/list-reveal.ts).
import { describe, expect, it } from 'vitest';
import { BrowserWindow, callsTo, click, menuLabels } from '../../e2e/support/electron-double.js';
import { TRAY_FAVOURITES_LIMIT } from '../tray/menu-template.js';
import {
  menu,
  pageUrl,
  signInFromTray,
  start,
  useHarness,
} from '../../e2e/support/electron-double-harness.js';
import { eventually } from '../../e2e/support/eventually.js';

const h = useHarness();

describe('"More…" under the favourites', () => {
  it('opens the window on the favourites, and moves a window already open to them', async () => {
    const app = await start(h);
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    const roles = h.emu.organisation.accounts.flatMap((a) =>
      a.roles.map((roleName) => ({ session: 'acme', accountId: a.accountId, roleName })),
    );
    for (const role of roles.slice(0, TRAY_FAVOURITES_LIMIT + 2))
      await app.door.call('favourites:toggle', role);
    await app.tray.refresh();
    expect(menuLabels(menu())).toContain('More… (2 more)');
    // The first run opened the window; the user closed it.
    for (const open of BrowserWindow.getAllWindows().filter((w) => w.options.frame !== false)) open.close();
    const before = callsTo('window.loadURL').length;

    click(menu(), 'More… (2 more)');
    expect(callsTo('window.loadURL').slice(before)).toEqual([[`${pageUrl}#favourites`]]);
    const [window] = BrowserWindow.getAllWindows().filter((w) => w.options.frame !== false);
    await eventually(() => expect(window?.isVisible()).toBe(true)); // shown once rendered ('ready-to-show')

    click(menu(), 'More… (2 more)');
    expect(callsTo('window.loadURL').slice(before)).toEqual([
      [`${pageUrl}#favourites`],
      [`${pageUrl}#favourites`],
    ]);
    expect(BrowserWindow.getAllWindows().filter((w) => w.options.frame !== false)).toHaveLength(1);
  });
});
