// The tray's "More…" opens the window on a list: index.html#favourites (or #recent) shows the accounts, unsearched,
// with that list's heading in view and focused; a window already open gets only the fragment and does the same.
import { expect, test } from '@playwright/test';
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
