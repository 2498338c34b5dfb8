// What the quick answers leave to the program, seen from the emulator: credentials inside the renewal window are
// renewed (one GetRoleCredentials call) by id as by name, and with tokens no longer shared with the AWS CLI the
// AWS CLI's cache answers neither.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { loginAcme, nodeScript, runSsoTray } from './support/cli-run.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';

const ROLE = 'AdministratorAccess';
const KEY = 'process.stdout.write(String(process.env.AWS_ACCESS_KEY_ID))';

let emu: RunningEmulator;
let sandbox: Sandbox;
let sandboxId = '';

const roleCalls = () =>
  emu
    .calls()
    .filter((c) => c.api === 'GetRoleCredentials')
    .map((c) => `${c.accountId} ${c.roleName}`);

/** The access key id of the credentials a run printed (process) or gave its command (exec). */
const keyOf = (stdout: string) => /"AccessKeyId": "(\w+)"/.exec(stdout)?.[1] ?? stdout;

async function renewedEachTime(line: string[]) {
  emu.clearCalls();
  const first = await runSsoTray(sandbox, line);
  const second = await runSsoTray(sandbox, line);
  expect([first.code, first.stderr, second.code, second.stderr]).toEqual([0, '', 0, '']);
  expect(keyOf(first.stdout)).toMatch(/^ASIA/);
  // Credentials that live 10 minutes are always inside the 15-minute window: each run renews them.
  expect(keyOf(second.stdout)).not.toBe(keyOf(first.stdout));
  expect(roleCalls()).toEqual([`${sandboxId} ${ROLE}`, `${sandboxId} ${ROLE}`]);
}

beforeAll(async () => {
  emu = await startEmulator({ lifetimes: { roleCredentialSeconds: 600 } });
  sandbox = await makeSandbox(emu.url);
  expect((await loginAcme(emu, sandbox)).code).toBe(0);
  sandboxId = emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!.accountId;
  expect((await runSsoTray(sandbox, ['creds', 'Sandbox', ROLE])).code).toBe(0);
});

afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

describe('credentials about to expire', () => {
  it.each([
    ['by name', () => 'Sandbox'],
    ['by id', () => sandboxId],
  ])('are renewed for `process` and `exec` %s', async (_, account) => {
    await renewedEachTime(['process', account(), ROLE]);
    await renewedEachTime(['exec', account(), ROLE, '--', ...nodeScript(KEY)]);
  });
});

describe('tokens no longer shared with the AWS CLI', () => {
  it("refuses by id as by name, though the AWS CLI's cache still holds the token and the credentials", async () => {
    // Turned off after signing in: the app reads its own store (the CLI has none), not the AWS CLI's cache.
    const file = path.join(sandbox.paths.appDataDir, 'settings.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...settings, shareTokenCacheWithAwsCli: false }));
    expect(await readdir(sandbox.paths.ssoCacheDir)).not.toEqual([]);
    const refusal = {
      code: 3,
      stdout: '',
      stderr:
        'sso-tray: You are not signed in to acme (us-east-1). Sign in first: run `sso-tray login --session acme`.\n',
    };
    for (const account of ['Sandbox', sandboxId, sandboxId]) {
      const { code, stdout, stderr } = await runSsoTray(sandbox, ['process', account, ROLE]);
      expect({ code, stdout, stderr }).toEqual(refusal);
      const executed = await runSsoTray(sandbox, ['exec', account, ROLE, '--', ...nodeScript(KEY)]);
      expect({ code: executed.code, stdout: executed.stdout, stderr: executed.stderr }).toEqual(refusal);
    }
  });
});
