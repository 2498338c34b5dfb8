// The window's sessions in real Chromium over the real core and the emulator: adding one, signing in with the
// browser or a device code, and the sessions already in ~/.aws/config.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

test.describe('first run: add a session and sign in with the browser', () => {
  test('hints while typing, then signed in with its end time and the accounts listed', async ({ page }) => {
    bridge = await startWindowBridge();
    const emu = bridge.emu;
    await bridge.open(page);
    await expect(page.getByRole('heading', { name: 'Add your AWS access portal' })).toBeVisible();
    await screen(page, 'first-run');

    const form = page.getByRole('form', { name: 'Add a session' });
    const add = form.getByRole('button', { name: 'Add session' });
    // Nothing to add yet; then each field's hint shows as the user types in it, and the button waits.
    await expect(add).toBeDisabled();
    await form.getByLabel('Name').fill('my acme');
    await form.getByLabel('Start URL').fill('http://d-1234567890.awsapps.com/start');
    // The core's own sentences (shared/identifier-rules.ts), before anything is sent.
    await expect(
      form.getByText('The session name "my acme" cannot be used: it must be 1 to 128'),
    ).toBeVisible();
    await expect(
      form.getByText(
        'The start URL "http://d-1234567890.awsapps.com/start" cannot be used: it must be an https://',
      ),
    ).toBeVisible();
    await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(add).toBeDisabled();
    await screen(page, 'add-session-hints');

    await form.getByLabel('Name').fill(ACME);
    await form.getByLabel('Start URL').fill(emu.startUrl);
    await form.getByLabel('Region').fill(emu.region);
    await expect(add).toBeEnabled();
    await add.click();

    const card = page.getByRole('region', { name: ACME });
    await expect(card.getByText('Signed out')).toBeVisible();
    await card.getByRole('button', { name: 'Sign in with the browser' }).click();
    await expect(card.getByText('Signed in', { exact: true })).toBeVisible();
    // Signed in is all the card says: no "Finishing the sign-in…" and no Cancel beside it.
    expect(await card.getByText(/Finishing the sign-in|Approve the sign-in/).count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Cancel sign-in' }).count()).toBe(0);
    await expect(card.getByText(/^Renews automatically before .+\(in (8 h|7 h 59 min)\)$/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Payments dev/ })).toBeVisible();
    expect(bridge.browserOpened).toHaveLength(1);
    expect(emu.calls({ api: 'CreateToken' }).map((c) => c.grantType)).toEqual(['authorization_code']);
    await screen(page, 'signed-in');
  });

  test("the core's refusal is shown as its sentence in the form", async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'added' });
    await bridge.open(page);
    await page.getByRole('button', { name: 'Add session' }).click();
    const form = page.getByRole('form', { name: 'Add a session' });
    await form.getByLabel('Name').fill(ACME);
    await form.getByLabel('Start URL').fill('https://d-9999999999.awsapps.com/start');
    await form.getByRole('button', { name: 'Add session' }).click();
    await expect(form.getByRole('alert')).toHaveText(
      'A session named "acme" exists already; choose another name.',
    );
  });
});

test.describe('the form refuses what the core refuses, and nothing more', () => {
  test("a name AWS allows is added; one it refuses shows the core's sentence", async ({ page }) => {
    bridge = await startWindowBridge();
    await bridge.open(page);
    const form = page.getByRole('form', { name: 'Add a session' });
    const add = form.getByRole('button', { name: 'Add session' });
    await form.getByLabel('Start URL').fill(bridge.emu.startUrl);
    await form.getByLabel('Region').fill(bridge.emu.region);
    await form.getByLabel('Name').fill('constructor');
    await expect(form.getByLabel('Name')).toHaveAccessibleDescription(
      'The session name "constructor" is a word the AWS SDKs cannot read as a name; choose another session name.',
    );
    await expect(add).toBeDisabled();

    await form.getByLabel('Name').fill('team@acme+prod');
    await expect(form.getByLabel('Name')).toHaveAccessibleDescription(
      'A short name for this sign-in, such as acme.',
    );
    await add.click();
    await expect(page.getByRole('region', { name: 'team@acme+prod' }).getByText('Signed out')).toBeVisible();
  });
});

test.describe('device-code sign-in', () => {
  test('shows the code large with a countdown; approving it signs in', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'added' });
    await bridge.open(page);
    const card = page.getByRole('region', { name: ACME });
    await card.getByRole('button', { name: 'Sign in with a device code' }).click();

    const code = card.getByRole('button', { name: /^[A-Z]{4}-[A-Z]{4}$/ });
    await expect(code).toBeVisible();
    await expect(card.getByText(`Enter this code at ${bridge.emu.url}/device`)).toBeVisible();
    const timer = card.getByRole('timer');
    await expect(timer).toHaveText(/The code expires in\s+(10:00|9:\d\d)/);
    const first = secondsOf(await timer.textContent());
    await expect.poll(async () => secondsOf(await timer.textContent())).toBeLessThan(first);
    await screen(page, 'device-code');

    // The code in one click; the page's address copied or opened (with the code filled in).
    const userCode = (await code.textContent())?.trim() ?? '';
    await card.getByRole('button', { name: userCode }).click();
    await expect(card.getByRole('status').getByText('Copied')).toBeVisible();
    expect(bridge.clipboard.at(-1)).toBe(userCode);
    await card.getByRole('button', { name: 'Copy the address' }).click();
    await expect.poll(() => bridge!.clipboard.at(-1)).toBe(`${bridge.emu.url}/device`);
    await card.getByRole('button', { name: 'Open the page' }).click();
    await expect.poll(() => bridge!.browserOpened.at(-1)).toContain(userCode);

    await bridge.emu.approveDevice(userCode);
    await expect(card.getByText('Signed in', { exact: true })).toBeVisible();
    await expect(code).toBeHidden();
    expect(bridge.emu.calls({ api: 'CreateToken', status: 200 }).map((c) => c.grantType)).toEqual([
      'urn:ietf:params:oauth:grant-type:device_code',
    ]);
  });

  test('Cancel stops the sign-in and leaves the session signed out', async ({ page }) => {
    bridge = await startWindowBridge({ acme: 'added' });
    await bridge.open(page);
    const card = page.getByRole('region', { name: ACME });
    await card.getByRole('button', { name: 'Sign in with a device code' }).click();
    await expect(card.getByRole('button', { name: /^[A-Z]{4}-[A-Z]{4}$/ })).toBeVisible();
    await card.getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect(card.getByText('Signed out')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Sign in with a device code' })).toBeVisible();
  });
});

test.describe('sessions already in ~/.aws/config', () => {
  test('appear in the list without being added, marked as from the config file', async ({ page }) => {
    bridge = await startWindowBridge({
      prepare: async (sandbox, emu) => {
        await mkdir(path.dirname(sandbox.paths.configFile), { recursive: true });
        await writeFile(
          sandbox.paths.configFile,
          `[sso-session corp]\nsso_start_url = ${emu.startUrl}\nsso_region = ${emu.region}\n` +
            'sso_registration_scopes = sso:account:access\n',
        );
      },
    });
    await bridge.open(page);
    const card = page.getByRole('region', { name: 'corp' });
    await expect(card.getByText(`${bridge.emu.startUrl} · us-east-1 · from ~/.aws/config`)).toBeVisible();
    await expect(page.getByRole('heading', { name: /Accounts in corp/ })).toBeVisible();
    await expect(page.getByText('Sign in to corp to see your accounts.')).toBeVisible();
  });
});

function secondsOf(text: string | null): number {
  const [, minutes, seconds] = /(\d+):(\d\d)/.exec(text ?? '') ?? [];
  return Number(minutes) * 60 + Number(seconds);
}
