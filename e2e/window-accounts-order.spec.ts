// "All accounts" in the portal's stable order, by name, whatever is starred (favourites have their own list on top);
// and the session card's renewal in plain words, its time from the window's clock (never asserted as an hour).
import { expect, test } from '@playwright/test';
import { expectTimeLeftShown } from './support/shown-span.js';
import { ACME, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

test("a favourite's account keeps its place in All accounts; the card says when the sign-in renews", async ({
  page,
}) => {
  const before = Date.now(); // the sign-in, and every time the page reads, come after it
  bridge = await startWindowBridge({ acme: 'signed-in' });
  const listed = bridge.emu.organisation.accounts.filter((a) => a.roles.length > 0);
  const last = [...listed].sort((a, b) => a.accountName.localeCompare(b.accountName)).at(-1)!;
  await bridge.call('favourites:toggle', {
    session: ACME,
    accountId: last.accountId,
    roleName: last.roles[0]!,
  });
  await bridge.open(page);
  await expect(page.getByRole('region', { name: 'Favourites' })).toContainText(last.accountName);
  const names = page.getByRole('list', { name: /^All accounts/ }).locator('.account-name');
  await expect(names).toHaveCount(listed.length);
  const shown = await names.allTextContents();
  expect(shown).toEqual([...shown].sort((a, b) => a.localeCompare(b)));
  expect(shown.at(-1)).toBe(last.accountName);

  const card = page.getByRole('region', { name: ACME });
  const renews = card.getByText(/^Renews automatically before \S.* \(in .+\)$/);
  await expect(renews).toBeVisible();
  const session = (await bridge.call('sessions:list', {})).find((s) => s.name === ACME)!;
  expectTimeLeftShown((await renews.textContent())!, Date.parse(session.expiresAt!), before, Date.now());
});
