// "Profiles in ~/.aws/config" with the user's choices: the name template (with an example from the listing), the
// kind and a region change the preview; Apply writes those profiles and settings.json remembers the choices, over
// the real core and the emulator, in real Chromium.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { processCommandFor } from '../electron/core/profiles/config-profiles.js';
import { runningCliLauncher } from '../electron/core/profiles/process-launcher.js';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const TEMPLATE = '{session}-{accountName}-{roleName}';

test.describe("the sync's choices in the window", () => {
  test('the template and kind change the preview; Apply writes them and settings.json remembers', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.core.accounts(ACME);
    const roles = bridge.emu.organisation.accounts.reduce((n, a) => n + a.roles.length, 0);
    await bridge.open(page);
    await page.getByRole('button', { name: 'Profiles' }).click();
    const section = page.getByRole('region', { name: 'Profiles in ~/.aws/config' });
    const template = section.getByRole('textbox', { name: 'Profile name template' });
    const added = section.getByRole('list', { name: 'Add' });
    const apply = section.getByRole('button', { name: 'Apply' });

    // The saved choices (the defaults) to start with, and an example name from the listing the window has (the list
    // shows the first 50 names).
    await expect(template).toHaveValue('{accountName}.{roleName}');
    await expect(section.getByRole('radio', { name: /^Native SSO/ })).toBeChecked();
    await expect(added.getByText('Checkout-dev.ReadOnlyAccess', { exact: true })).toBeVisible();
    // The example is read with the field (its description), after the placeholders.
    await expect(template).toHaveAccessibleDescription(
      /^Placeholders: \{accountId\} \{accountName\} \{emailAddress\} \{roleName\} \{session\}\. For example Billing\.Billing for Billing in Billing\.$/,
    );
    const listed = bridge.emu.calls({ api: 'ListAccounts' }).length;

    await template.fill(TEMPLATE);
    await expect(added.getByText('acme-Checkout-dev-ReadOnlyAccess', { exact: true })).toBeVisible();
    await expect(added.getByText('Checkout-dev.ReadOnlyAccess', { exact: true })).toHaveCount(0);
    await expect(template).toHaveAccessibleDescription(
      / For example acme-Billing-Billing for Billing in Billing\.$/,
    );

    // A template the core refuses: its sentence at the field, and Apply waits for a fix.
    await template.fill('{session}-{accountName}');
    await expect(section.getByRole('alert')).toHaveText(
      'The profile name template must use {roleName}, or every role of an account would get the same profile name.',
    );
    await expect(template).toHaveAttribute('aria-invalid', 'true');
    await expect(template).toHaveAccessibleDescription(/must use \{roleName\}, or every role/);
    await expect(apply).toBeDisabled();
    await screen(page, 'config-sync-template-refused');
    await template.fill(TEMPLATE);
    await expect(section.getByRole('alert')).toHaveCount(0);
    await expect(template).not.toHaveAttribute('aria-invalid');

    await section.getByRole('radio', { name: /^credential_process/ }).check();
    const region = section.getByRole('textbox', { name: 'Region (optional)' });
    await region.fill('Europe');
    await region.press('Tab');
    await expect(section.getByRole('alert')).toHaveText(
      'The region "Europe" cannot be used: it must be an AWS region code such as us-east-1.',
    );
    await expect(apply).toBeDisabled();
    await region.fill('eu-west-1');
    await region.press('Tab');
    await expect(section.getByText(`A sync would add ${roles} profiles in ~/.aws/config.`)).toBeVisible();
    await expect(added.getByText('acme-Checkout-dev-ReadOnlyAccess', { exact: true })).toBeVisible();
    await screen(page, 'config-sync-choices');
    // Every preview was a dry run over the listing the window had: no call to Identity Center, nothing written.
    expect(bridge.emu.calls({ api: 'ListAccounts' })).toHaveLength(listed);
    expect(await readFile(bridge.sandbox.paths.configFile, 'utf8')).not.toContain('[profile ');

    await apply.click();
    await expect(section.getByRole('status')).toHaveText(
      `Added ${roles} profiles in ~/.aws/config. These choices are saved for the sync after each listing and sso-tray config sync.`,
    );
    await expect(
      section.getByText(/Nothing to change: the \d+ profiles in ~\/\.aws\/config are up to date\./),
    ).toBeVisible();
    await expect(apply).toBeDisabled();

    const text = await readFile(bridge.sandbox.paths.configFile, 'utf8');
    const account = bridge.emu.organisation.accounts.find((a) => a.accountName === 'Payments dev')!;
    const command = processCommandFor({ processLauncher: runningCliLauncher })({
      accountId: account.accountId,
      roleName: 'ReadOnlyAccess',
      session: ACME,
    });
    expect(text).toContain(
      `[profile acme-Payments-dev-ReadOnlyAccess]\ncredential_process = ${command}\nregion = eu-west-1\n`,
    );
    expect(text.match(/^\[profile acme-/gm)).toHaveLength(roles);
    expect(text.match(/^credential_process = /gm)).toHaveLength(roles);
    expect(text.match(/^region = eu-west-1$/gm)).toHaveLength(roles);
    expect(text).not.toMatch(/^sso_account_id = /m);

    const settingsFile = path.join(bridge.sandbox.paths.appDataDir, 'settings.json');
    const saved = JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;
    expect(saved.configSync).toEqual({
      template: TEMPLATE,
      kind: 'process',
      region: 'eu-west-1',
      prune: false,
    });

    // The next window shows the saved choices, and its preview uses them: nothing left to do.
    await page.reload();
    await page.getByRole('button', { name: 'Profiles' }).click();
    await expect(template).toHaveValue(TEMPLATE);
    await expect(section.getByRole('radio', { name: /^credential_process/ })).toBeChecked();
    await expect(region).toHaveValue('eu-west-1');
    await expect(
      section.getByText(/Nothing to change: the \d+ profiles in ~\/\.aws\/config are up to date\./),
    ).toBeVisible();
  });

  test('choices that change nothing in the file are still saved by Apply (prune on, with nothing to prune)', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.core.syncConfigProfiles({ session: ACME });
    const before = await readFile(bridge.sandbox.paths.configFile, 'utf8');
    await bridge.open(page);
    await page.getByRole('button', { name: 'Profiles' }).click();
    const section = page.getByRole('region', { name: 'Profiles in ~/.aws/config' });
    const apply = section.getByRole('button', { name: 'Apply' });
    await expect(
      section.getByText(/Nothing to change: the \d+ profiles in ~\/\.aws\/config are up to date\./),
    ).toBeVisible();
    await expect(apply).toBeDisabled();

    await section
      .getByRole('checkbox', { name: 'Remove the profiles it wrote for roles no longer assigned' })
      .check();
    await expect(apply).toBeEnabled();
    await apply.click();
    await expect(section.getByRole('status')).toHaveText(/These choices are saved/);
    await expect(apply).toBeDisabled();
    expect((await bridge.core.settings()).configSync.prune).toBe(true);
    expect(await readFile(bridge.sandbox.paths.configFile, 'utf8')).toBe(before);
  });
});
