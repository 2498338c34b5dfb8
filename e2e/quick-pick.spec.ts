// The quick-pick, in real Chromium over the real core: the compact window's page (index.html?view=quick-pick) and
// the main window's '/' overlay. A search over every role of every signed-in session, favourites and recent first;
// Enter copies the default shell's variables, Alt+P the profile block, Alt+W writes the profile, Alt+K opens
// Access keys, Escape closes; focus stays in the box.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

/** The little of the page the probes use (the spec is type-checked without DOM types). */
interface PageGlobals {
  __closed?: number;
  close(): void;
  document: {
    activeElement: { getAttribute(name: string): string | null } | null;
    querySelector(selector: string): { value: string; dispatchEvent(event: unknown): boolean } | null;
  };
  Event: new (type: string, init: { bubbles: boolean }) => unknown;
  requestAnimationFrame(callback: () => void): number;
}

/** The compact window, with window.close() counted (Electron hides the window then). */
async function openCompact(page: Page, b: WindowBridge) {
  await page.addInitScript(() => {
    const g = globalThis as unknown as PageGlobals;
    g.close = () => void (g.__closed = (g.__closed ?? 0) + 1);
  });
  await b.open(page, 'quick-pick');
  const box = page.getByRole('combobox', { name: 'Find a role' });
  await expect(box).toBeFocused();
  await expect(page.getByRole('option').first()).toBeVisible();
  return box;
}

const closed = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__closed ?? 0);
const selected = (page: Page) => page.getByRole('option', { selected: true });

test.describe('search', () => {
  test('favourites and recent first, then fuzzy over account name, id, e-mail and role', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const org = bridge.emu.organisation.accounts;
    const security = org.find((a) => a.accountName === 'Security')!;
    const billing = org.find((a) => a.accountName === 'Billing')!;
    await bridge.call('favourites:toggle', {
      session: ACME,
      accountId: security.accountId,
      roleName: 'ViewOnlyAccess',
    });
    await bridge.call('credentials:text', {
      session: ACME,
      accountId: billing.accountId,
      roleName: billing.roles[0]!,
      format: 'env',
    });
    const box = await openCompact(page, bridge);
    const options = page.getByRole('option');
    await expect(options.nth(0)).toContainText(/ViewOnlyAccess\s*Security/);
    await expect(options.nth(0)).toContainText('★');
    await expect(options.nth(1)).toContainText(new RegExp(`${billing.roles[0]}\\s*Billing`));
    await expect(options.nth(1)).toContainText('Recent');
    await screen(page, 'quick-pick');

    // Letters in order are enough ("pdev adm"), and what matched is marked.
    await box.fill('paydev adm');
    await expect(options.first()).toContainText(/AdministratorAccess\s*Payments dev/);
    await box.fill(billing.accountId);
    await expect(options.first()).toContainText('Billing');
    await expect(options.first().locator('mark')).toHaveText(billing.accountId);
    await box.fill(billing.emailAddress.slice(0, 12));
    await expect(options.first()).toContainText('Billing');
    await box.fill('no such role anywhere');
    await expect(page.getByText('No role matches “no such role anywhere”.')).toBeVisible();
  });

  test('says what to do when no session is signed in', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'added' });
    await page.addInitScript(() => undefined);
    await bridge.open(page, 'quick-pick');
    await expect(page.getByRole('alert')).toHaveText(
      'No session is signed in: open SSO Tray and sign in first.',
    );
  });
});

test.describe('each key', () => {
  test('Enter copies the default shell’s environment variables and closes', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const box = await openCompact(page, bridge);
    await box.fill('payments dev admin');
    await expect(selected(page)).toContainText(/AdministratorAccess\s*Payments dev/);
    await box.press('Enter');
    await expect.poll(() => closed(page)).toBe(1);
    const dev = bridge.emu.organisation.accounts.find((a) => a.accountName === 'Payments dev')!;
    const { text } = await bridge.call('credentials:text', {
      session: ACME,
      accountId: dev.accountId,
      roleName: 'AdministratorAccess',
      format: 'env',
    });
    expect(bridge.clipboard.at(-1)).toBe(text);
    expect(text).toMatch(/^export AWS_ACCESS_KEY_ID=/);
  });

  test('Alt+P copies the profile block, Alt+W writes the profile, Alt+K opens Access keys', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const box = await openCompact(page, bridge);
    const sandbox = bridge.emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!;
    await box.fill('sandbox admin');
    await expect(selected(page)).toContainText(/AdministratorAccess\s*Sandbox/);
    await box.press('Alt+KeyP');
    await expect
      .poll(() => bridge!.clipboard.at(-1))
      .toMatch(new RegExp(`^\\[${sandbox.accountId}_AdministratorAccess\\]\\naws_access_key_id`));
    await box.press('Alt+KeyW');
    await expect
      .poll(() => readFile(bridge!.sandbox.paths.credentialsFile, 'utf8').catch(() => ''))
      .toContain(`[${sandbox.accountId}_AdministratorAccess]\n`);
    // The page closes once the write has answered, which may be a moment after the file is on disk.
    await expect.poll(() => closed(page)).toBe(2);
    await box.press('Alt+KeyK');
    const dialog = page.getByRole('dialog', { name: 'Get credentials for AdministratorAccess' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Profile block', { exact: true })).toHaveText(/^\[/);
    await screen(page, 'quick-pick-access-keys');
  });

  test('Escape closes; arrows move the choice while focus stays in the box', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const box = await openCompact(page, bridge);
    const first = await page.getByRole('option').nth(0).textContent();
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await expect(selected(page)).toHaveAttribute('id', 'quick-pick-1');
    expect(await selected(page).textContent()).not.toBe(first);
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute('aria-activedescendant', 'quick-pick-1');
    await box.press('Escape');
    expect(await closed(page)).toBe(1);
  });
});

test.describe('from the main window', () => {
  test("'/' opens it over the window, arrows and Enter work, Escape gives focus back", async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    const refresh = page.getByRole('button', { name: 'Refresh' });
    await expect(refresh).toBeEnabled();
    await refresh.focus();
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Find a role' });
    await expect(box).toBeFocused();
    await expect(page.getByRole('option').first()).toBeVisible();
    await screen(page, 'quick-pick-overlay');
    await page.keyboard.press('Escape');
    await expect(box).toBeHidden();
    await expect(refresh).toBeFocused();

    // Typing '/' in a text field is just a character.
    const search = page.getByRole('searchbox', { name: 'Search accounts and roles' });
    await search.fill('a/b');
    await expect(box).toBeHidden();
    await search.fill('');

    await page.getByRole('button', { name: /Find a role/ }).click();
    await expect(box).toBeFocused();
    await box.fill('log archive read');
    await page.keyboard.press('Enter');
    await expect(box).toBeHidden();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Copied the environment variables for Log Archive / ReadOnlyAccess.' }),
    ).toBeVisible();
    expect(bridge.clipboard.at(-1)).toMatch(/^export AWS_ACCESS_KEY_ID=/);
  });
});

test.describe('6,000 roles', () => {
  test('filtering per keystroke, measured', async ({ page }) => {
    bridge = await startWindowBridge({ emulator: { accounts: 2100 }, acme: 'signed-in' });
    const roles = bridge.emu.organisation.accounts.reduce((n, a) => n + a.roles.length, 0);
    expect(roles).toBeGreaterThanOrEqual(6000);
    // Listed once beforehand (the window or the tray has by then): what is measured is the filtering.
    await bridge.call('accounts:list', { session: ACME });
    const box = await openCompact(page, bridge);
    const target = bridge.emu.organisation.accounts[1234]!;
    const query = `${target.accountName} ${target.roles[0]}`;
    const latencies: number[] = [];
    for (let i = 1; i <= query.length; i++) {
      latencies.push(
        await page.evaluate(
          async (q) => {
            const dom = globalThis as unknown as PageGlobals;
            const input = dom.document.querySelector('input[role="combobox"]')!;
            const start = performance.now();
            input.value = q;
            input.dispatchEvent(new dom.Event('input', { bubbles: true }));
            await new Promise((resolve) => dom.requestAnimationFrame(() => setTimeout(resolve)));
            return performance.now() - start;
          },
          query.slice(0, i),
        ),
      );
    }
    await expect(selected(page)).toContainText(target.accountName);
    await expect(box).toHaveValue(query);
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)]!;
    console.log(
      `Quick-pick over ${roles.toLocaleString('en-US')} roles: ${latencies.length} keystrokes, median ${median.toFixed(1)} ms, ` +
        `worst ${latencies.at(-1)!.toFixed(1)} ms from the keystroke to the filtered list on screen.`,
    );
  });
});
