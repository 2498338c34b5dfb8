import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetRoleCredentialsCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './emulator.js';
import { deviceSignIn, portalClient } from './sdk-sign-in.js';
import { HANG_GUARD_MS } from '../support/eventually.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

function runCli(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { child, stdout: () => out, stderr: () => err };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** The first line the emulator prints, as soon as it is printed (a loaded machine is slow to start it, not wrong). */
function firstLine(read: () => string, child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const text = read();
      if (!text.includes('\n')) return;
      child.stdout?.off('data', check);
      resolve(text.slice(0, text.indexOf('\n')));
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code} before its first line`)));
    check();
  });
}

describe('npm run emulator (the CLI entry) as a separate process', () => {
  let dir: string;
  let run: ReturnType<typeof runCli>;
  let target: RunningEmulator;
  const organisation = {
    accounts: [
      {
        accountId: '111122223333',
        accountName: 'Fixture dev',
        emailAddress: 'dev@fixture.example',
        roles: ['DeveloperAccess'],
      },
      {
        accountId: '444455556666',
        accountName: 'Fixture prod',
        emailAddress: 'prod@fixture.example',
        roles: ['ReadOnlyAccess'],
      },
    ],
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'emulator-cli-'));
    const fixture = path.join(dir, 'fixture.json');
    await writeFile(fixture, JSON.stringify({ organisation, lifetimes: { roleCredentialSeconds: 1800 } }));
    run = runCli([
      '--port',
      '0',
      '--auto-approve',
      '--fixture',
      fixture,
      '--start-url',
      'https://d-2222222222.awsapps.com/start',
      '--region',
      'eu-central-1',
    ]);
    const line = await firstLine(run.stdout, run.child);
    const match =
      /^Identity Center emulator: (http:\/\/127\.0\.0\.1:\d+) {2}start URL: (https:\/\/\S+)$/.exec(line);
    if (!match) throw new Error(`unexpected first line: ${line}`);
    target = { url: match[1], startUrl: match[2], region: 'eu-central-1' } as RunningEmulator;
    // The out-of-process equivalent of approveDevice, over the admin API.
    target.approveDevice = async (userCode: string) => {
      const answer = await fetch(`${target.url}/__admin/approve-device`, {
        method: 'POST',
        body: JSON.stringify({ userCode }),
      });
      if (answer.status !== 204) throw new Error(`approve-device answered ${answer.status}`);
    };
  });
  afterAll(async () => {
    if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('prints one line with its URL and start URL, and serves the fixture organisation', async () => {
    expect(target.startUrl).toBe('https://d-2222222222.awsapps.com/start');
    const { token } = await deviceSignIn(target);
    const portal = portalClient(target);
    const listed = await portal.send(new ListAccountsCommand({ accessToken: token.accessToken }));
    expect(listed.accountList).toEqual(organisation.accounts.map(({ roles: _roles, ...account }) => account));
    const before = Date.now();
    const creds = await portal.send(
      new GetRoleCredentialsCommand({
        accessToken: token.accessToken,
        accountId: '111122223333',
        roleName: 'DeveloperAccess',
      }),
    );
    const after = Date.now();
    // The emulator stamps the fixture's 1800 s on its clock (this machine's) while it answers, between `before` and
    // `after`: a loaded machine widens that span, never moves the expiry out of it.
    const expiration = creds.roleCredentials?.expiration ?? 0;
    expect(expiration).toBeGreaterThanOrEqual(before + 1800_000);
    expect(expiration).toBeLessThanOrEqual(after + 1800_000);
  });

  it('logs request lines to stderr without secrets', async () => {
    expect(run.stdout().trim().split('\n')).toHaveLength(1);
    // The line is written after the answer is sent: it may reach the pipe a moment after the call returned.
    await expect
      .poll(run.stderr, { timeout: HANG_GUARD_MS })
      .toMatch(/GET \/assignment\/accounts ListAccounts 200 \d+ms/);
    expect(run.stderr()).not.toMatch(/aoa|aor|ASIA|clientSecret/);
  });

  it('exits cleanly on SIGTERM', async () => {
    const exit = exited(run.child);
    run.child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a fixture with a bad field in one line naming it', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ lifetimes: { accessTokenSeconds: -5 } }));
    const failing = runCli(['--fixture', bad, '--quiet']);
    expect(await exited(failing.child)).toBe(1);
    expect(failing.stdout()).toBe('');
    expect(failing.stderr()).toBe(
      `Identity Center emulator: The fixture file ${bad} is not valid: lifetimes.accessTokenSeconds: must be more than 0\n`,
    );
  });
});
