// Endpoint overrides as a user sets them: plain http only to this machine. A role's secret key or a token never goes
// in clear to another host; the command refuses in one sentence naming the variable, before any request is sent.
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';
import { loginAcme, runSsoTray } from './support/cli-run.js';
import { EXIT } from '../electron/cli/exit-codes.js';

let emu: RunningEmulator;
let sandbox: Sandbox;
/** A listener on this machine's own network address (not loopback): it counts what would have been sent in clear. */
let listener: Server | undefined;
let lanUrl: string | undefined;
const received: string[] = [];
const account = () => emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;

/** The first non-internal IPv4 address, where the machine has one (a container without a network has none). */
function lanAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces()))
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  return undefined;
}

beforeAll(async () => {
  emu = await startEmulator();
  sandbox = await makeSandbox(emu.url);
  expect((await loginAcme(emu, sandbox)).code).toBe(0);
  const address = lanAddress();
  if (address) {
    const server = createServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"SigninToken":"leaked"}');
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    listener = server;
    const port = (server.address() as { port: number }).port;
    lanUrl = `http://${address}:${port}`;
  }
});
afterAll(async () => {
  await new Promise((resolve) => (listener ? listener.close(resolve) : resolve(undefined)));
  await emu.close();
  await sandbox.cleanup();
});
beforeEach(() => {
  emu.clearCalls();
  received.length = 0;
});

const refusal = (variable: string, shown: string) =>
  `sso-tray: ${variable} is ${shown}, plain http to another machine, which would send tokens and credentials unencrypted; use https:// (http:// is only for 127.0.0.1, ::1 or localhost); fix or unset it.\n`;

describe('sso-tray console with a plain-http sign-in endpoint off this machine', () => {
  it('refuses AWS_ENDPOINT_URL_SIGNIN=http://example.invalid… with exit 2, printing no URL and calling nothing', async () => {
    const run = await runSsoTray(sandbox, ['console', account().accountId, 'ReadOnlyAccess', '--print'], {
      env: { AWS_ENDPOINT_URL_SIGNIN: 'http://example.invalid/federation-stand-in' },
    });
    expect([run.code, run.stdout, run.stderr]).toEqual([
      EXIT.usage,
      '',
      refusal('AWS_ENDPOINT_URL_SIGNIN', 'http://example.invalid'),
    ]);
    // Not even the role's credentials were fetched: they would have been on their way to that host.
    expect(emu.calls({})).toEqual([]);
  });

  it('sends nothing to a plain-http host that does answer (this machine by its network address)', async () => {
    if (!lanUrl) return expect(lanAddress()).toBeUndefined(); // no network address here to listen on
    const run = await runSsoTray(sandbox, ['console', account().accountId, 'ReadOnlyAccess', '--print'], {
      env: { AWS_ENDPOINT_URL_SIGNIN: `${lanUrl}/` },
    });
    expect([run.code, run.stdout, run.stderr]).toEqual([
      EXIT.usage,
      '',
      refusal('AWS_ENDPOINT_URL_SIGNIN', lanUrl),
    ]);
    expect(received).toEqual([]);
    expect(emu.calls({})).toEqual([]);
  });

  it('names AWS_ENDPOINT_URL when that is where the sign-in endpoint came from', async () => {
    const run = await runSsoTray(sandbox, ['console', account().accountId, 'ReadOnlyAccess', '--print'], {
      env: { AWS_ENDPOINT_URL_SIGNIN: '', AWS_ENDPOINT_URL: 'http://example.invalid:8080' },
    });
    expect([run.code, run.stderr]).toEqual([
      EXIT.usage,
      refusal('AWS_ENDPOINT_URL', 'http://example.invalid:8080'),
    ]);
    expect(emu.calls({})).toEqual([]);
  });
});

describe('the Identity Center endpoints', () => {
  it('refuses AWS_ENDPOINT_URL_SSO over plain http to another host before any portal call', async () => {
    const run = await runSsoTray(sandbox, ['creds', account().accountId, 'ReadOnlyAccess'], {
      env: { AWS_ENDPOINT_URL_SSO: 'http://example.invalid' },
    });
    expect([run.code, run.stdout, run.stderr]).toEqual([
      EXIT.usage,
      '',
      refusal('AWS_ENDPOINT_URL_SSO', 'http://example.invalid'),
    ]);
    expect(emu.calls({})).toEqual([]);
  });

  it('refuses AWS_ENDPOINT_URL_SSO_OIDC over plain http to another host before any sign-in call', async () => {
    const run = await runSsoTray(sandbox, ['login', '--session', 'acme', '--device-code', '--no-browser'], {
      env: { AWS_ENDPOINT_URL_SSO_OIDC: 'http://example.invalid' },
    });
    expect([run.code, run.stderr.split('\n').at(-2)]).toEqual([
      EXIT.usage,
      refusal('AWS_ENDPOINT_URL_SSO_OIDC', 'http://example.invalid').trimEnd(),
    ]);
    expect(emu.calls({})).toEqual([]);
  });

  it('takes plain http to this machine (the emulator on 127.0.0.1, also as localhost)', async () => {
    const local = emu.url.replace('127.0.0.1', 'localhost');
    const run = await runSsoTray(sandbox, ['console', account().accountId, 'ReadOnlyAccess', '--print'], {
      env: { AWS_ENDPOINT_URL_SIGNIN: local },
    });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(new URL(run.stdout.trim()).origin).toBe(new URL(local).origin);
  });
});
