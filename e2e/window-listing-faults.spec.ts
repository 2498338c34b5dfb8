// A listing that cannot finish, and one with nothing in it, as the window says them: one banner in the user's terms,
// each account whose roles were not listed says so with its own "Try again" (one ListAccountRoles call, for that
// account only, as the emulator's call log shows), and a session with no accounts says why and what to do.
import { expect, test, type Page } from '@playwright/test';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const accountItem = (page: Page, name: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: new RegExp(`^${name} \\d{12}`) }) });

test('Identity Center failing every role listing: one banner, and a "Try again" on each account that lists only its roles', async ({
  page,
}) => {
  bridge = await startWindowBridge({ acme: 'signed-in' });
  const { emu } = bridge;
  emu.injectFault({ api: 'ListAccountRoles', kind: 'server-error', status: 500 });
  await bridge.open(page);

  const sentence =
    'Identity Center for acme (us-east-1) failed while trying to list the roles in your accounts; try again in a few minutes.';
  const alerts = page.getByRole('alert');
  await expect(alerts).toContainText(sentence);
  await expect(alerts).toHaveCount(1);
  await expect(page.getByText(/account \d{12}/)).toHaveCount(0);
  const sandbox = accountItem(page, 'Sandbox');
  await expect(sandbox).toContainText('Roles not listed');
  await expect(page.getByText('roles…')).toHaveCount(0);
  await screen(page, 'listing-faults');
  await expect(page.getByRole('button', { name: /^Try again/ })).toHaveCount(
    emu.organisation.accounts.filter((a) => a.roles.length > 0).length,
  );

  emu.clearFaults();
  const before = emu.calls({ api: 'ListAccountRoles' }).length;
  await sandbox.getByRole('button', { name: 'Try again listing the roles in Sandbox' }).click();
  await expect(sandbox.getByRole('button', { name: /^Sandbox/ })).toContainText('2 roles');
  const sent = emu.calls({ api: 'ListAccountRoles' }).slice(before);
  const id = emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!.accountId;
  expect(sent.map((c) => [c.accountId, c.status])).toEqual([[id, 200]]);
  await expect(accountItem(page, 'Billing')).toContainText('Roles not listed');
});

test('a session with no accounts says why and what to do', async ({ page }) => {
  bridge = await startWindowBridge({ acme: 'signed-in', emulator: { organisation: { accounts: [] } } });
  await bridge.open(page);
  await expect(page.getByRole('heading', { name: 'All accounts (0)' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(
    `No AWS accounts are assigned to you in ${ACME}. Ask your administrator for access, or add another session with Add session.`,
  );
  await screen(page, 'no-accounts');
});
