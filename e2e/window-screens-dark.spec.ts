// Every screen of the window in the dark, as a user with a dark system sees it: screenshots kept with the results
// (the light ones come from the other window specs).
import { expect, test } from '@playwright/test';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

test('the screens in dark mode', async ({ page }) => {
  bridge = await startWindowBridge({ acme: 'signed-in', emulator: { autoApprove: false } });
  const org = bridge.emu.organisation.accounts;
  const security = org.find((a) => a.accountName === 'Security')!;
  await bridge.call('favourites:toggle', {
    session: ACME,
    accountId: security.accountId,
    roleName: 'ViewOnlyAccess',
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await bridge.open(page);
  await expect(page.getByRole('region', { name: 'Favourites' })).toBeVisible();
  await screen(page, 'dark-accounts');

  await page.getByRole('searchbox').fill('payments admin');
  await expect(page.getByRole('heading', { name: /accounts? match/ })).toBeVisible();
  await screen(page, 'dark-accounts-search');
  await page.getByRole('searchbox').fill('');

  await page.getByRole('button', { name: /Find a role/ }).click();
  await page.getByRole('combobox', { name: 'Find a role' }).fill('sand');
  await screen(page, 'dark-quick-pick-overlay');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /^Sandbox \d{12}/ }).click();
  await page.getByRole('button', { name: 'Access keys for AdministratorAccess in Sandbox' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Profile block', { exact: true })).toHaveText(/^\[/);
  await screen(page, 'dark-access-keys');
  await dialog.getByRole('button', { name: 'Write to credentials file' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Wrote the profile' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Profiles' }).click();
  await expect(page.getByRole('switch', { name: /^Keep .+ fresh$/ })).toHaveCount(1);
  await expect(page.getByText(/^A sync would add \d+ profiles in ~\/\.aws\/config\.$/)).toBeVisible();
  await screen(page, 'dark-profiles');
  await sections.getByRole('button', { name: 'Settings' }).click();
  await screen(page, 'dark-settings');
  await sections.getByRole('button', { name: 'Accounts' }).click();

  bridge.emu.revokeSessions();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await screen(page, 'dark-session-ended');

  const card = page.getByRole('region', { name: ACME, exact: true });
  await card.getByRole('button', { name: 'Sign in with a device code' }).click();
  await expect(card.getByRole('button', { name: /^[A-Z]{4}-[A-Z]{4}$/ })).toBeVisible();
  await screen(page, 'dark-device-code');
});
