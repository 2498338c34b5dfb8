// Writing onto a profile SSO Tray did not write (Write to credentials file, Add to ~/.aws/config): refused with the file
// untouched and the sentence shown, then "Replace it" (reached by the keyboard) replaces exactly that profile and
// leaves every other byte as it was.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe-scan.js';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const ROLE_NAME = 'AdministratorAccess';
const ACCOUNT = 'Payments dev';

/** The window over a sandbox whose file (the credentials file or ~/.aws/config) holds `text`, the role's dialog open. */
async function openWith(page: Page, which: 'credentialsFile' | 'configFile', text: string) {
  const b = await startWindowBridge({
    acme: 'signed-in',
    prepare: async (sandbox) => {
      await mkdir(path.dirname(sandbox.paths[which]), { recursive: true });
      await writeFile(sandbox.paths[which], text, { mode: 0o600 });
    },
  });
  bridge = b;
  await b.open(page);
  await page.getByRole('button', { name: new RegExp(`^${ACCOUNT} \\d{12}`) }).click();
  await page.getByRole('button', { name: `Access keys for ${ROLE_NAME} in ${ACCOUNT}` }).click();
  const dialog = page.getByRole('dialog', { name: `Get credentials for ${ROLE_NAME}` });
  return { b, file: b.sandbox.paths[which], dialog };
}

// The user's own file: a comment, uneven spacing, and profiles on both sides of the one that is replaced.
const BEFORE =
  '# my own keys, kept by hand\n[personal]\naws_access_key_id=AKIAPERSONAL0000\naws_secret_access_key = personal/secret\n\n';
const FOREIGN =
  '[dev]\n; written by another tool\naws_access_key_id = AKIAFOREIGNDEV00\naws_secret_access_key = foreign-dev-secret\n\n';
const AFTER =
  '[after]\nregion = eu-west-1\naws_access_key_id = AKIAAFTER0000000\naws_secret_access_key = after-secret\n';

test('a foreign profile is refused untouched; Replace it, by the keyboard, replaces only that profile', async ({
  page,
}) => {
  const { b, file, dialog } = await openWith(page, 'credentialsFile', BEFORE + FOREIGN + AFTER);
  const account = b.emu.organisation.accounts.find((a) => a.accountName === ACCOUNT)!;
  const name = dialog.getByRole('textbox', { name: 'Profile name', exact: true });
  await name.fill('dev');
  await name.press('Tab');
  await expect(dialog.getByLabel('Profile block', { exact: true })).toHaveText(/^\[dev\]\n/);

  const write = dialog.getByRole('button', { name: 'Write to credentials file' });
  await write.click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toHaveText(
    `The profile "dev" in ${file} was not written by SSO Tray; type another Profile name, or press Replace it.`,
  );
  expect(await readFile(file, 'utf8')).toBe(BEFORE + FOREIGN + AFTER);
  const replace = dialog.getByRole('button', { name: 'Replace it' });
  await expect(replace).toHaveAccessibleDescription(await refusal.innerText());
  expect(await axeViolations(page, 'replace offered')).toEqual([]);
  await screen(page, 'access-keys-replace-offered');

  // From the button the user pressed, the next Tab stop is Replace it; Enter presses it.
  await write.focus();
  await page.keyboard.press('Tab');
  await expect(replace).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Wrote the profile' })).toHaveText(
    'Wrote the profile dev to your credentials file.',
  );
  await expect(replace).toHaveCount(0);
  await expect(refusal).toHaveCount(0);

  const credentials = await b.core.credentials({
    session: ACME,
    accountId: account.accountId,
    roleName: ROLE_NAME,
  });
  const written = await readFile(file, 'utf8');
  expect(written.startsWith(BEFORE)).toBe(true);
  expect(written.endsWith(AFTER)).toBe(true);
  const section = written.slice(BEFORE.length, written.length - AFTER.length);
  // The keys replaced in place; the comment inside the section is the user's and stays.
  expect(section).toBe(
    '[dev]\n; written by another tool\n' +
      `aws_access_key_id = ${credentials.accessKeyId}\n` +
      `aws_secret_access_key = ${credentials.secretAccessKey}\n` +
      `aws_session_token = ${credentials.sessionToken}\n\n`,
  );
  // Written once on the click, never on the refused write: the same credentials, one GetRoleCredentials.
  expect(b.emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(1);
  expect(await axeViolations(page, 'replaced')).toEqual([]);
});

const CONFIG_BEFORE = '# my profiles\n[profile personal]\nregion = eu-central-1\n\n';
const CONFIG_FOREIGN =
  '[profile dev]\n; by hand\nregion = eu-west-2\nrole_arn = arn:aws:iam::999999999999:role/Other\nsource_profile = personal\n\n';
const CONFIG_AFTER = '[profile after]\nregion = us-west-2\n';

test('Add to ~/.aws/config: a foreign profile is refused untouched; Replace it writes the chosen Kind over it', async ({
  page,
}) => {
  const { file, dialog } = await openWith(page, 'configFile', CONFIG_BEFORE + CONFIG_FOREIGN + CONFIG_AFTER);
  // The file as the core left it before the window opened (the session's [sso-session] added after the user's text).
  const original = await readFile(file, 'utf8');
  await dialog.getByText('More', { exact: true }).click();
  const form = dialog.getByRole('form', { name: 'Add to ~/.aws/config' });
  await form.getByRole('textbox', { name: 'Profile name' }).fill('dev');
  await form.getByRole('combobox', { name: 'Kind' }).selectOption('credential-process');
  await form.getByRole('button', { name: 'Add to ~/.aws/config' }).click();
  const refusal = form.getByRole('alert');
  await expect(refusal).toHaveText(
    'The profile "dev" in ~/.aws/config already exists with other settings; type another Profile name, or press Replace it.',
  );
  expect(await readFile(file, 'utf8')).toBe(original);
  const replace = form.getByRole('button', { name: 'Replace it' });
  await expect(replace).toHaveAccessibleDescription(await refusal.innerText());
  expect(await axeViolations(page, 'config replace offered')).toEqual([]);

  await form.getByRole('button', { name: 'Add to ~/.aws/config' }).focus();
  await page.keyboard.press('Tab');
  await expect(replace).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText(/^Added the profile dev to /);
  await expect(replace).toHaveCount(0);
  // Every byte around the profile as it was (the session's [sso-session] the core added included); the profile's
  // keys replaced by the chosen Kind's, the user's comment in it kept.
  const written = await readFile(file, 'utf8');
  const at = original.indexOf(CONFIG_FOREIGN);
  const rest = original.slice(at + CONFIG_FOREIGN.length);
  expect(written.startsWith(original.slice(0, at))).toBe(true);
  expect(written.endsWith(rest)).toBe(true);
  expect(written.slice(at, written.length - rest.length)).toMatch(
    /^\[profile dev\]\n; by hand\ncredential_process = .+ process \d{12} AdministratorAccess --session acme\n\n$/,
  );
});
