import { ListAccountRolesCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './emulator.js';
import {
  deviceSignIn,
  oidcClient,
  portalClient,
  registerDeviceClient,
  serviceErrorOf,
} from './sdk-sign-in.js';

describe('a bad day at Identity Center, ridden out by the SDK', () => {
  let emu: RunningEmulator;
  let accessToken: string;

  beforeEach(async () => {
    emu = await startEmulator();
    accessToken = (await deviceSignIn(emu)).token.accessToken as string;
    emu.clearCalls();
  });
  afterEach(() => emu.close());

  const list = (config = {}) => portalClient(emu, config).send(new ListAccountsCommand({ accessToken }));

  it('throttles a burst with 429 TooManyRequestsException, and adaptive retry completes every call', async () => {
    // 8 calls at once against a burst of 5 refilling slowly: some are throttled however slowly a loaded machine sends
    // them (at 50/s, 8 calls spread over 60 ms met no 429 at all).
    emu.setRateLimit('ListAccountRoles', { perSecond: 4, burst: 5 });
    const portal = portalClient(emu, { retryMode: 'adaptive', maxAttempts: 10 });
    const accounts = emu.organisation.accounts.filter((a) => a.roles.length > 0).slice(0, 8);
    const results = await Promise.all(
      accounts.map((a) => portal.send(new ListAccountRolesCommand({ accessToken, accountId: a.accountId }))),
    );
    expect(results.map((r) => r.roleList?.map((role) => role.roleName))).toEqual(
      accounts.map((a) => a.roles),
    );
    const throttled = emu.calls({ api: 'ListAccountRoles', status: 429 });
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((c) => c.errorType === 'TooManyRequestsException')).toBe(true);
    expect(emu.calls({ api: 'ListAccountRoles', status: 200 })).toHaveLength(8);
  });

  it('stops throttling when the rate limit is removed', async () => {
    emu.setRateLimit('ListAccounts', { perSecond: 0.001, burst: 1 });
    await list();
    expect(await serviceErrorOf(list({ maxAttempts: 1 }))).toEqual({
      name: 'TooManyRequestsException',
      status: 429,
      message: 'Rate exceeded',
    });
    emu.setRateLimit('ListAccounts', undefined);
    await list({ maxAttempts: 1 });
  });

  it('injects a throttle for the next N calls only', async () => {
    emu.injectFault({ api: 'ListAccounts', kind: 'throttle', count: 2 });
    await list({ maxAttempts: 3 });
    await list({ maxAttempts: 1 });
    expect(emu.calls({ api: 'ListAccounts' }).map((c) => c.status)).toEqual([429, 429, 200, 200]);
  });

  it('answers 5xx InternalServerException, which standard retry rides out', async () => {
    emu.injectFault({ api: 'ListAccounts', kind: 'server-error', count: 1, status: 503 });
    emu.injectFault({ api: 'ListAccounts', kind: 'server-error', count: 1 });
    await list();
    expect(emu.calls({ api: 'ListAccounts' }).map((c) => [c.status, c.errorType])).toEqual([
      [503, 'InternalServerException'],
      [500, 'InternalServerException'],
      [200, undefined],
    ]);
    emu.injectFault({ api: 'ListAccounts', kind: 'server-error', count: 1 });
    expect(await serviceErrorOf(list({ maxAttempts: 1 }))).toMatchObject({
      name: 'InternalServerException',
      status: 500,
    });
  });

  it('answers an OIDC 5xx with an OAuth server_error body', async () => {
    emu.injectFault({ api: 'RegisterClient', kind: 'server-error', count: 1 });
    expect(await serviceErrorOf(registerDeviceClient(oidcClient(emu, { maxAttempts: 1 })))).toMatchObject({
      name: 'InternalServerException',
      status: 500,
      error: 'server_error',
    });
  });

  it('drops the connection without an answer, and the SDK retries it', async () => {
    emu.injectFault({ api: 'CreateToken', kind: 'drop', count: 1 });
    const { token } = await deviceSignIn(emu);
    expect(token.accessToken).toMatch(/^aoa/);
    expect(emu.calls({ api: 'CreateToken' }).map((c) => c.status)).toEqual([0, 200]);
  });

  it('slows a call by delayMs, and adds per-API latency', async () => {
    const heldOfLastCall = () => emu.calls({ api: 'ListAccounts' }).at(-1)!.heldMs;
    emu.injectFault({ api: '*', kind: 'slow', count: 1, delayMs: 300 });
    let started = performance.now();
    await list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(heldOfLastCall()).toBe(300);
    emu.setLatency('ListAccounts', 400);
    started = performance.now();
    await list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(heldOfLastCall()).toBe(400);
    emu.setLatency('ListAccounts', 0);
    await list();
    // The emulator's own record, not a wall clock that a loaded machine stretches: latency 0 holds nothing.
    expect(heldOfLastCall()).toBeUndefined();
  });

  it('applies a fault by rate: 0 never fires, 1 always does, until cleared', async () => {
    emu.injectFault({ api: 'ListAccounts', kind: 'throttle', rate: 0 });
    await list({ maxAttempts: 1 });
    emu.injectFault({ api: '*', kind: 'throttle', rate: 1 });
    expect((await serviceErrorOf(list({ maxAttempts: 1 }))).name).toBe('TooManyRequestsException');
    expect((await serviceErrorOf(registerDeviceClient(oidcClient(emu, { maxAttempts: 1 })))).status).toBe(
      429,
    );
    emu.clearFaults();
    await list({ maxAttempts: 1 });
  });

  it('refuses a fault it cannot apply, naming the field', () => {
    expect(() => emu.injectFault({ api: 'ListAccounts', kind: 'throttle', rate: 2 })).toThrow(
      'The fault is not valid: rate: must be between 0 and 1',
    );
  });
});
