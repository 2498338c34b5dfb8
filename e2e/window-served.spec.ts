// Serving a role to local programs from the window: Serve in the Access keys dialog, Copy variables (the main
// process writes the clipboard), a program started with those variables reads the role's credentials through the AWS
// SDK's own container provider (fromHttp), Stop closes the endpoint, and the page never saw the token.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

/** A Node program, started by sh after the copied lines, that asks the SDK's fromHttp for credentials. */
async function programWith(variables: string): Promise<{ ok: boolean; out: string }> {
  const script = [
    "import { fromHttp } from '@aws-sdk/credential-providers';",
    'const c = await fromHttp({ maxRetries: 0 })();',
    'console.log(JSON.stringify({ accessKeyId: c.accessKeyId, sessionToken: c.sessionToken }));',
  ].join('\n');
  try {
    const { stdout } = await promisify(execFile)(
      'sh',
      ['-c', `${variables}\nexec "$NODE" --input-type=module -e "$SCRIPT"`],
      // Nothing of the test's own environment: only what the copied lines set reaches the SDK.
      { cwd: REPO, env: { PATH: process.env.PATH ?? '', NODE: process.execPath, SCRIPT: script } },
    );
    return { ok: true, out: stdout };
  } catch (error) {
    return { ok: false, out: String((error as { stderr?: string }).stderr ?? error) };
  }
}

test('Serve, Copy variables, a program reads the credentials with fromHttp, Stop closes it', async ({
  page,
}) => {
  bridge = await startWindowBridge({ acme: 'signed-in' });
  const b = bridge;
  const account = b.emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!;
  const role = { session: ACME, accountId: account.accountId, roleName: 'AdministratorAccess' };
  await b.open(page);
  await page.getByRole('button', { name: /^Sandbox \d{12}/ }).click();
  await page.getByRole('button', { name: 'Access keys for AdministratorAccess in Sandbox' }).click();
  const dialog = page.getByRole('dialog', { name: 'Get credentials for AdministratorAccess' });
  await dialog.getByRole('button', { name: 'Serve to local programs' }).click();
  const serving = dialog.getByText(/^Serving at http:\/\/127\.0\.0\.1:\d+\/role-credentials\.$/);
  await expect(serving).toBeVisible();
  const url = /(http:\S+)\.$/.exec((await serving.textContent()) ?? '')![1]!;

  await dialog.getByRole('button', { name: 'Copy variables (macOS and Linux)' }).click();
  await expect(dialog.getByText('Copied the variables for AdministratorAccess in')).toBeVisible();
  const variables = b.clipboard.at(-1)!;
  const token = /^export AWS_CONTAINER_AUTHORIZATION_TOKEN=([A-Za-z0-9_-]{43})$/m.exec(variables)?.[1];
  expect(variables).toBe(
    `export AWS_CONTAINER_CREDENTIALS_FULL_URI=${url}\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=${token}\n`,
  );

  const issued = await b.core.credentials(role);
  const read = await programWith(variables);
  expect(read.ok, read.out).toBe(true);
  expect(JSON.parse(read.out)).toEqual({
    accessKeyId: issued.accessKeyId,
    sessionToken: issued.sessionToken,
  });

  // The shell chosen in Option 1 is the one the variables are copied for.
  await dialog.getByRole('tab', { name: 'PowerShell' }).click();
  await dialog.getByRole('button', { name: 'Copy variables (PowerShell)' }).click();
  await expect
    .poll(() => b.clipboard.at(-1))
    .toBe(
      `$Env:AWS_CONTAINER_CREDENTIALS_FULL_URI="${url}"\n$Env:AWS_CONTAINER_AUTHORIZATION_TOKEN="${token}"\n`,
    );

  await dialog.getByRole('button', { name: 'Show served credentials' }).click();
  await expect(dialog).toBeHidden();
  const section = page.getByRole('region', { name: 'Served credentials' });
  const row = section.getByRole('row', { name: /AdministratorAccess/ });
  await expect(row.getByRole('cell', { name: url, exact: false })).toBeVisible();
  await expect(row).toContainText(/1 request, the last /);
  await screen(page, 'served');

  await row.getByRole('button', { name: 'Stop serving AdministratorAccess in Sandbox' }).click();
  await expect(section.getByText('Nothing is served')).toBeVisible();
  const after = await programWith(variables);
  expect(after.ok).toBe(false);
  expect(after.out).toContain('ECONNREFUSED');

  // What crossed to the page (every outcome, every event): the endpoint, never its token; the credentials only in the
  // texts the dialog shows because the user opened Access keys (credentials:text), never from serving.
  expect(b.pageSaw.some((json) => json.includes(url))).toBe(true);
  expect(b.pageSaw.filter((json) => json.includes(token!))).toEqual([]);
  for (const secret of [issued.secretAccessKey, issued.sessionToken])
    expect(b.pageSaw.filter((json) => json.includes(secret) && !json.includes('"text":'))).toEqual([]);
});

test('keyboard: Serve, Copy variables and Stop from the keys, focus kept on the next control', async ({
  page,
}) => {
  bridge = await startWindowBridge({ acme: 'signed-in' });
  await bridge.open(page);
  await page.getByRole('button', { name: /^Sandbox \d{12}/ }).click();
  await page.getByRole('button', { name: 'Access keys for AdministratorAccess in Sandbox' }).click();
  const dialog = page.getByRole('dialog');
  const serve = dialog.getByRole('button', { name: 'Serve to local programs' });
  await serve.focus();
  await page.keyboard.press('Enter');
  // The button becomes Copy variables: focus goes to it, not to the page.
  await expect(dialog.getByRole('button', { name: 'Copy variables (macOS and Linux)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => bridge!.clipboard.at(-1)).toMatch(/^export AWS_CONTAINER_CREDENTIALS_FULL_URI=/);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: /^Stop serving/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Serve to local programs' })).toBeFocused();
  expect(await bridge.call('endpoints:list', {})).toEqual([]);
});
