// The accounts of a session as the window shows them: listed (cached first, fresh by event), searched, opened,
// favourites and recent on top, an ended session's sentence, and typing in the search box with 5,000 accounts.
import { expect, test, type Page } from '@playwright/test';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const accountButton = (page: Page, name: string) =>
  page.getByRole('button', { name: new RegExp(`^${name} \\d{12}`) });

test.describe('the accounts listed and searchable', () => {
  test('every account with id and e-mail; one opens to its permission sets', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const assigned = bridge.emu.organisation.accounts.filter((a) => a.roles.length > 0);
    await bridge.open(page);
    await expect(page.getByRole('heading', { name: `All accounts (${assigned.length})` })).toBeVisible();
    const sandbox = assigned.find((a) => a.accountName === 'Sandbox')!;
    const row = accountButton(page, 'Sandbox');
    await expect(row).toContainText(sandbox.accountId);
    await expect(row).toContainText(sandbox.emailAddress);
    await expect(row).toHaveAttribute('aria-expanded', 'false');
    await row.click();
    await expect(row).toHaveAttribute('aria-expanded', 'true');
    const roles = page.getByRole('list', { name: 'Roles in Sandbox' });
    await expect(roles.getByRole('listitem')).toContainText(sandbox.roles);
    await screen(page, 'accounts');
  });

  test('the search box filters by name, id, e-mail and role', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    const search = page.getByRole('searchbox', { name: 'Search accounts and roles' });
    await search.fill('payments dev admin');
    await expect(page.getByRole('heading', { name: '1 account match' })).toBeVisible();
    const roles = page.getByRole('list', { name: 'Roles in Payments dev' }).getByRole('listitem');
    await expect(roles).toHaveCount(1);
    await expect(roles).toContainText('AdministratorAccess');
    // The account says how many of its roles the search shows, and what matched is marked.
    const paymentsDev = bridge.emu.organisation.accounts.find((a) => a.accountName === 'Payments dev')!;
    await expect(accountButton(page, 'Payments dev')).toContainText(`1 of ${paymentsDev.roles.length} roles`);
    await expect(accountButton(page, 'Payments dev').locator('.account-name mark')).toHaveText([
      'Payments',
      'dev',
    ]);
    await expect(roles.locator('mark')).toHaveText('Admin');
    await screen(page, 'accounts-search');
    // A match opens by itself; the user can still close it.
    const match = accountButton(page, 'Payments dev');
    await expect(match).toHaveAttribute('aria-expanded', 'true');
    await match.click();
    await expect(match).toHaveAttribute('aria-expanded', 'false');
    await expect(roles).toHaveCount(0);

    const billing = bridge.emu.organisation.accounts.find((a) => a.accountName === 'Billing')!;
    await search.fill(billing.accountId);
    await expect(page.getByRole('heading', { name: '1 account match' })).toBeVisible();
    await expect(accountButton(page, 'Billing')).toBeVisible();
    await search.fill('aws+log-archive@');
    await expect(accountButton(page, 'Log Archive')).toBeVisible();
    await search.fill('no such thing');
    await expect(page.getByText('No account or role matches “no such thing”.')).toBeVisible();
  });

  test('the cached listing shows at once, with its age; Refresh lists again', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    await expect(page.getByText('Listed just now')).toBeVisible();
    const listings = bridge.emu.calls({ api: 'ListAccounts' }).length;
    await page.reload();
    await expect(accountButton(page, 'Sandbox')).toBeVisible();
    expect(bridge.emu.calls({ api: 'ListAccounts' })).toHaveLength(listings);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => bridge!.emu.calls({ api: 'ListAccounts' }).length).toBeGreaterThan(listings);
    await expect(page.getByText('Listed just now')).toBeVisible();
  });

  test('while listing, a progress line counts the accounts', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in', core: { listingConcurrency: 2 } });
    bridge.emu.setLatency('ListAccountRoles', 150);
    await bridge.open(page);
    await expect(page.getByRole('status').getByText(/^Listing roles: \d+ of 30 accounts$/)).toBeVisible();
    await screen(page, 'listing-progress');
    await expect(page.getByRole('heading', { name: 'All accounts (30)' })).toBeVisible();
    await expect(page.getByText(/^Listing roles/)).toBeHidden();
  });
});

test.describe('a long list scrolls under a header that stays', () => {
  test('the sections, the search and the sessions stay put while the list scrolls', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in', emulator: { accounts: 200 } });
    await bridge.open(page);
    await expect(page.getByRole('heading', { name: 'All accounts (200)' })).toBeVisible();
    const search = page.getByRole('searchbox', { name: 'Search accounts and roles' });
    const before = await search.boundingBox();
    await page.locator('.list-scroll').hover();
    await page.mouse.wheel(0, 4000);
    await expect
      .poll(() => page.locator('.list-scroll').evaluate((el) => el.scrollTop))
      .toBeGreaterThan(1000);
    const pageScroll = () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollTop: number } } }).document
        .scrollingElement.scrollTop;
    expect(await page.evaluate(pageScroll)).toBe(0);
    expect(await search.boundingBox()).toEqual(before);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeInViewport();
    await expect(page.getByRole('region', { name: ACME, exact: true })).toBeInViewport();
    await screen(page, 'accounts-scrolled');
  });
});

test.describe('favourites and recently used on top', () => {
  test('a starred role is listed first and stays after a reload; opening a role makes it recent', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    await accountButton(page, 'Security').click();
    const star = page
      .getByRole('list', { name: 'Roles in Security' })
      .getByRole('button', { name: 'Favourite ViewOnlyAccess in Security' });
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    const favourites = page.getByRole('region', { name: 'Favourites' });
    await expect(favourites.getByRole('listitem')).toContainText([/ViewOnlyAccess\s*Security/]);

    await accountButton(page, 'Shared Services').click();
    await page.getByRole('button', { name: 'Access keys for DeveloperAccess in Shared Services' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    const recent = page.getByRole('region', { name: 'Recently used' });
    await expect(recent.getByRole('listitem')).toContainText([/DeveloperAccess\s*Shared Services/]);
    await screen(page, 'favourites');

    await page.reload();
    await expect(favourites.getByRole('listitem')).toContainText([/ViewOnlyAccess\s*Security/]);
    // Searching ranks the favourite's account first too.
    await page.getByRole('searchbox').fill('ReadOnlyAccess');
    await expect(
      page
        .getByRole('list', { name: /accounts match$/ })
        .getByRole('button', { expanded: true })
        .first(),
    ).toContainText('Security');
    await page.getByRole('searchbox').fill('');
    await favourites.getByRole('button', { name: 'Favourite ViewOnlyAccess in Security' }).click();
    await expect(favourites).toBeHidden();
    expect((await bridge.call('settings:get', {})).favourites).toEqual([]);
  });
});

test.describe('an ended session', () => {
  test('Refresh shows the sentence, and the session says it has expired', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    await expect(accountButton(page, 'Sandbox')).toBeVisible();
    bridge.emu.revokeSessions();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const sentence = 'Your session for acme (us-east-1) has ended. Sign in again.';
    // One banner: the core's sentence, how old the accounts still shown are, and the way forward.
    const banner = page.getByRole('main').getByRole('alert');
    await expect(banner).toHaveCount(1);
    await expect(banner).toContainText(sentence);
    await expect(banner).toContainText('Showing the accounts listed just now.');
    await expect(page.getByText(sentence)).toHaveCount(1);
    const card = page.getByRole('region', { name: ACME });
    await expect(card.getByText('Expired')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Sign in with the browser' })).toBeVisible();
    // Nothing can be listed until the user signs in again.
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeDisabled();
    await screen(page, 'session-ended');
    await banner.getByRole('button', { name: 'Sign in again' }).click();
    await expect(card.getByText('Signed in', { exact: true })).toBeVisible();
    await expect(banner).toBeHidden();
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });
});

test.describe("an error banner's button", () => {
  test('is the one its sentence names, by the label the window shows', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    await expect(accountButton(page, 'Sandbox')).toBeVisible();
    bridge.emu.revokeSessions();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const banner = page.getByRole('main').getByRole('alert');
    const buttons = banner.getByRole('button');
    await expect(buttons).toHaveCount(1);
    const label = (await buttons.textContent())?.trim() ?? '';
    expect(label).toBe('Sign in again');
    // The core said the problem; the window's wording of its next step names that very button.
    await expect(banner.locator('.sentence')).toHaveText(
      `Your session for acme (us-east-1) has ended. ${label}.`,
    );
  });
});

test.describe('5,000 accounts', () => {
  test('typing in the search box narrows the list to the account typed', async ({ page }) => {
    bridge = await startWindowBridge({ emulator: { accounts: 5000 }, acme: 'signed-in' });
    await bridge.open(page);
    await expect(page.getByRole('heading', { name: 'All accounts (5,000)' })).toBeVisible();
    await expect(page.getByText('4,900 more accounts — refine the search')).toBeVisible();
    const target = bridge.emu.organisation.accounts[4321]!;

    // Typing the name a key at a time narrows the list to it (how fast: `npm run bench`, not a test's bound).
    await page.getByRole('searchbox').pressSequentially(target.accountName);
    await expect(page.getByRole('heading', { name: '1 account match' })).toBeVisible();
    await expect(accountButton(page, target.accountName)).toBeVisible();

    // An account id narrows it the same way.
    await page.getByRole('searchbox').fill('');
    await page.getByRole('searchbox').pressSequentially(target.accountId);
    await expect(page.getByRole('heading', { name: '1 account match' })).toBeVisible();
    await expect(accountButton(page, target.accountName)).toBeVisible();
    await screen(page, 'accounts-5000');
  });
});
