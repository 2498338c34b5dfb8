// A listing as the window shows it while it runs: accounts as their pages arrive, roles filled in as the listing
// learns them, and the roles of the account the user opens or searches for asked ahead of the listing's queue (the
// emulator's call log tells the order).
import { expect, test, type Page } from '@playwright/test';
import { startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const ACCOUNTS = 300;
const accountButton = (page: Page, name: string) =>
  page.getByRole('button', { name: new RegExp(`^${name} \\d{12}`) });

/** The accounts whose roles the portal has answered, in the order it answered them. */
const rolesAnswered = (b: WindowBridge) =>
  b.emu.calls({ api: 'ListAccountRoles', status: 200 }).map((c) => c.accountId!);

test('accounts show as their pages arrive; an opened or searched account gets its roles during the listing', async ({
  page,
}) => {
  bridge = await startWindowBridge({ acme: 'signed-in', emulator: { accounts: ACCOUNTS } });
  const { emu } = bridge;
  // A rate limit keeps the listing's role calls queued for a while (the window starts the listing itself): at 8 a
  // second the 300 accounts take about 40 s, longer than the steps below take on a loaded machine (at 20 a second the
  // listing could finish before the last step under load). A lower limit lists too, only slower
  // (electron/core/identity-center/listing-low-limit.stress.test.ts).
  emu.setRateLimit('ListAccountRoles', { perSecond: 8, burst: 1 });
  emu.setLatency('ListAccountRoles', 20);
  const org = emu.organisation.accounts;
  await bridge.open(page);

  await expect(page.getByRole('heading', { name: `All accounts (${ACCOUNTS})` })).toBeVisible();
  expect(rolesAnswered(bridge).length).toBeLessThan(ACCOUNTS);

  // Of the rows on screen (by name), the one the listing asks for last.
  const onScreen = [...org].sort((a, b) => a.accountName.localeCompare(b.accountName)).slice(0, 100);
  const opened = onScreen.reduce((late, a) => (org.indexOf(a) > org.indexOf(late) ? a : late));
  // Roles fill in as the listing learns them ('roles-listed'): the row the listing asks for first has its count.
  const early = onScreen.reduce((first, a) => (org.indexOf(a) < org.indexOf(first) ? a : first));
  await expect(accountButton(page, opened.accountName)).toContainText('roles…');
  await expect(accountButton(page, early.accountName)).toContainText(
    `${early.roles.length} role${early.roles.length === 1 ? '' : 's'}`,
  );
  expect(rolesAnswered(bridge).length).toBeLessThan(ACCOUNTS);

  await accountButton(page, opened.accountName).click();
  const openedRoles = page.getByRole('list', { name: `Roles in ${opened.accountName}` });
  await expect(openedRoles.locator('.role-name')).toHaveText([...opened.roles].sort());
  let answered = rolesAnswered(bridge);
  expect(answered).toContain(opened.accountId);
  expect(answered.length).toBeLessThan(ACCOUNTS);
  // Ahead of the queue: answered before the accounts listed just before it.
  expect(answered).not.toContain(org[org.indexOf(opened) - 1]!.accountId);

  const searched = org.at(-1)!;
  await page.getByRole('searchbox', { name: 'Search accounts and roles' }).fill(searched.accountName);
  const searchedRoles = page.getByRole('list', { name: `Roles in ${searched.accountName}` });
  await expect(searchedRoles.locator('.role-name')).toHaveText([...searched.roles].sort());
  answered = rolesAnswered(bridge);
  expect(answered).toContain(searched.accountId);
  expect(answered.length).toBeLessThan(ACCOUNTS);
});
