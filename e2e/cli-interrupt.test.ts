// Ctrl-C exits 130 from every command, as --help and the README promise; a sign-in waits for its approval.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginToEmulator, startCli, useCliEmulator } from './support/cli-process.js';
import { startArrivalProxy, type ArrivalProxy } from './support/arrival-proxy.js';

const h = useCliEmulator();
let portal: ArrivalProxy;

beforeAll(async () => {
  portal = await startArrivalProxy(h.emu.url);
});

afterAll(async () => {
  await portal.close();
});

const sessionNames = async () =>
  (
    JSON.parse(await readFile(`${h.sandbox.paths.appDataDir}/settings.json`, 'utf8')) as {
      sessions: Array<{ name: string }>;
    }
  ).sessions.map((s) => s.name);

describe('a device-code sign-in', () => {
  it('waits for the approval past its first poll instead of ending with exit code 0', async () => {
    const run = await loginToEmulator(h.sandbox, h.emu, 'acme');
    expect(run.stderr).toMatch(/Signed in to acme \(us-east-1\); the sign-in expires in 7h 59m/);
    expect(run.code).toBe(0);
    expect(h.emu.calls({ api: 'CreateToken', status: 200 })).toHaveLength(1);
  });
});

describe('Ctrl-C', () => {
  it('during a first sign-in exits 130 and leaves no session behind', async () => {
    const login = startCli(h.sandbox, [
      ...['login', '--start-url', h.emu.startUrl, '--region', h.emu.region, '--session', 'second'],
      ...['--device-code', '--no-browser'],
    ]);
    await login.stderrMatches(/confirm the code/);
    login.child.kill('SIGINT');
    const run = await login.done;
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Removed session second again.\n');
    expect(await sessionNames()).toEqual(['acme']);
    expect(await readFile(h.sandbox.paths.configFile, 'utf8')).not.toContain('second');
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s during a first sign-in exits %i and leaves no session behind', async (signal, code) => {
    const name = `by-${signal.toLowerCase()}`;
    const login = startCli(h.sandbox, [
      ...['login', '--start-url', h.emu.startUrl, '--region', h.emu.region, '--session', name],
      ...['--device-code', '--no-browser'],
    ]);
    await login.stderrMatches(/confirm the code/);
    login.child.kill(signal);
    const run = await login.done;
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(`Removed session ${name} again.\n`);
    expect(await sessionNames()).toEqual(['acme']);
    expect(await readFile(h.sandbox.paths.configFile, 'utf8')).not.toContain(name);
  });

  it('during keep-fresh exits 130', async () => {
    const keepFresh = startCli(h.sandbox, ['keep-fresh']);
    await keepFresh.stderrMatches(/Ctrl-C to stop\.\n/);
    keepFresh.child.kill('SIGINT');
    expect((await keepFresh.done).code).toBe(130);
  });

  const account = () => h.emu.organisation.accounts[0]!;
  it.each([
    ['accounts', () => ['accounts']],
    ['roles', () => ['roles', account().accountName]],
    ['creds', () => ['creds', account().accountId, account().roles[0]!]],
    ['write', () => ['write', account().accountId, account().roles[0]!, '--profile', 'slow']],
    ['process', () => ['process', account().accountId, account().roles[0]!]],
  ])('during a slow call of `%s` exits 130 at once', async (_name, args) => {
    h.emu.setLatency('ListAccounts', 60_000);
    h.emu.setLatency('GetRoleCredentials', 60_000);
    try {
      const arrived = portal.arrival('/');
      const started = startCli(h.sandbox, args(), { AWS_ENDPOINT_URL_SSO: portal.url });
      await arrived;
      started.child.kill('SIGINT');
      const run = await started.done;
      expect(run.code).toBe(130);
      expect(run.stdout).toBe('');
    } finally {
      h.emu.setLatency('ListAccounts', 0);
      h.emu.setLatency('GetRoleCredentials', 0);
    }
  });
});
