// The window's Management console (button, console link, the quick-pick's Alt+C) and "Profiles in ~/.aws/config"
// (preview, then Apply), over the real core, the emulator's portal and sign-in endpoint, in real Chromium.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { consolePageFields } from './identity-center/federation-support.js';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const ACCOUNT = 'Payments dev';
const ROLE_NAME = 'ReadOnlyAccess';

async function openAccount(page: Page, b: WindowBridge) {
  await b.open(page);
  await page.getByRole('button', { name: new RegExp(`^${ACCOUNT} \\d{12}`) }).click();
  return page.getByRole('list', { name: `Roles in ${ACCOUNT}` });
}

test.describe('the Management console from the window', () => {
  test('the button opens the console of that role in the default region; the page sees only that it opened', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.core.updateSettings({ defaultRegion: 'eu-north-1' });
    const account = bridge.emu.organisation.accounts.find((a) => a.accountName === ACCOUNT)!;
    const roles = await openAccount(page, bridge);
    const opened = bridge.browserOpened.length;
    await roles.getByRole('button', { name: `Management console for ${ROLE_NAME} in ${ACCOUNT}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Opened the console' })).toHaveText(
      `Opened the console of ${ACCOUNT} / ${ROLE_NAME} in your browser.`,
    );
    const url = bridge.browserOpened[opened]!;
    expect(await consolePageFields(url)).toMatchObject({
      account: account.accountId,
      role: ROLE_NAME,
      region: 'eu-north-1',
      destination: 'https://eu-north-1.console.aws.amazon.com/console/home?region=eu-north-1',
    });
    await screen(page, 'console-opened');

    await roles.getByRole('button', { name: `Copy console link for ${ROLE_NAME} in ${ACCOUNT}` }).click();
    await expect
      .poll(() => bridge!.clipboard.at(-1))
      .toBe(`${bridge.emu.startUrl}/#/console?account_id=${account.accountId}&role_name=${ROLE_NAME}`);

    // The quick-pick's Alt+C opens the highlighted role's console.
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Find a role' });
    await box.fill('sandbox admin');
    await expect(page.getByRole('option', { selected: true })).toContainText(/AdministratorAccess\s*Sandbox/);
    await box.press('Alt+KeyC');
    await expect.poll(() => bridge!.browserOpened.length).toBe(opened + 2);
    const sandbox = bridge.emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!;
    expect(await consolePageFields(bridge.browserOpened.at(-1)!)).toMatchObject({
      account: sandbox.accountId,
      role: 'AdministratorAccess',
    });
    await expect(box).toBeHidden();

    // Each sign-in token went to the opener only: not in anything the page received, the clipboard or the page.
    const tokens = bridge.browserOpened.slice(opened).map((u) => new URL(u).searchParams.get('SigninToken')!);
    const seen = [...bridge.pageSaw, ...bridge.clipboard, await page.content()].join('\n');
    for (const token of tokens) {
      expect(token.length).toBeGreaterThan(100);
      expect(seen).not.toContain(token);
    }
    expect(seen).not.toContain('SigninToken');
  });
});

test.describe("a favourite's console region", () => {
  test('a region set on a favourite opens its console there; cleared, the default region applies', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const account = bridge.emu.organisation.accounts.find((a) => a.accountName === ACCOUNT)!;
    const role = { session: ACME, accountId: account.accountId, roleName: ROLE_NAME };
    await bridge.core.toggleFavourite(role);
    await bridge.core.updateSettings({ defaultRegion: 'eu-north-1' });
    await bridge.open(page);
    const favourites = page.getByRole('region', { name: 'Favourites' });
    const field = favourites.getByRole('textbox', { name: `Console region for ${ROLE_NAME} in ${ACCOUNT}` });
    const open = favourites.getByRole('button', {
      name: `Management console for ${ROLE_NAME} in ${ACCOUNT}`,
    });
    const openedRegion = async () => {
      const before = bridge!.browserOpened.length;
      await open.click();
      await expect.poll(() => bridge!.browserOpened.length).toBe(before + 1);
      return (await consolePageFields(bridge!.browserOpened.at(-1)!)).region;
    };

    await field.fill('ap-northeast-1');
    await field.press('Enter');
    await expect
      .poll(async () => (await bridge!.core.settings()).favourites[0]?.region)
      .toBe('ap-northeast-1');
    expect(await openedRegion()).toBe('ap-northeast-1');
    await screen(page, 'favourite-console-region');

    await field.fill('not a region');
    await field.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(
      'The request was not valid (region: a region looks like us-east-1).',
    );
    await field.fill('');
    await field.press('Enter');
    await expect.poll(async () => (await bridge!.core.settings()).favourites[0]?.region).toBeUndefined();
    expect(await openedRegion()).toBe('eu-north-1');
  });

  test('only a favourite keeps a region: the refusal is one sentence', async () => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const account = bridge.emu.organisation.accounts.find((a) => a.accountName === ACCOUNT)!;
    await expect(
      bridge.call('favourites:region', {
        session: ACME,
        accountId: account.accountId,
        roleName: ROLE_NAME,
        region: 'eu-west-1',
      }),
    ).rejects.toThrow(
      `Only a favourite keeps its own console region; star ${ROLE_NAME} in ${account.accountId} first.`,
    );
  });
});

test.describe('Profiles in ~/.aws/config', () => {
  test("shows what a sync would add, Apply writes it, and a user's profile of the same name is kept", async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.core.accounts(ACME);
    const file = bridge.sandbox.paths.configFile;
    const planned = await bridge.call('config:sync', { session: ACME, dryRun: true, maxAgeSeconds: 3600 });
    const taken = planned.added[0]!;
    const mine = `\n# my own\n[profile ${taken}]\nregion = ap-south-1\n`;
    await writeFile(file, (await readFile(file, 'utf8')) + mine);
    const before = await readFile(file, 'utf8');
    const count = planned.added.length - 1;

    await bridge.open(page);
    await page.getByRole('button', { name: 'Profiles' }).click();
    const section = page.getByRole('region', { name: 'Profiles in ~/.aws/config' });
    await expect(section.getByText(`A sync would add ${count} profiles in ~/.aws/config.`)).toBeVisible();
    await expect(
      section.getByText(
        new RegExp(`^Skipped 1 profile whose name is taken .*\\(${taken.replace('.', '\\.')}\\)`),
      ),
    ).toBeVisible();
    await expect(section.getByRole('list', { name: 'Add' }).getByRole('listitem')).toHaveCount(
      Math.min(count, 51),
    );
    await screen(page, 'config-sync-preview');
    expect(await readFile(file, 'utf8')).toBe(before);

    await section.getByRole('button', { name: 'Apply' }).click();
    await expect(section.getByRole('status')).toHaveText(
      new RegExp(`^Added ${count} profiles in ~/\\.aws/config\\. Skipped 1 profile`),
    );
    await expect(
      section.getByText(/Nothing to change: the \d+ profiles in ~\/\.aws\/config are up to date\./),
    ).toBeVisible();
    await expect(section.getByRole('button', { name: 'Apply' })).toBeDisabled();

    const after = await readFile(file, 'utf8');
    expect(after).toContain(mine);
    expect(after.startsWith(before)).toBe(true);
    for (const name of planned.added.filter((n) => n !== taken))
      expect(after).toContain(`[profile ${name}]\nsso_session = acme\nsso_account_id = `);
    const account = bridge.emu.organisation.accounts.find((a) => a.accountName === ACCOUNT)!;
    expect(after).toContain(`sso_account_id = ${account.accountId}\nsso_role_name = ${ROLE_NAME}\n`);
    const generated = after.slice(before.length);
    expect(generated.match(/^\[profile /gm)).toHaveLength(count);
  });

  test('the switch keeps them in sync after each listing', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    await page.getByRole('button', { name: 'Profiles' }).click();
    const section = page.getByRole('region', { name: 'Profiles in ~/.aws/config' });
    await section.getByRole('switch', { name: 'Keep them in sync after each listing' }).check();
    await expect.poll(async () => (await bridge!.core.settings()).syncConfigProfiles).toBe(true);
    await bridge.core.accounts(ACME);
    await bridge.core.whenIdle();
    // The preview follows the listing: the sync after it left nothing to do.
    await expect(
      section.getByText(/Nothing to change: the \d+ profiles in ~\/\.aws\/config are up to date\./),
    ).toBeVisible();
    const text = await readFile(bridge.sandbox.paths.configFile, 'utf8');
    const roles = bridge.emu.organisation.accounts.reduce((n, a) => n + a.roles.length, 0);
    expect(text.match(/^sso_role_name = /gm)).toHaveLength(roles);
  });
});
