// Settings in the window: saved through the core, read back after a reload, and acted on; a refused value's
// sentence shown where it was typed.
import { expect, test } from '@playwright/test';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

test.describe('settings round-trip', () => {
  test('saved, shown again after a reload, and used by the sign-in buttons and the copies', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click();
    const form = page.getByRole('form', { name: 'Settings' });
    await expect(form.getByRole('checkbox', { name: /Share the sign-in with the AWS CLI/ })).toBeChecked();
    await expect(form.getByRole('checkbox', { name: /Remove the profiles SSO Tray wrote/ })).toBeChecked();
    await expect(form.getByLabel('Profile name template')).toHaveValue('{accountId}_{roleName}');
    await expect(form.getByLabel('Preferred sign-in')).toHaveValue('browser');
    await expect(form.getByLabel('Default region')).toHaveValue('');
    await screen(page, 'settings');

    await form.getByRole('checkbox', { name: /Remove the profiles SSO Tray wrote/ }).uncheck();
    await form.getByLabel('Profile name template').fill('{accountName}-{roleName}');
    await form.getByLabel('Preferred sign-in').selectOption('device-code');
    await form.getByLabel('Default region').fill('eu-west-1');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved.');
    expect(await bridge.call('settings:get', {})).toMatchObject({
      shareTokenCacheWithAwsCli: true,
      removeProfilesOnSignOut: false,
      profileNameTemplate: '{accountName}-{roleName}',
      preferredSignIn: 'device-code',
      defaultRegion: 'eu-west-1',
    });

    await page.reload();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await expect(
      form.getByRole('checkbox', { name: /Remove the profiles SSO Tray wrote/ }),
    ).not.toBeChecked();
    await expect(form.getByLabel('Profile name template')).toHaveValue('{accountName}-{roleName}');
    await expect(form.getByLabel('Preferred sign-in')).toHaveValue('device-code');
    await expect(form.getByLabel('Default region')).toHaveValue('eu-west-1');

    // The profile block is named by the template; the copies carry the region.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Accounts' })
      .click();
    await page.getByRole('button', { name: /^Sandbox \d{12}/ }).click();
    await page.getByRole('button', { name: 'Access keys for AdministratorAccess in Sandbox' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Profile block', { exact: true })).toHaveText(
      /^\[Sandbox-AdministratorAccess\]/,
    );
    await expect(dialog.getByRole('tabpanel').locator('pre')).toContainText('export AWS_REGION=eu-west-1');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The preferred sign-in comes first once signed out.
    const card = page.getByRole('region', { name: ACME });
    await card.getByRole('button', { name: 'Sign out' }).click();
    await expect(
      card
        .getByRole('button')
        .filter({ hasText: /^\s*Sign in/ })
        .first(),
    ).toHaveText('Sign in with a device code');
  });

  test('a template the core refuses shows its sentence; clearing the region removes it', async ({ page }) => {
    bridge = await startWindowBridge();
    await bridge.call('settings:update', { defaultRegion: 'eu-west-1' });
    await bridge.open(page);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click();
    const form = page.getByRole('form', { name: 'Settings' });
    await form.getByLabel('Profile name template').fill('{account}-{roleName}');
    await form.getByRole('button', { name: 'Save settings' }).click();
    // The template language's sentence (the config sync's and the CLI's too), and the field itself marked.
    await expect(form.getByRole('alert')).toHaveText(
      'The profile name template uses {account}, which is not a placeholder; use {accountId}, {accountName}, {emailAddress}, {roleName} or {session}. Change Profile name template and save again.',
    );
    await expect(form.getByLabel('Profile name template')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Profile name template')).toBeFocused();
    await expect(form.getByLabel('Default region')).not.toHaveAttribute('aria-invalid', 'true');
    await screen(page, 'settings-error');
    expect((await bridge.call('settings:get', {})).profileNameTemplate).toBe('{accountId}_{roleName}');

    await form.getByLabel('Profile name template').fill('{accountId}_{roleName}');
    await form.getByLabel('Default region').fill('');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved.');
    expect((await bridge.call('settings:get', {})).defaultRegion).toBeUndefined();
  });

  test('theme: dark or light hold whatever the system prefers', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await page.emulateMedia({ colorScheme: 'light' });
    await bridge.open(page);
    const background = () =>
      page.evaluate(() => {
        const g = globalThis as unknown as {
          document: { documentElement: unknown };
          getComputedStyle(element: unknown): { backgroundColor: string };
        };
        return g.getComputedStyle(g.document.documentElement).backgroundColor;
      });
    const light = await background();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click();
    const form = page.getByRole('form', { name: 'Settings' });
    await expect(form.getByLabel('Theme')).toHaveValue('system');
    await form.getByLabel('Theme').selectOption('dark');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved.');
    await expect.poll(background).not.toBe(light);
    await screen(page, 'settings-dark-theme');
    await page.emulateMedia({ colorScheme: 'dark' });
    await form.getByLabel('Theme').selectOption('light');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(background).toBe(light);
    expect((await bridge.call('settings:get', {})).theme).toBe('light');
  });

  test('start at login shows only where the OS has it, and is applied when saved', async ({
    page,
    context,
  }) => {
    bridge = await startWindowBridge();
    await bridge.open(page);
    const settings = page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' });
    await settings.click();
    let form = page.getByRole('form', { name: 'Settings' });
    await expect(form.getByLabel('Theme')).toBeVisible();
    await expect(form.getByRole('checkbox', { name: 'Start SSO Tray when I log in' })).toHaveCount(0);
    await bridge.close();

    bridge = await startWindowBridge({ capabilities: { startAtLogin: true } });
    page = await context.newPage();
    await bridge.open(page);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click();
    form = page.getByRole('form', { name: 'Settings' });
    await form.getByRole('checkbox', { name: 'Start SSO Tray when I log in' }).check();
    await form.getByLabel('Quick-pick shortcut').fill('CommandOrControl+Alt+R');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved.');
    expect(bridge.applied.at(-1)).toMatchObject({
      startAtLogin: true,
      quickPickShortcut: 'CommandOrControl+Alt+R',
    });
    await screen(page, 'settings-start-at-login');
  });
});
