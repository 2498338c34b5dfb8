// The window with the keyboard alone: star a role, Refresh, Access keys, the quick-pick, add a session and sign in.
// After each step focus is on the control the user would act on next, never dropped to <body>.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

/** Presses Tab until `target` has focus, as a keyboard user gets there (at most `limit` presses). */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((e) => e === e.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('star, Refresh, Access keys and the quick-pick keep focus where the user is', async ({ page }) => {
  bridge = await startWindowBridge({ acme: 'signed-in' });
  await bridge.open(page);
  const sandbox = page.getByRole('button', { name: /^Sandbox \d{12}/ });
  await sandbox.focus();
  await page.keyboard.press('Enter');
  const star = page.getByRole('button', { name: 'Favourite AdministratorAccess in Sandbox' });
  await tabTo(page, star.last());
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Favourites' })).toBeVisible();
  // The star just pressed (still in Sandbox's list, now on) keeps focus.
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', 'Favourite AdministratorAccess in Sandbox');
  await expect(focused).toHaveAttribute('aria-pressed', 'true');

  const refresh = page.getByRole('button', { name: 'Refresh' });
  await refresh.focus();
  const listed = bridge.emu.calls({ api: 'ListAccounts' }).length;
  await page.keyboard.press('Enter');
  await expect.poll(() => bridge!.emu.calls({ api: 'ListAccounts' }).length).toBeGreaterThan(listed);
  await expect(refresh).toBeEnabled();
  await expect(refresh).toBeFocused();

  const keys = page.getByRole('button', { name: 'Access keys for AdministratorAccess in Sandbox' }).last();
  await keys.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Get credentials for AdministratorAccess/ });
  await expect(dialog.getByLabel('Profile block', { exact: true })).toHaveText(/^\[/);
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(keys).toBeFocused();

  // '/' opens the quick-pick; Tab moves its highlight and leaves focus in the box.
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Find a role' });
  await expect(box).toBeFocused();
  await box.fill('sandbox');
  await expect(page.getByRole('option').nth(1)).toBeVisible();
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await expect(page.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  // Alt+K opens Access keys in its place; Escape closes it and focus is back where '/' was pressed.
  await page.keyboard.press('Alt+KeyK');
  await expect(page.getByRole('dialog', { name: /Get credentials for/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /Get credentials for/ })).toBeHidden();
  await expect(keys).toBeFocused();
});

test('adding a session and starting its sign-in keep focus on the next step', async ({ page }) => {
  bridge = await startWindowBridge({ acme: 'signed-in' });
  await bridge.open(page);
  const add = page.getByRole('button', { name: 'Add session', exact: true });
  await add.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Add a session' });
  await expect(form.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('second');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Start URL')).toBeFocused();
  await page.keyboard.type(bridge.emu.startUrl);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Region')).toBeFocused();
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'second', exact: true });
  await expect(card).toBeVisible();
  // The new session's first sign-in button: what a user does next.
  await expect(card.getByRole('button', { name: 'Sign in with the browser' })).toBeFocused();

  await page.keyboard.press('Tab');
  const deviceCode = card.getByRole('button', { name: 'Sign in with a device code' });
  await expect(deviceCode).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: /^[A-Z]{4}-[A-Z]{4}$/ })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Cancel sign-in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: 'Sign in with the browser' })).toBeFocused();
});
