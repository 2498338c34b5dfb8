// The tray's "Open console" and "Copy console link" with the recorded double of Electron over the real core and the
// emulator's sign-in endpoint: the browser gets the login URL through shell.openExternal only.
import * as electron from 'electron';
import { describe, expect, it } from 'vitest';
import { callsTo, click, createdNotifications, menuLabels } from '../../e2e/support/electron-double.js';
import { consolePageFields } from '../../e2e/identity-center/federation-support.js';
import {
  menu,
  signInFromTray,
  start as startIn,
  useHarness,
} from '../../e2e/support/electron-double-harness.js';
import { eventually } from '../../e2e/support/eventually.js';

const h = useHarness();

describe("the tray's console items", () => {
  it('opens the console of a favourite in the browser, in its region, and copies the portal link', async () => {
    // As the demo does: the sign-in endpoint is the emulator's.
    h.sandbox.env.AWS_ENDPOINT_URL_SIGNIN = h.emu.url;
    const app = await startIn(h);
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    const account = h.emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;
    await app.door.call('accounts:list', { session: 'acme' });
    await app.door.call('favourites:toggle', {
      session: 'acme',
      accountId: account.accountId,
      roleName: 'ReadOnlyAccess',
    });
    await app.door.call('settings:update', { defaultRegion: 'eu-central-1' });
    await app.tray.refresh();
    const role = `${account.accountName} / ReadOnlyAccess`;
    expect(menuLabels(menu(), role).slice(0, 2)).toEqual(['Open console', 'Copy console link']);

    const before = callsTo('shell.openExternal').length;
    click(menu(), role, 'Open console');
    const url = await eventually(() => {
      const opened = callsTo('shell.openExternal').slice(before).at(0)?.[0];
      if (typeof opened !== 'string') throw new Error('nothing opened yet');
      return opened;
    });
    expect(new URL(url).origin).toBe(h.emu.url);
    expect(await consolePageFields(url)).toMatchObject({
      account: account.accountId,
      role: 'ReadOnlyAccess',
      region: 'eu-central-1',
      destination: 'https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1',
    });
    await eventually(() =>
      expect(createdNotifications().at(-1)?.body).toBe(
        `Opened the console of ${account.accountName} / ReadOnlyAccess in your browser.`,
      ),
    );

    click(menu(), role, 'Copy console link');
    await eventually(async () =>
      expect(await electron.clipboard.readText()).toBe(
        `${h.emu.startUrl}/#/console?account_id=${account.accountId}&role_name=ReadOnlyAccess`,
      ),
    );
    // The login URL's token went to the opener only: no notification, clipboard write or other call carries it.
    const token = new URL(url).searchParams.get('SigninToken')!;
    expect(token.length).toBeGreaterThan(100);
    const elsewhere = JSON.stringify([
      createdNotifications().map((n) => n.body),
      callsTo('clipboard.writeText'),
      callsTo('webContents.send'),
    ]);
    expect(elsewhere).not.toContain(token);
  });
});
