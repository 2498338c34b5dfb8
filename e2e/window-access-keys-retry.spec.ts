// Access keys when Identity Center cannot give the credentials: what needs them stays disabled until they are
// fetched, and "Try again" fetches them again (GetRoleCredentials sent once more, the texts then shown).
import { expect, test } from '@playwright/test';
import { startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

test('a failed credentials fetch disables writing and copying, and "Try again" fetches them', async ({
  page,
}) => {
  bridge = await startWindowBridge({ acme: 'signed-in' });
  const { emu } = bridge;
  await bridge.open(page);
  await page.getByRole('button', { name: /^Sandbox \d{12}/ }).click();
  emu.injectFault({ api: 'GetRoleCredentials', kind: 'server-error', status: 500 });
  await page.getByRole('button', { name: 'Access keys for AdministratorAccess in Sandbox' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toContainText('try again in a few minutes');
  await expect(dialog.getByRole('button', { name: 'Write to credentials file' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Copy the profile block' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Copy the AWS access key ID' })).toBeDisabled();

  emu.clearFaults();
  const before = emu.calls({ api: 'GetRoleCredentials', status: 200 }).length;
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.locator('pre[aria-label="Profile block"]')).toContainText('aws_access_key_id');
  await expect(dialog.getByRole('button', { name: 'Write to credentials file' })).toBeEnabled();
  expect(emu.calls({ api: 'GetRoleCredentials', status: 200 }).length).toBe(before + 1);
  await dialog.getByRole('button', { name: 'Write to credentials file' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Wrote the profile' })).toBeVisible();
});
