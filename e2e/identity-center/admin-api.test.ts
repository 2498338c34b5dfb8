import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './emulator.js';
import {
  deviceSignIn,
  oidcClient,
  pendingDeviceAuthorization,
  portalClient,
  registerDeviceClient,
  serviceErrorOf,
} from './sdk-sign-in.js';

describe('the /__admin HTTP API, for tests that run the emulator in another process', () => {
  let emu: RunningEmulator;

  beforeEach(async () => {
    emu = await startEmulator({ lifetimes: { deviceIntervalSeconds: 0 } });
  });
  afterEach(() => emu.close());

  const admin = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${emu.url}/__admin/${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    return { status: answer.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  const pendingDevice = () => pendingDeviceAuthorization(emu, oidcClient(emu));

  it('approves and denies device codes', async () => {
    const approved = await pendingDevice();
    expect(await admin('POST', 'approve-device', { userCode: approved.userCode })).toEqual({
      status: 204,
      json: undefined,
    });
    expect((await approved.poll()).accessToken).toMatch(/^aoa/);
    const denied = await pendingDevice();
    await admin('POST', 'deny-device', { userCode: denied.userCode });
    expect((await serviceErrorOf(denied.poll())).name).toBe('AccessDeniedException');
    expect(await admin('POST', 'approve-device', { userCode: 'BCDF-GHJK' })).toEqual({
      status: 400,
      json: { error: 'No pending device authorization has the user code BCDF-GHJK.' },
    });
  });

  it('reads and clears the call log, filtered by api and status', async () => {
    const { token } = await deviceSignIn(emu);
    await portalClient(emu).send(new ListAccountsCommand({ accessToken: token.accessToken }));
    const listed = await admin('GET', 'calls?api=ListAccounts&status=200');
    expect(listed.json?.calls).toEqual([
      { api: 'ListAccounts', at: expect.any(Number), status: 200, startUrl: emu.startUrl },
    ]);
    expect(await admin('DELETE', 'calls')).toEqual({ status: 204, json: undefined });
    expect(emu.calls()).toEqual([]);
  });

  it('injects and clears faults, and refuses a bad one naming the field', async () => {
    await admin('POST', 'faults', { api: 'RegisterClient', kind: 'server-error', status: 502 });
    expect((await serviceErrorOf(registerDeviceClient(oidcClient(emu, { maxAttempts: 1 })))).status).toBe(
      502,
    );
    await admin('DELETE', 'faults');
    await registerDeviceClient(oidcClient(emu, { maxAttempts: 1 }));
    expect(await admin('POST', 'faults', { api: 'Nope', kind: 'drop' })).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/^api: /) },
    });
  });

  it('sets and removes rate limits and latency', async () => {
    const { token } = await deviceSignIn(emu);
    const list = () =>
      portalClient(emu, { maxAttempts: 1 }).send(new ListAccountsCommand({ accessToken: token.accessToken }));
    await admin('POST', 'rate-limits', { api: 'ListAccounts', perSecond: 0.001, burst: 1 });
    await list();
    expect((await serviceErrorOf(list())).status).toBe(429);
    await admin('POST', 'rate-limits', { api: 'ListAccounts' });
    await list();
    await admin('POST', 'latency', { api: 'ListAccounts', ms: 150 });
    const started = performance.now();
    await list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('moves the clock so tokens expire, and revokes sessions', async () => {
    const first = await deviceSignIn(emu);
    const list = (accessToken: string | undefined) =>
      portalClient(emu).send(new ListAccountsCommand({ accessToken }));
    await admin('POST', 'clock', { advanceMs: 8 * 3600_000 });
    expect((await serviceErrorOf(list(first.token.accessToken))).name).toBe('UnauthorizedException');
    const second = await deviceSignIn(emu);
    await list(second.token.accessToken);
    await admin('POST', 'revoke', { startUrl: emu.startUrl });
    expect((await serviceErrorOf(list(second.token.accessToken))).name).toBe('UnauthorizedException');
  });

  it('refuses to move the clock when the test injected its own', async () => {
    const injected = await startEmulator({ now: () => 0 });
    try {
      expect(() => injected.advanceClock(1000)).toThrow(
        "advanceClock works only on the emulator's own clock; move the injected clock instead.",
      );
      const answer = await fetch(`${injected.url}/__admin/clock`, {
        method: 'POST',
        body: '{"advanceMs":1000}',
      });
      expect(answer.status).toBe(400);
    } finally {
      await injected.close();
    }
  });

  it('answers 404 for a route it does not have', async () => {
    expect((await admin('GET', 'nothing')).status).toBe(404);
  });
});
