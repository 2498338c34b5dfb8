import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { FakeClock } from '../../../e2e/support/fake-clock.js';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import type { ServiceDeps } from './clients.js';
import { getRoleCredentials } from './get-role-credentials.js';
import { RoleCredentialsCache } from './role-credentials-cache.js';
import { signIn } from './sign-in.js';

const clock = new FakeClock();
let emu: RunningEmulator;
let session: SessionConfig;
let deps: ServiceDeps;
let token: SsoToken;
let role: { session: string; accountId: string; roleName: string };

beforeAll(async () => {
  emu = await startEmulator({
    autoApprove: true,
    now: () => clock.now(),
    lifetimes: { accessTokenSeconds: 86400 },
  });
  session = { name: 'acme', startUrl: emu.startUrl, region: emu.region, source: 'sso-session' };
  deps = { endpoints: { oidc: emu.url, portal: emu.url }, clock };
  token = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
  const account = emu.organisation.accounts.find((a) => a.roles.length > 0);
  role = { session: 'acme', accountId: account?.accountId ?? '', roleName: account?.roles[0] ?? '' };
});
afterAll(() => emu.close());
afterEach(() => emu.clearCalls());

const fetchRole = () => getRoleCredentials(session, token.accessToken, role.accountId, role.roleName, deps);

describe('role credentials in memory', () => {
  it('serves a second copy without a call, until 15 minutes before they expire', async () => {
    const cache = new RoleCredentialsCache(clock);
    const first = await cache.get(role, fetchRole);
    const second = await cache.get(role, fetchRole);
    expect(second).toBe(first);
    expect(cache.peek(role)).toBe(first);
    expect(emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(1);

    clock.jump(45 * 60_000 - 1); // 15 minutes and 1 ms left: still good
    expect(await cache.get(role, fetchRole)).toBe(first);
    clock.jump(1); // inside the window: fetched again
    expect(cache.peek(role)).toBeUndefined();
    const renewed = await cache.get(role, fetchRole);
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    expect(emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(2);
  });

  it('shares one call between concurrent requests for the same role', async () => {
    const cache = new RoleCredentialsCache(clock);
    const copies = await Promise.all([1, 2, 3, 4].map(() => cache.get(role, fetchRole)));
    expect(new Set(copies).size).toBe(1);
    expect(emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(1);
  });

  it('keeps each role of each session apart, and forgets a session on request', async () => {
    const cache = new RoleCredentialsCache(clock);
    const other = { ...role, session: 'other' };
    const mine = await cache.get(role, fetchRole);
    const theirs = await cache.get(other, fetchRole);
    expect(theirs).not.toBe(mine);
    cache.clearSession('acme');
    expect(cache.peek(role)).toBeUndefined();
    expect(cache.peek(other)).toBe(theirs);
    await cache.get(role, fetchRole);
    expect(emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(3);
  });

  it('does not keep what a fetch started before sign-out brings back', async () => {
    const cache = new RoleCredentialsCache(clock);
    emu.setLatency('GetRoleCredentials', 30);
    try {
      const pending = cache.get(role, fetchRole);
      cache.clearSession('acme');
      await pending;
      expect(cache.peek(role)).toBeUndefined();
    } finally {
      emu.setLatency('GetRoleCredentials', 0);
    }
  });

  it('does not remember a failure', async () => {
    const cache = new RoleCredentialsCache(clock);
    const missing = { ...role, roleName: 'NotMine' };
    const fetchMissing = () =>
      getRoleCredentials(session, token.accessToken, role.accountId, 'NotMine', deps);
    await expect(cache.get(missing, fetchMissing)).rejects.toMatchObject({ code: 'not-assigned' });
    await expect(cache.get(missing, fetchMissing)).rejects.toMatchObject({ code: 'not-assigned' });
    expect(emu.calls({ api: 'GetRoleCredentials', status: 403 })).toHaveLength(2);
  });
});
