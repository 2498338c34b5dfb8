// The tray's "More…" opens the window on a list: index.html#favourites (or #recent) shows the accounts, unsearched,
// with that list's heading in view and focused; a window already open gets only the fragment and does the same.
import { expect, test } from '@playwright/test';
import { generateOrganisation } from './identity-center/emulator.js';
import { startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

test('a window opened on #favourites, and one already open moved to #recent', async ({ page }) => {
  bridge = await startWindowBridge({ acme: 'signed-in' });
  const [first, second] = bridge.emu.organisation.accounts.slice(-3);
  await bridge.call('favourites:toggle', {
    session: 'acme',
    accountId: first!.accountId,
    roleName: first!.roles[0]!,
  });
  await bridge.call('credentials:text', {
    session: 'acme',
    accountId: second!.accountId,
    roleName: second!.roles[0]!,
    format: 'env',
  });
  await bridge.open(page);
  const url = page.url();

  // Opened by "More…": the page loads with the fragment.
  await page.goto('about:blank');
  await page.goto(`${url}#favourites`);
  const favourites = page.getByRole('heading', { name: 'Favourites' });
  await expect(favourites).toBeFocused();
  expect(page.url()).toBe(url); // the fragment is taken, so the next "More…" counts too

  // Already open, elsewhere (Profiles, a search typed): only the fragment changes.
  await page.getByRole('searchbox').fill('Sandbox');
  await page
    .getByRole('link', { name: 'Profiles' })
    .or(page.getByRole('button', { name: 'Profiles' }))
    .click();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = 'recent';
  });
  const recent = page.getByRole('heading', { name: 'Recently used' });
  await expect(recent).toBeFocused();
  await expect(page.getByRole('searchbox')).toHaveValue('');
  expect(page.url()).toBe(url);
});

test('"More…" shows every session’s favourites under its name, and a row acts on its own session', async ({
  page,
}) => {
  const directory = (id: string, seed: number) => ({
    startUrl: `https://d-${id}.awsapps.com/start`,
    region: 'eu-west-1',
    organisation: generateOrganisation(3, seed),
  });
  const globexDirectory = directory('1111111111', 7);
  const initechDirectory = directory('2222222222', 9);
  bridge = await startWindowBridge({
    acme: 'signed-in',
    emulator: { directories: [globexDirectory, initechDirectory] },
  });
  // globex signed in and listed; initech set up, never listed: its favourite has no cached name.
  await bridge.core.addSession({ name: 'globex', startUrl: globexDirectory.startUrl, region: 'eu-west-1' });
  await bridge.core.signIn('globex', 'browser');
  await bridge.call('accounts:list', { session: 'globex' });
  await bridge.core.addSession({ name: 'initech', startUrl: initechDirectory.startUrl, region: 'eu-west-1' });
  const acmeAccount = bridge.emu.organisation.accounts.find((a) => a.roles.length > 0)!;
  const [globexFirst, globexSecond] = globexDirectory.organisation.accounts;
  const initechAccount = initechDirectory.organisation.accounts[0]!;
  const favourites = [
    { session: 'acme', account: acmeAccount },
    { session: 'globex', account: globexFirst! },
    { session: 'globex', account: globexSecond! },
    { session: 'initech', account: initechAccount },
  ];
  for (const { session, account } of favourites)
    await bridge.call('favourites:toggle', {
      session,
      accountId: account.accountId,
      roleName: account.roles[0]!,
    });
  await bridge.open(page);
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(`${url}#favourites`);

  const list = page.getByRole('region', { name: 'Favourites' });
  await expect(page.getByRole('heading', { name: 'Favourites' })).toBeFocused();
  await expect(list.getByRole('heading', { level: 4 })).toHaveText(['acme', 'globex', 'initech']);
  const group = (session: string) =>
    list.getByRole('list', { name: session, exact: true }).getByRole('listitem');
  await expect(group('acme')).toHaveCount(1);
  await expect(group('acme')).toContainText(`${acmeAccount.accountName} · ${acmeAccount.accountId}`);
  await expect(group('globex')).toHaveCount(2);
  await expect(group('globex').first()).toContainText(
    `${globexFirst!.accountName} · ${globexFirst!.accountId}`,
  );
  await expect(group('globex').last()).toContainText(`${globexSecond!.roles[0]!}`);
  // No listing names initech's account: the plain id.
  await expect(group('initech').locator('.account-meta')).toHaveText(initechAccount.accountId);

  // globex's row copies globex's credentials: GetRoleCredentials for its account, with its token.
  bridge.emu.clearCalls();
  const role = globexFirst!.roles[0]!;
  await group('globex')
    .first()
    .getByRole('button', { name: `Access keys for ${role} in ${globexFirst!.accountName}` })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Copy the AWS access key ID' }).click();
  await expect.poll(() => bridge!.clipboard.length).toBe(1);
  const calls = bridge.emu.calls({ api: 'GetRoleCredentials' });
  expect(calls.map((c) => [c.accountId, c.roleName, c.status])).toEqual([
    [globexFirst!.accountId, role, 200],
  ]);
  await expect(dialog.getByLabel('AWS access key ID', { exact: true })).toHaveText(bridge.clipboard[0]!);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Its star un-favourites globex's role, not a role of the session the window shows.
  const second = globexSecond!.roles[0]!;
  await group('globex')
    .last()
    .getByRole('button', { name: `Favourite ${second} in ${globexSecond!.accountName}` })
    .click();
  await expect(group('globex')).toHaveCount(1);
  const left = (await bridge.call('settings:get', {})).favourites.map((f) => `${f.session}/${f.accountId}`);
  expect(left).toEqual(
    favourites.filter((f) => f.account !== globexSecond).map((f) => `${f.session}/${f.account.accountId}`),
  );
});
