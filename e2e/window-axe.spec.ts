// Every screen of the window and the quick-pick, light and dark, scanned by axe-core (WCAG 2.1 A/AA and best
// practice): no serious or critical violation, and no moderate one on the quick-pick page.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe-scan.js';
import { ACME, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridges: WindowBridge[] = [];
test.afterEach(async () => {
  await Promise.all(bridges.map((b) => b.close()));
  bridges = [];
});

const start = async (options: Parameters<typeof startWindowBridge>[0]) => {
  const bridge = await startWindowBridge(options);
  bridges.push(bridge);
  return bridge;
};

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe in ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    const scan = async (p: Page, name: string, impacts?: string[]) =>
      axeViolations(p, `${scheme} ${name}`, impacts);

    test('the first run: no serious or critical violation', async ({ page }) => {
      const bridge = await start({});
      await bridge.open(page);
      await expect(page.getByRole('textbox', { name: /start URL/i }).first()).toBeVisible();
      expect(await scan(page, 'first run')).toEqual([]);
    });

    test('the quick-pick page: no moderate, serious or critical violation', async ({ page }) => {
      const bridge = await start({ acme: 'signed-in' });
      await bridge.open(page, 'quick-pick');
      await expect(page.getByRole('option').first()).toBeVisible();
      expect(await scan(page, 'quick-pick page', ['moderate', 'serious', 'critical'])).toEqual([]);
    });

    test('every screen of a signed-in window: no serious or critical violation', async ({ page }) => {
      test.setTimeout(300_000); // thirteen scans of a full page, on a machine shared with other work
      const found: string[] = [];
      const check = async (name: string) => {
        const seen = await scan(page, name);
        if (seen.length) console.log(seen.join('\n')); // every screen's findings, not only the first failing one
        found.push(...seen);
      };
      const bridge = await start({ acme: 'signed-in', emulator: { autoApprove: false } });
      const security = bridge.emu.organisation.accounts.find((a) => a.accountName === 'Security')!;
      await bridge.call('favourites:toggle', {
        session: ACME,
        accountId: security.accountId,
        roleName: 'ViewOnlyAccess',
      });
      await bridge.open(page);
      await expect(page.getByRole('region', { name: 'Favourites' })).toBeVisible();
      await check('accounts');
      await page.getByRole('searchbox').fill('payments admin');
      await expect(page.getByRole('heading', { name: /accounts? match/ })).toBeVisible();
      await check('search');
      await page.getByRole('searchbox').fill('');

      await page.getByRole('button', { name: /Find a role/ }).click();
      await page.getByRole('combobox', { name: 'Find a role' }).fill('sand');
      await expect(page.getByRole('option').first()).toBeVisible();
      await check('quick-pick overlay');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: /^Sandbox \d{12}/ }).click();
      await page.getByRole('button', { name: 'Access keys for AdministratorAccess in Sandbox' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByLabel('Profile block', { exact: true })).toHaveText(/^\[/);
      await check('access keys');
      await dialog.getByRole('button', { name: 'Write to credentials file' }).click();
      await expect(dialog.getByRole('status').filter({ hasText: 'Wrote the profile' })).toBeVisible();
      await dialog.getByRole('button', { name: 'Serve to local programs' }).click();
      await expect(dialog.getByText(/^Serving at http:/)).toBeVisible();
      await check('access keys, serving');
      await dialog.getByRole('button', { name: 'Close' }).click();

      const sections = page.getByRole('navigation', { name: 'Sections' });
      await sections.getByRole('button', { name: 'Profiles' }).click();
      await expect(page.getByText(/^A sync would add \d+ profiles in ~\/\.aws\/config\.$/)).toBeVisible();
      await check('profiles');
      await sections.getByRole('button', { name: 'Served' }).click();
      await expect(page.getByRole('row', { name: /AdministratorAccess/ })).toBeVisible();
      await check('served credentials');
      await sections.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Settings' }).first()).toBeVisible();
      await check('settings');
      await sections.getByRole('button', { name: 'Accounts' }).click();

      await page.getByRole('button', { name: 'Add session', exact: true }).click();
      await expect(page.getByRole('textbox', { name: /start URL/i }).first()).toBeVisible();
      await check('add session');
      await page.keyboard.press('Escape');

      bridge.emu.revokeSessions();
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
      await check('session ended');

      const card = page.getByRole('region', { name: ACME, exact: true });
      await card.getByRole('button', { name: 'Sign in with a device code' }).click();
      await expect(card.getByRole('button', { name: /^[A-Z]{4}-[A-Z]{4}$/ })).toBeVisible();
      await check('device code');

      expect(found).toEqual([]);
    });
  });
}
