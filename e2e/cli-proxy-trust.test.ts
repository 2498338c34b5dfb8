// `sso-tray` on a network that inspects TLS with a root of its own: the emulator serves https with a certificate that
// root issued. Without AWS_CA_BUNDLE the user reads what to set; with it (the AWS CLI's variable:
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html) every call succeeds, here through an
// HTTPS_PROXY CONNECT tunnel too. The verdict is the sentence, the proxy's tunnels and the emulator's calls.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';
import { runSsoTray } from './support/cli-run.js';
import { startForwardProxy, type ForwardProxy } from './support/forward-proxy.js';
import { makeTestCertificates } from './support/test-certificates.js';

let emu: RunningEmulator;
let sandbox: Sandbox;
let bundle: string;
let proxy: ForwardProxy;
const account = () => emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;

function login(env: Record<string, string>, box = sandbox) {
  const args = ['--start-url', emu.startUrl, '--region', emu.region, '--session', 'acme'];
  return runSsoTray(box, ['login', ...args, '--device-code', '--no-browser'], { env });
}

beforeAll(async () => {
  const certificates = await makeTestCertificates();
  emu = await startEmulator({ tls: certificates.server, autoApprove: true });
  sandbox = await makeSandbox(emu.url);
  bundle = path.join(sandbox.home, 'network-root.pem');
  await writeFile(bundle, certificates.rootPem);
  expect((await login({ AWS_CA_BUNDLE: bundle })).code).toBe(0);
  proxy = await startForwardProxy();
});
afterEach(() => emu.clearCalls());

/** A sandbox of its own, which shares nothing signed in with the others. */
async function withFreshSandbox(test: (box: Sandbox) => Promise<void>) {
  const box = await makeSandbox(emu.url);
  try {
    await test(box);
  } finally {
    await box.cleanup();
  }
}
afterAll(async () => {
  await proxy.close();
  await emu.close();
  await sandbox.cleanup();
});

describe('a certificate from a root this machine does not trust', () => {
  it('is refused with a sentence naming AWS_CA_BUNDLE, before anything reaches the service', () =>
    withFreshSandbox(async (box) => {
      emu.clearCalls();
      const run = await login({}, box);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(
        'Identity Center for acme (us-east-1) presented a certificate this machine does not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE); if your network inspects TLS, set AWS_CA_BUNDLE to a PEM file of its root certificate.',
      );
      expect(emu.calls()).toEqual([]);
    }));

  it('is trusted with AWS_CA_BUNDLE: sign-in, accounts, credentials and console through an HTTPS_PROXY tunnel', () =>
    withFreshSandbox(async (box) => {
      emu.clearCalls();
      const env = { AWS_CA_BUNDLE: bundle, HTTPS_PROXY: proxy.url };
      const role = [account().accountId, 'ReadOnlyAccess'];
      expect((await login(env, box)).code).toBe(0);
      expect((await runSsoTray(box, ['accounts'], { env })).stdout).toContain(account().accountId);
      expect((await runSsoTray(box, ['creds', ...role], { env })).stdout).toMatch(
        /^export AWS_ACCESS_KEY_ID=/m,
      );
      const console = await runSsoTray(box, ['console', ...role, '--print'], { env });
      expect(new URL(console.stdout.trim()).origin).toBe(emu.url);
      const apis = emu.calls().map((c) => c.api);
      for (const api of [
        'RegisterClient',
        'CreateToken',
        'ListAccounts',
        'GetRoleCredentials',
        'GetSigninToken',
      ])
        expect(apis).toContain(api);
      const tunnels = proxy.seen();
      expect(tunnels.length).toBeGreaterThan(0);
      const host = new URL(emu.url).host;
      expect(tunnels.filter((t) => t.line !== `CONNECT ${host}` || t.status !== 200)).toEqual([]);
    }));
});

describe('an HTTPS_PROXY that wants credentials', () => {
  it('says so for a CONNECT tunnel (407), and tunnels with the ones in HTTPS_PROXY', async () => {
    const guarded = await startForwardProxy({ requireCredentials: 'carol:tunnel-pw' });
    try {
      const host = new URL(guarded.url).host;
      const env = { AWS_CA_BUNDLE: bundle, DEBUG: '*' };
      const refused = await runSsoTray(sandbox, ['accounts'], { env: { ...env, HTTPS_PROXY: guarded.url } });
      expect(refused.stderr).toContain(
        `The proxy in HTTPS_PROXY (http://${host}) asks for a user name and password (HTTP 407) on the way to Identity Center for acme (us-east-1); put them in HTTPS_PROXY as http://USER:PASSWORD@${host}.`,
      );
      expect(emu.calls()).toEqual([]);
      const admitted = await runSsoTray(sandbox, ['accounts'], {
        env: { ...env, HTTPS_PROXY: `http://carol:tunnel-pw@${host}` },
      });
      expect(admitted.stdout).toContain(account().accountId);
      expect(admitted.stdout + admitted.stderr).not.toContain('tunnel-pw');
      expect(
        guarded
          .seen()
          .filter((t) => t.status === 200)
          .every((t) => t.credentials === 'carol:tunnel-pw'),
      ).toBe(true);
    } finally {
      await guarded.close();
    }
  });
});

describe('an HTTPS_PROXY that does not let the host through', () => {
  it("says it is the proxy's refusal (403 to CONNECT), not the service's", async () => {
    const blocking = await startForwardProxy({ refuseTunnels: 403 });
    try {
      const host = new URL(blocking.url).host;
      const run = await runSsoTray(sandbox, ['accounts'], {
        env: { AWS_CA_BUNDLE: bundle, HTTPS_PROXY: blocking.url },
      });
      expect(run.stderr).toContain(
        `The proxy in HTTPS_PROXY (http://${host}) refused to connect to 127.0.0.1 (HTTP 403) on the way to Identity Center for acme (us-east-1); ask your network's administrators to let that host through, or add it to NO_PROXY if it can be reached directly.`,
      );
      expect(blocking.seen().length).toBeGreaterThan(0);
      expect(emu.calls()).toEqual([]);
    } finally {
      await blocking.close();
    }
  });
});

describe('an AWS_CA_BUNDLE that cannot serve', () => {
  it('names the file that cannot be read', async () => {
    const missing = path.join(sandbox.home, 'no-such-root.pem');
    const run = await runSsoTray(sandbox, ['accounts'], { env: { AWS_CA_BUNDLE: missing } });
    expect(run.stderr).toContain(
      `AWS_CA_BUNDLE names ${missing}, which could not be read (ENOENT); point it at a PEM file of your network's root certificates, or unset it.`,
    );
    expect(emu.calls()).toEqual([]);
  });

  it('names a file with no certificate in it', async () => {
    const empty = path.join(sandbox.home, 'empty.pem');
    await writeFile(empty, 'not a certificate\n');
    const run = await runSsoTray(sandbox, ['accounts'], { env: { AWS_CA_BUNDLE: empty } });
    expect(run.stderr).toContain(
      `AWS_CA_BUNDLE names ${empty}, which holds no PEM certificate; point it at a PEM file of your network's root certificates, or unset it.`,
    );
  });

  it('says the bundle does not hold the root that issued the certificate', async () => {
    const other = path.join(sandbox.home, 'other-root.pem');
    await writeFile(other, (await makeTestCertificates('Another root')).rootPem);
    const run = await runSsoTray(sandbox, ['accounts'], { env: { AWS_CA_BUNDLE: other } });
    expect(run.stderr).toContain(
      `Identity Center for acme (us-east-1) presented a certificate that neither this machine nor AWS_CA_BUNDLE (${other}) trusts (UNABLE_TO_VERIFY_LEAF_SIGNATURE); put your network's root certificate in that file.`,
    );
    expect(emu.calls()).toEqual([]);
  });
});
