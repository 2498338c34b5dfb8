// `sso-tray` behind a corporate proxy, as the AWS CLI works there: HTTP_PROXY/HTTPS_PROXY/NO_PROXY
// (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-proxy.html). The verdict is what the proxy forwarded
// and what the emulator answered, and the exact sentence a user reads when the proxy fails.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';
import { loginAcme, runSsoTray } from './support/cli-run.js';
import { deadAddress, startForwardProxy, type ForwardProxy } from './support/forward-proxy.js';

let emu: RunningEmulator;
let sandbox: Sandbox;
const proxies: ForwardProxy[] = [];
const account = () => emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;
const path = (line: string) => new URL(line.split(' ')[1]!).pathname;

async function proxy(options: { requireCredentials?: string } = {}) {
  const started = await startForwardProxy(options);
  proxies.push(started);
  return started;
}

beforeAll(async () => {
  emu = await startEmulator();
  sandbox = await makeSandbox(emu.url);
  expect((await loginAcme(emu, sandbox)).code).toBe(0);
});
afterEach(async () => {
  for (const p of proxies.splice(0)) await p.close();
  emu.clearCalls();
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

describe('through HTTP_PROXY', () => {
  it('signs in, lists accounts and gets credentials, every call forwarded by the proxy', async () => {
    const p = await proxy();
    const env = { HTTP_PROXY: p.url };
    const fresh = await makeSandbox(emu.url);
    emu.clearCalls();
    expect((await loginAcme(emu, fresh, env)).code).toBe(0);
    const accounts = await runSsoTray(fresh, ['accounts'], { env });
    expect(accounts.code).toBe(0);
    expect(accounts.stdout).toContain(account().accountId);
    const creds = await runSsoTray(fresh, ['creds', account().accountId, 'ReadOnlyAccess'], { env });
    await fresh.cleanup();
    expect(creds.code).toBe(0);
    expect(creds.stdout).toMatch(/^export AWS_ACCESS_KEY_ID=/m);
    const forwarded = p.seen().map((r) => path(r.line));
    for (const pathname of ['/client/register', '/token', '/assignment/accounts', '/assignment/roles'])
      expect(forwarded).toContain(pathname);
    expect(forwarded).toContain('/federation/credentials');
    // Every call the emulator answered came through the proxy.
    expect(
      p.seen().every((r) => r.line.startsWith(`POST ${emu.url}/`) || r.line.startsWith(`GET ${emu.url}/`)),
    ).toBe(true);
    // (The /authorize page is the browser's: the test approved it directly.)
    expect(p.seen().length).toBe(emu.calls().filter((c) => c.api !== 'Authorize').length);
  });

  it('goes direct to a host NO_PROXY names, host and port or any case', async () => {
    const p = await proxy();
    for (const noProxy of ['127.0.0.1', `127.0.0.1:${new URL(emu.url).port}`, 'example.com, .0.0.1']) {
      const run = await runSsoTray(sandbox, ['accounts'], { env: { HTTP_PROXY: p.url, NO_PROXY: noProxy } });
      expect(run.code, noProxy).toBe(0);
    }
    expect(p.seen()).toEqual([]);
    expect(emu.calls({ api: 'ListAccounts' }).length).toBe(3);
  });

  it('takes the lower-case variable over the upper-case one, as botocore does', async () => {
    const p = await proxy();
    const run = await runSsoTray(sandbox, ['accounts'], {
      env: { HTTP_PROXY: `http://${await deadAddress()}`, http_proxy: p.url },
    });
    expect(run.code).toBe(0);
    expect(p.seen().map((r) => path(r.line))).toContain('/assignment/accounts');
  });
});

describe('when the proxy fails', () => {
  it('says the proxy could not be reached, naming the variable and never its password', async () => {
    const dead = await deadAddress();
    // DEBUG=* has the proxy agents log what they are given (https://github.com/debug-js/debug).
    const run = await runSsoTray(sandbox, ['accounts'], {
      env: { HTTP_PROXY: `http://alice:s3cret-pw@${dead}`, DEBUG: '*' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `Identity Center for acme (us-east-1) could not be reached through the proxy in HTTP_PROXY (http://${dead}, ECONNREFUSED); check that proxy, or add 127.0.0.1 to NO_PROXY if it can be reached directly.`,
    );
    expect(run.stdout + run.stderr).not.toContain('s3cret-pw');
    expect(emu.calls()).toEqual([]);
  });

  it('says the proxy wants a user name and password (407), then that it refused the ones given', async () => {
    const p = await proxy({ requireCredentials: 'alice:right-pw' });
    const host = new URL(p.url).host;
    const none = await runSsoTray(sandbox, ['accounts'], { env: { HTTP_PROXY: p.url } });
    expect(none.stderr).toContain(
      `The proxy in HTTP_PROXY (http://${host}) asks for a user name and password (HTTP 407) on the way to Identity Center for acme (us-east-1); put them in HTTP_PROXY as http://USER:PASSWORD@${host}.`,
    );
    const wrong = await runSsoTray(sandbox, ['accounts'], {
      env: { HTTP_PROXY: `http://alice:wrong-pw@${host}`, DEBUG: '*' },
    });
    expect(wrong.stderr).toContain(
      `The proxy in HTTP_PROXY (http://${host}) refused the user name and password in it (HTTP 407) on the way to Identity Center for acme (us-east-1); correct them in HTTP_PROXY.`,
    );
    expect(wrong.stdout + wrong.stderr).not.toContain('wrong-pw');
    expect(emu.calls()).toEqual([]);
    const right = await runSsoTray(sandbox, ['accounts'], {
      env: { HTTP_PROXY: `http://alice:right-pw@${host}` },
    });
    expect(right.code).toBe(0);
    expect(right.stdout + right.stderr).not.toContain('right-pw');
    expect(
      p
        .seen()
        .filter((r) => r.status !== 407)
        .every((r) => r.credentials === 'alice:right-pw'),
    ).toBe(true);
    expect(emu.calls({ api: 'ListAccounts' }).length).toBe(1);
  });
});

describe('a proxy address that cannot be read', () => {
  it('is refused before any request, without echoing it', async () => {
    const run = await runSsoTray(sandbox, ['accounts'], { env: { HTTP_PROXY: 'http://alice:pw-77@[proxy' } });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      'HTTP_PROXY does not hold a proxy address such as http://proxy.example.com:8080; fix or unset it.',
    );
    expect(run.stdout + run.stderr).not.toContain('pw-77');
    expect(emu.calls()).toEqual([]);
  });
});

describe('sso-tray console through the proxy', () => {
  it('asks the sign-in endpoint for its token through HTTP_PROXY, and names the proxy when it is down', async () => {
    const p = await proxy();
    const args = ['console', account().accountId, 'ReadOnlyAccess', '--print'];
    const run = await runSsoTray(sandbox, args, { env: { HTTP_PROXY: p.url } });
    expect(run.code).toBe(0);
    expect(p.seen().map((r) => path(r.line))).toContain('/federation');
    const dead = await deadAddress();
    const down = await runSsoTray(sandbox, args, {
      env: { HTTP_PROXY: `http://bob:pw-9@${dead}`, NO_PROXY: 'example.com' },
    });
    expect(down.stderr).toContain(
      `The AWS sign-in endpoint (${new URL(emu.url).host}) could not be reached through the proxy in HTTP_PROXY (http://${dead}, ECONNREFUSED); check that proxy, or add 127.0.0.1 to NO_PROXY if it can be reached directly.`,
    );
    expect(down.stdout + down.stderr).not.toContain('pw-9');
  });
});
