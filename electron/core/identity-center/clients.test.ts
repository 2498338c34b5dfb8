import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { setProcessEnv } from '../../../e2e/support/process-env.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { systemClock } from '../clock.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { oidcOrigin } from './clients.js';
import { getRoleCredentials } from './get-role-credentials.js';
import { listAccounts } from './portal-pages.js';
import { signIn } from './sign-in.js';
import { refreshAccessToken } from './token-refresh.js';
import { logout } from './sign-out.js';

describe('the SDK clients', () => {
  let emu: RunningEmulator;
  let dir: string;
  let restoreEnv: () => void;

  beforeAll(async () => {
    emu = await startEmulator({ autoApprove: true });
    dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-clients-'));
    const marker = path.join(dir, 'credentials-were-looked-up');
    const lookup = `${process.execPath} -e "require('fs').writeFileSync(process.argv[1], 'x')" ${marker}`;
    // A config that would change every client setting, and a credential_process that leaves a trace if run.
    await writeFile(
      path.join(dir, 'config'),
      [
        '[default]',
        `credential_process = ${lookup}`,
        'region = eu-west-3',
        'retry_mode = standard',
        'max_attempts = 1',
        'use_fips_endpoint = true',
        'endpoint_url = http://127.0.0.1:9',
        '',
      ].join('\n'),
    );
    await writeFile(path.join(dir, 'credentials'), `[default]\ncredential_process = ${lookup}\n`);
    restoreEnv = setProcessEnv({
      HOME: dir,
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      AWS_PROFILE: 'default',
      ...Object.fromEntries(
        ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION'].map((key) => [
          key,
          undefined,
        ]),
      ),
    });
  });

  afterAll(async () => {
    restoreEnv();
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('never look for AWS credentials nor read the AWS config: every call is unsigned', async () => {
    const session: SessionConfig = {
      name: 'acme',
      startUrl: emu.startUrl,
      region: emu.region,
      source: 'sso-session',
    };
    const deps = {
      endpoints: { oidc: emu.url, portal: emu.url },
      clock: systemClock,
      cache: new MemorySsoCache(),
    };
    const token = await signIn(
      session,
      { flow: 'browser' },
      { ...deps, openBrowser: async (url) => void (await emu.approveAuthorization(url)) },
    );
    const renewed = await refreshAccessToken(session, token, deps);
    // The config's max_attempts = 1 would make this one 500 fatal.
    emu.injectFault({ api: 'ListAccounts', kind: 'server-error', count: 1 });
    const [account] = await listAccounts(session, renewed.accessToken, deps);
    const roles = emu.organisation.accounts.find((a) => a.accountId === account?.accountId)?.roles ?? [];
    await getRoleCredentials(session, renewed.accessToken, account?.accountId ?? '', roles[0] ?? '', deps);
    await logout(session, renewed, deps);

    expect(emu.calls().map((c) => [c.api, c.status])).toEqual([
      ['RegisterClient', 200],
      ['Authorize', 302],
      ['CreateToken', 200],
      ['CreateToken', 200],
      ['ListAccounts', 500],
      ['ListAccounts', 200],
      ['GetRoleCredentials', 200],
      ['Logout', 200],
    ]);
    expect(existsSync(path.join(dir, 'credentials-were-looked-up'))).toBe(false);
  });
});

describe('the /authorize origin', () => {
  const deps = { clock: systemClock };
  it('is the scheme and host of the OIDC endpoint for the region, or of the injected endpoint', async () => {
    expect(await oidcOrigin('eu-west-1', { ...deps, endpoints: {} })).toBe(
      'https://oidc.eu-west-1.amazonaws.com',
    );
    expect(await oidcOrigin('cn-north-1', { ...deps, endpoints: {} })).toBe(
      'https://oidc.cn-north-1.amazonaws.com.cn',
    );
    expect(await oidcOrigin('us-east-1', { ...deps, endpoints: { oidc: 'http://127.0.0.1:4566/x' } })).toBe(
      'http://127.0.0.1:4566',
    );
  });
});
