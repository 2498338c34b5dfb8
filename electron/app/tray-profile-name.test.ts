// The tray's "Write to credentials file" names the profile with the settings' profile name template, the one template
// language the window and the CLI use, and a name no profile can have is the same one sentence in a notification.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { click, createdNotifications } from '../../e2e/support/electron-double.js';
import { menu, signInFromTray, start, useHarness } from '../../e2e/support/electron-double-harness.js';
import { eventually } from '../../e2e/support/eventually.js';

const h = useHarness();

async function trayWithFavourite() {
  const app = await start(h);
  await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await app.tray.refresh();
  await signInFromTray(h, app, 'acme');
  const account = h.emu.organisation.accounts.find((a) => a.accountName === 'Payments dev')!;
  await app.door.call('accounts:list', { session: 'acme' });
  await app.door.call('favourites:toggle', {
    session: 'acme',
    accountId: account.accountId,
    roleName: 'ReadOnlyAccess',
  });
  return { app, account, item: `${account.accountName} / ReadOnlyAccess` };
}

describe("the tray's Write to credentials file", () => {
  it("names the profile with the settings' template", async () => {
    const { app, item } = await trayWithFavourite();
    await app.door.call('settings:update', { profileNameTemplate: '{session}/{accountName}/{roleName}' });
    await app.tray.refresh();
    click(menu(), item, 'Write to credentials file');
    await eventually(async () =>
      expect(await readFile(h.sandbox.paths.credentialsFile, 'utf8')).toMatch(
        /^\[acme\/Payments-dev\/ReadOnlyAccess\]$/m,
      ),
    );
  });

  it('says in one notification, as the window and the CLI do, when the template gives a name no profile can have', async () => {
    const { app, account, item } = await trayWithFavourite();
    await app.door.call('settings:update', {
      profileNameTemplate: `${'{accountName}.'.repeat(12)}{roleName}`,
    });
    await app.tray.refresh();
    const before = createdNotifications().length;
    click(menu(), item, 'Write to credentials file');
    await eventually(() =>
      expect(
        createdNotifications()
          .slice(before)
          .map((n) => n.body),
      ).toEqual([
        `The profile name template gives ReadOnlyAccess in account ${account.accountId} a name of 170 characters, more than the 128 an AWS profile name may have; shorten the template.`,
      ]),
    );
  });
});
