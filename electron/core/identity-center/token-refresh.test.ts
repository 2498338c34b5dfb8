import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { FakeClock } from '../../../e2e/support/fake-clock.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { listAccounts } from './portal-pages.js';
import { signIn } from './sign-in.js';
import type { SignInDeps } from './sign-in-deps.js';
import { refreshAccessToken } from './token-refresh.js';
import { logout } from './sign-out.js';

const ENDED = 'Your session for acme (us-east-1) has ended.';
const UNREACHABLE =
  'Identity Center for acme (us-east-1) could not be reached; check your network connection and try again.';

let emu: RunningEmulator;
let session: SessionConfig;
let closedPort: string;
const clock = new FakeClock();

beforeAll(async () => {
  emu = await startEmulator({ autoApprove: true, now: () => clock.now() });
  session = { name: 'acme', startUrl: emu.startUrl, region: emu.region, source: 'sso-session' };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise((resolve) => server.close(resolve));
});
afterAll(() => emu.close());
afterEach(() => emu.clearCalls());

function freshDeps(): SignInDeps {
  return {
    endpoints: { oidc: emu.url, portal: emu.url },
    clock,
    cache: new MemorySsoCache(),
    maxAttempts: 2,
  };
}

describe('refreshing the access token', () => {
  it('gets a new access token and a rotated refresh token, cached, without a browser', async () => {
    const opened: string[] = [];
    const deps = { ...freshDeps(), openBrowser: async (url: string) => void opened.push(url) };
    const first = await signIn(session, { flow: 'device-code' }, deps);
    clock.jump(7 * 3600_000);
    const renewed = await refreshAccessToken(session, first, deps);

    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(renewed.refreshToken).toBeTruthy();
    expect(renewed.refreshToken).not.toBe(first.refreshToken);
    expect(renewed.expiresAt).toEqual(new Date(clock.now() + 8 * 3600_000));
    expect(renewed).toMatchObject({
      startUrl: first.startUrl,
      region: first.region,
      clientId: first.clientId,
      clientSecret: first.clientSecret,
      registrationExpiresAt: first.registrationExpiresAt,
    });
    expect(await deps.cache.readToken(session)).toEqual(renewed);
    expect(await listAccounts(session, renewed.accessToken, deps)).not.toHaveLength(0);
    expect(opened).toEqual([]);
    expect(emu.calls({ api: 'CreateToken' }).map((c) => c.grantType)).toEqual([
      'urn:ietf:params:oauth:grant-type:device_code',
      'refresh_token',
    ]);

    // The spent refresh token is refused from now on: with no newer token in its cache, the holder's session is over.
    const stale = refreshAccessToken(session, first, { ...deps, cache: new MemorySsoCache() });
    await expect(stale).rejects.toThrow(ENDED);
    await expect(stale).rejects.toMatchObject({ code: 'session-ended' });
  });

  it('loses a refresh race gracefully: the loser takes the winner’s token from the shared cache', async () => {
    const deps = freshDeps();
    const first = await signIn(session, { flow: 'device-code' }, deps);
    clock.jump(7 * 3600_000);
    // Two programs hold the same cached token; the first refreshes and rotates the refresh token.
    const winner = await refreshAccessToken(session, first, deps);
    const loser = await refreshAccessToken(session, first, deps);
    expect(loser).toEqual(winner);
    expect(emu.calls({ api: 'CreateToken' }).map((c) => c.status)).toEqual([200, 200, 400]);
  });

  it('a refresh token that is gone and no newer token in the cache: the sign-in ended (exit-3 class)', async () => {
    const deps = freshDeps();
    const first = await signIn(session, { flow: 'device-code' }, deps);
    clock.jump(7 * 3600_000);
    await refreshAccessToken(session, first, deps);
    await deps.cache.writeToken(session, first);
    await expect(refreshAccessToken(session, first, deps)).rejects.toMatchObject({
      code: 'session-ended',
      message: ENDED,
      next: { do: 'sign-in', session: 'acme', when: 'again' },
    });
  });

  it('reports the session ended once an administrator revoked it', async () => {
    const deps = freshDeps();
    const token = await signIn(session, { flow: 'device-code' }, deps);
    emu.revokeSessions();
    const failure = refreshAccessToken(session, token, deps);
    await expect(failure).rejects.toThrow(ENDED);
    await expect(failure).rejects.toMatchObject({ code: 'session-ended' });
    expect(emu.calls({ api: 'CreateToken' }).at(-1)?.errorType).toBe('InvalidGrantException');
    expect(await deps.cache.readToken(session)).toEqual(token);
  });

  it('does not ask Identity Center when the token cannot be refreshed', async () => {
    const deps = freshDeps();
    const token = await signIn(session, { flow: 'device-code' }, deps);
    emu.clearCalls();
    const { refreshToken: _, ...withoutRefresh } = token;
    await expect(refreshAccessToken(session, withoutRefresh, deps)).rejects.toThrow(ENDED);
    const lapsed = { ...token, registrationExpiresAt: new Date(clock.now() - 1) };
    await expect(refreshAccessToken(session, lapsed, deps)).rejects.toThrow(ENDED);
    expect(emu.calls()).toEqual([]);
  });

  it('reports the network, not the session, when Identity Center cannot be reached', async () => {
    const deps = freshDeps();
    const token = await signIn(session, { flow: 'device-code' }, deps);
    const failure = refreshAccessToken(session, token, { ...deps, endpoints: { oidc: closedPort } });
    await expect(failure).rejects.toThrow(UNREACHABLE);
    await expect(failure).rejects.toMatchObject({ code: 'network' });
  });
});

describe('signing out', () => {
  it('ends the session in Identity Center and removes the cached token', async () => {
    const deps = freshDeps();
    const token = await signIn(session, { flow: 'device-code' }, deps);
    await logout(session, token, deps);
    expect(emu.calls({ api: 'Logout' }).map((c) => c.status)).toEqual([200]);
    expect(await deps.cache.readToken(session)).toBeUndefined();
    await expect(listAccounts(session, token.accessToken, deps)).rejects.toThrow(ENDED);
    await expect(refreshAccessToken(session, token, deps)).rejects.toThrow(ENDED);
  });

  it('still removes the token when Identity Center already forgot the session', async () => {
    const deps = freshDeps();
    const token = await signIn(session, { flow: 'device-code' }, deps);
    emu.revokeSessions();
    await logout(session, token, deps);
    expect(emu.calls({ api: 'Logout' }).map((c) => c.status)).toEqual([401]);
    expect(await deps.cache.readToken(session)).toBeUndefined();
  });

  it('removes the token and says so when Identity Center cannot be reached', async () => {
    const deps = freshDeps();
    const token = await signIn(session, { flow: 'device-code' }, deps);
    await expect(logout(session, token, { ...deps, endpoints: { portal: closedPort } })).rejects.toThrow(
      UNREACHABLE,
    );
    expect(await deps.cache.readToken(session)).toBeUndefined();
  });
});
