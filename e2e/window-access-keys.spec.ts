// A role's Access keys dialog: the portal's three options byte for byte as the core formats them, each Copy put on
// the clipboard by the main process; writing the role to the credentials file and seeing it in Profiles.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { formatCredentials, type CredentialFormat } from '../electron/core/role-credentials/formats.js';
import { expectTimeLeftShown } from './support/shown-span.js';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const ROLE_NAME = 'AdministratorAccess';
const ACCOUNT = 'Payments dev';

async function openAccessKeys(page: Page, b: WindowBridge) {
  const account = b.emu.organisation.accounts.find((a) => a.accountName === ACCOUNT)!;
  await b.open(page);
  await page.getByRole('button', { name: new RegExp(`^${ACCOUNT} \\d{12}`) }).click();
  const opener = page
    .getByRole('list', { name: `Roles in ${ACCOUNT}` })
    .getByRole('button', { name: `Access keys for ${ROLE_NAME} in ${ACCOUNT}` });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: `Get credentials for ${ROLE_NAME}` });
  await expect(dialog).toBeVisible();
  const role = { session: ACME, accountId: account.accountId, roleName: ROLE_NAME };
  return { dialog, opener, role, credentials: await b.core.credentials(role) };
}

test.describe('the Access keys dialog', () => {
  test('Option 1 per shell, Option 2 and Option 3 show the exact texts; Copy puts exactly them on the clipboard', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const before = Date.now();
    const { dialog, role, credentials } = await openAccessKeys(page, bridge);
    const profileName = `${role.accountId}_${ROLE_NAME}`;
    const expected = (format: CredentialFormat) => formatCredentials(format, credentials, { profileName });
    const expiry = dialog.getByText(/^These credentials expire at .+\(in .+\)\.$/);
    await expect(expiry).toBeVisible();
    expectTimeLeftShown((await expiry.textContent())!, credentials.expiration.getTime(), before, Date.now());
    await screen(page, 'access-keys');

    const shells: Array<[string, CredentialFormat]> = [
      ['macOS and Linux', 'env'],
      ['Windows cmd', 'windows-cmd'],
      ['PowerShell', 'powershell'],
      ['fish', 'fish'],
      ['.env file', 'dotenv'],
    ];
    for (const [tab, format] of shells) {
      await dialog.getByRole('tab', { name: tab }).click();
      await expect(dialog.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      const text = expected(format);
      // The handler table the window calls gives the same bytes as the core's formatter.
      expect((await bridge.call('credentials:text', { ...role, format })).text).toBe(text);
      await expect.poll(() => dialog.getByRole('tabpanel').locator('pre').textContent()).toBe(text);
      await dialog.getByRole('button', { name: `Copy the ${tab} commands` }).click();
      await expect.poll(() => bridge!.clipboard.at(-1)).toBe(text);
      await expect(dialog.getByRole('button', { name: `Copy the ${tab} commands` })).toHaveText('Copied');
    }

    await expect
      .poll(() => dialog.getByLabel('Profile block', { exact: true }).textContent())
      .toBe(expected('profile'));
    await dialog.getByRole('button', { name: 'Copy the profile block' }).click();
    await expect.poll(() => bridge!.clipboard.at(-1)).toBe(expected('profile'));

    const values: Array<[string, string]> = [
      ['AWS access key ID', credentials.accessKeyId],
      ['AWS secret access key', credentials.secretAccessKey],
      ['AWS session token', credentials.sessionToken],
    ];
    for (const [label, value] of values) {
      await expect(dialog.getByLabel(label, { exact: true })).toHaveText(value);
      await dialog.getByRole('button', { name: `Copy the ${label}` }).click();
      await expect.poll(() => bridge!.clipboard.at(-1)).toBe(value);
    }
    // One GetRoleCredentials for all of it.
    expect(bridge.emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(1);
  });

  test('keyboard: arrows move between shells, Escape closes and gives focus back', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const { dialog, opener } = await openAccessKeys(page, bridge);
    await dialog.getByRole('tab', { name: 'macOS and Linux' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('tab', { name: 'Windows cmd' })).toBeFocused();
    await expect(dialog.getByRole('tabpanel').locator('pre')).toHaveText(/^set AWS_ACCESS_KEY_ID=/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});

test.describe('one profile name, shown where the user decides', () => {
  test('the name in Option 2 names the block and the profile written; the dialog scrolls, nothing clipped', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const { dialog, role } = await openAccessKeys(page, bridge);
    const name = dialog.getByRole('textbox', { name: 'Profile name', exact: true });
    await expect(name).toHaveValue(`${role.accountId}_${ROLE_NAME}`);
    await name.fill('sandbox-admin');
    await name.press('Tab');
    await expect(dialog.getByLabel('Profile block', { exact: true })).toHaveText(/^\[sandbox-admin\]/);
    await dialog.getByRole('button', { name: 'Write to credentials file' }).click();
    const done = dialog.getByRole('status').filter({ hasText: 'Wrote the profile' });
    await expect(done).toHaveText('Wrote the profile sandbox-admin to your credentials file.');
    expect(await readFile(bridge.sandbox.paths.credentialsFile, 'utf8')).toContain('[sandbox-admin]\n');
    // The confirmation is reachable inside the dialog, and no code box hides lines behind its own scrollbar.
    await done.scrollIntoViewIfNeeded();
    await expect(done).toBeInViewport();
    const clipped = await dialog
      .locator('pre.code, code.value')
      .evaluateAll(
        (boxes) =>
          boxes.filter(
            (b) =>
              (b as unknown as { scrollHeight: number; clientHeight: number }).scrollHeight >
              (b as unknown as { clientHeight: number }).clientHeight + 1,
          ).length,
      );
    expect(clipped).toBe(0);
    await screen(page, 'access-keys-written');
  });
});

test.describe('write a profile and see it in Profiles', () => {
  test('kept fresh in the credentials file, listed with its role and expiry, then removed', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const before = Date.now();
    const { dialog, role, credentials } = await openAccessKeys(page, bridge);
    const profile = `${role.accountId}_${ROLE_NAME}`;
    await dialog.getByRole('checkbox', { name: /Keep it fresh/ }).check();
    await dialog.getByRole('button', { name: 'Write to credentials file' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Wrote the profile' })).toHaveText(
      `Wrote the profile ${profile} to your credentials file, kept fresh.`,
    );
    const file = await readFile(bridge.sandbox.paths.credentialsFile, 'utf8');
    expect(file).toContain(`[${profile}]\naws_access_key_id = ${credentials.accessKeyId}\n`);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Profiles' })
      .click();
    const row = page.getByRole('row', { name: new RegExp(profile) });
    const keepFresh = row.getByRole('switch', { name: `Keep ${profile} fresh` });
    await expect(row.getByRole('cell')).toContainText([ROLE_NAME, /\(in .+\)/, 'On']);
    const expires = row.getByRole('cell').filter({ hasText: /\(in .+\)/ });
    expectTimeLeftShown((await expires.textContent())!, credentials.expiration.getTime(), before, Date.now());
    await expect(keepFresh).toBeChecked();
    await expect(row).toContainText(ACCOUNT);
    // The time reads on one line.
    const box = await row.locator('.when').boundingBox();
    expect(box!.height).toBeLessThan(30);
    await screen(page, 'profiles');

    // Keep-fresh switched off, then on again, for the profile already written.
    await keepFresh.uncheck();
    await expect.poll(async () => (await bridge!.call('profiles:list', {}))[0]?.keepFresh).toBe(false);
    await expect(keepFresh).not.toBeChecked();
    await keepFresh.check();
    await expect.poll(async () => (await bridge!.call('profiles:list', {}))[0]?.keepFresh).toBe(true);

    await row.getByRole('button', { name: `Remove ${profile}` }).click();
    await expect(row).toBeHidden();
    await expect(page.getByText('No profiles yet: open Access keys on a role')).toBeVisible();
    expect(await readFile(bridge.sandbox.paths.credentialsFile, 'utf8')).not.toContain(`[${profile}]`);
  });

  test('"Add to ~/.aws/config" writes an SSO profile on the session', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const { dialog, role } = await openAccessKeys(page, bridge);
    await dialog.getByText('More').click();
    const form = dialog.getByRole('form', { name: 'Add to ~/.aws/config' });
    await form.getByLabel('Profile name').fill('payments-admin');
    await form.getByRole('button', { name: 'Add to ~/.aws/config' }).click();
    await expect(form.getByRole('status')).toHaveText(
      `Added the profile payments-admin to ${bridge.sandbox.paths.configFile}.`,
    );
    const config = await readFile(bridge.sandbox.paths.configFile, 'utf8');
    expect(config).toContain('[profile payments-admin]');
    expect(config).toContain(`sso_account_id = ${role.accountId}`);
    await screen(page, 'access-keys-config');
  });
});
