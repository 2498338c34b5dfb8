import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { systemClock } from '../clock.js';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import type { ServiceDeps } from './clients.js';
import type { ListingProgress } from '../shapes/front-end-shapes.js';
import { getRoleCredentials } from './get-role-credentials.js';
import { listAccountsWithRoles } from './portal-listing.js';
import { listAccounts, listRoles } from './portal-pages.js';
import { signIn } from './sign-in.js';

let emu: RunningEmulator;
let session: SessionConfig;
let deps: ServiceDeps;
let token: SsoToken;

beforeAll(async () => {
  emu = await startEmulator({ autoApprove: true });
  session = { name: 'acme', startUrl: emu.startUrl, region: emu.region, source: 'sso-session' };
  deps = { endpoints: { oidc: emu.url, portal: emu.url }, clock: systemClock };
  token = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
});
afterAll(() => emu.close());
afterEach(() => {
  emu.clearCalls();
  emu.clearFaults();
});

const assigned = (e: RunningEmulator) => e.organisation.accounts.filter((a) => a.roles.length > 0);

describe('listing the access portal', () => {
  it('lists every account with its roles, sorted, reporting progress', async () => {
    const progress: ListingProgress[] = [];
    const listing = await listAccountsWithRoles(session, token.accessToken, deps, {
      onProgress: (p) => progress.push(p),
    });
    const expected = assigned(emu)
      .map(({ accountId, accountName, emailAddress, roles }) => ({
        accountId,
        accountName,
        emailAddress,
        roles: [...roles].sort(),
      }))
      .sort((a, b) => a.accountName.localeCompare(b.accountName));
    expect(listing).toEqual(expected);
    expect(listing.map((a) => a.accountName)).toContain('Payments dev');
    expect(listing.map((a) => a.accountName)).not.toContain('Audit');
    expect(progress.at(-1)).toEqual({
      accountsListed: expected.length,
      accountsWithRoles: expected.length,
      totalAccounts: expected.length,
    });
    expect(emu.calls({ api: 'ListAccountRoles' })).toHaveLength(expected.length);
  });

  it('lists the roles of one account', async () => {
    const account = assigned(emu)[0];
    const roles = await listRoles(session, token.accessToken, account?.accountId ?? '', deps);
    expect(roles).toEqual(account?.roles.map((roleName) => ({ accountId: account.accountId, roleName })));
  });
});

describe('role credentials', () => {
  it('returns the short-term credentials with their expiry', async () => {
    const account = assigned(emu)[0];
    const roleName = account?.roles[0] ?? '';
    const before = Date.now();
    const credentials = await getRoleCredentials(
      session,
      token.accessToken,
      account?.accountId ?? '',
      roleName,
      deps,
    );
    expect(credentials).toMatchObject({
      accountId: account?.accountId,
      roleName,
      accessKeyId: expect.stringMatching(/^ASIA/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
    });
    expect(credentials.expiration.getTime()).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(credentials.expiration.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);
  });
});

describe('what the user is told when the portal says no', () => {
  const payments = () => assigned(emu).find((a) => a.accountName === 'Payments prod');

  it('a permission set not assigned in that account', async () => {
    const account = payments();
    const failure = getRoleCredentials(
      session,
      token.accessToken,
      account?.accountId ?? '',
      'AdministratorAccess',
      deps,
    );
    await expect(failure).rejects.toThrow(
      `You are not assigned the AdministratorAccess permission set in account ${account?.accountId}. ` +
        'Ask your administrator for access, or choose another role.',
    );
    await expect(failure).rejects.toMatchObject({ code: 'not-assigned' });
  });

  it('an account that does not exist', async () => {
    const failure = getRoleCredentials(session, token.accessToken, '000000000000', 'ReadOnlyAccess', deps);
    await expect(failure).rejects.toMatchObject({
      message: 'The ReadOnlyAccess permission set in account 000000000000 was not found for acme.',
      next: { do: 'refresh-list' },
    });
    await expect(listRoles(session, token.accessToken, '000000000000', deps)).rejects.toMatchObject({
      message: 'Account 000000000000 was not found for acme.',
      next: { do: 'refresh-list' },
    });
  });

  it('Identity Center out of reach', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const offline = { ...deps, endpoints: { portal: `http://127.0.0.1:${port}` }, maxAttempts: 2 };
    const failure = listAccounts(session, token.accessToken, offline);
    await expect(failure).rejects.toThrow(
      'Identity Center for acme (us-east-1) could not be reached; check your network connection and try again.',
    );
    await expect(failure).rejects.toMatchObject({ code: 'network' });
  });

  it('connections dropped on every attempt', async () => {
    emu.injectFault({ api: 'ListAccounts', kind: 'drop' });
    await expect(listAccounts(session, token.accessToken, { ...deps, maxAttempts: 2 })).rejects.toThrow(
      'Identity Center for acme (us-east-1) could not be reached; check your network connection and try again.',
    );
  });

  it('throttling that outlasts the retries', async () => {
    emu.injectFault({ api: 'ListAccounts', kind: 'throttle' });
    const failure = listAccounts(session, token.accessToken, { ...deps, maxAttempts: 2 });
    await expect(failure).rejects.toThrow(
      'Identity Center is throttling requests for acme; wait a minute and try again.',
    );
    await expect(failure).rejects.toMatchObject({ code: 'throttled' });
    expect(emu.calls({ api: 'ListAccounts', status: 429 })).toHaveLength(2);
  });

  it('a server error that outlasts the retries, and one that does not', async () => {
    emu.injectFault({ api: 'ListAccounts', kind: 'server-error', status: 503 });
    await expect(listAccounts(session, token.accessToken, { ...deps, maxAttempts: 2 })).rejects.toThrow(
      'Identity Center for acme (us-east-1) failed while trying to list your accounts; try again in a few minutes.',
    );
    emu.clearFaults();
    emu.injectFault({ api: 'ListAccounts', kind: 'server-error', count: 1 });
    expect(await listAccounts(session, token.accessToken, deps)).toHaveLength(assigned(emu).length);
  });

  it('a revoked session is a sign-in that ended, even while the token had time left', async () => {
    const other = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
    emu.revokeSessions();
    try {
      const ended = {
        message: 'Your session for acme (us-east-1) has ended.',
        next: { do: 'sign-in', session: 'acme', when: 'again' },
      };
      await expect(listAccounts(session, other.accessToken, deps)).rejects.toMatchObject(ended);
      const failure = listAccounts(session, other, deps);
      await expect(failure).rejects.toMatchObject({ code: 'session-ended', ...ended });
      // Only a token Identity Center in this region never issued can mean the region is wrong.
      const wrongRegion =
        "Identity Center in us-east-1 did not accept the sign-in for acme: the start URL's region may be wrong.";
      const issuedElsewhere = { ...other, region: 'eu-west-1' };
      await expect(listAccounts(session, issuedElsewhere, deps)).rejects.toMatchObject({
        code: 'wrong-region',
        message: wrongRegion,
        next: { do: 'check-region', session: 'acme' },
      });
    } finally {
      token = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
    }
  });

  it('a caller who cancels gets its own reason back', async () => {
    emu.setLatency('ListAccountRoles', 50);
    try {
      const abort = new AbortController();
      const listing = listAccountsWithRoles(session, token.accessToken, deps, {
        signal: abort.signal,
        onProgress: (p) => {
          if (p.accountsWithRoles === 3) abort.abort(new Error('window closed'));
        },
      });
      await expect(listing).rejects.toThrow('window closed');
    } finally {
      emu.setLatency('ListAccountRoles', 0);
    }
  });
});

it('never includes a token or secret in an error', async () => {
  const errors: unknown[] = [];
  emu.injectFault({ api: '*', kind: 'server-error' });
  await listAccounts(session, token, { ...deps, maxAttempts: 1 }).catch((e: unknown) => errors.push(e));
  emu.clearFaults();
  emu.revokeSessions();
  await listAccounts(session, token.accessToken, deps).catch((e: unknown) => errors.push(e));
  await getRoleCredentials(session, token.accessToken, '1', 'x', deps).catch((e: unknown) => errors.push(e));
  expect(errors).toHaveLength(3);
  for (const error of errors) {
    const text = JSON.stringify(error) + String(error);
    for (const secret of [token.accessToken, token.refreshToken, token.clientSecret])
      expect(text).not.toContain(secret);
  }
});
