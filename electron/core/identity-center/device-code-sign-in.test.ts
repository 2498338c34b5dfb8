import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../../e2e/identity-center/emulator.js';
import { registrationCacheFileName } from '../aws-files/sso-cache-format.js';
import { AwsCliSsoCache, MemorySsoCache } from '../aws-files/token-cache.js';
import { FakeClock } from '../../../e2e/support/fake-clock.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { signIn } from './sign-in.js';
import type { SignInDeps } from './sign-in-deps.js';
import type { SignInProgress } from '../shapes/front-end-shapes.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function setUp(options: EmulatorOptions = {}, clock = new FakeClock()) {
  emu = await startEmulator({ now: () => clock.now(), ...options });
  const session: SessionConfig = {
    name: 'acme',
    startUrl: emu.startUrl,
    region: emu.region,
    source: 'sso-session',
  };
  const deps: SignInDeps = {
    endpoints: { oidc: emu.url, portal: emu.url },
    clock,
    cache: new MemorySsoCache(),
  };
  return { emu, session, deps, clock };
}

/**
 * Runs `work` to completion on the fake clock: while the sign-in sleeps (more timers than `idle`), time jumps to the
 * next timer; while an HTTP call is in flight, real time passes and the fake clock stands still.
 */
async function drive<T>(clock: FakeClock, work: Promise<T>, idle = 1): Promise<T> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 20_000 && !settled; i++) {
    const due = clock.nextDue();
    if (clock.pendingTimers() > idle && due !== undefined) await clock.advance(due - clock.now());
    else await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return work;
}

describe('sign-in with a device code', () => {
  it('shows the code, waits for approval, and caches a refreshable token', async () => {
    const { emu, session, deps, clock } = await setUp();
    const start = clock.now();
    const progress: SignInProgress[] = [];
    const token = await drive(
      clock,
      signIn(
        session,
        {
          flow: 'device-code',
          onProgress: (p) => {
            progress.push(p);
            if (p.step === 'waiting' && p.secondsLeft === 597) void emu.approveDevice(codeOf(progress));
          },
        },
        deps,
      ),
    );
    const shown = progress.find((p) => p.step === 'device-code');
    expect(shown).toMatchObject({
      userCode: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/),
      verificationUri: `${emu.url}/device`,
      verificationUriComplete: `${emu.url}/device?user_code=${codeOf(progress)}`,
      expiresAt: new Date(start + 600_000),
      intervalSeconds: 1,
    });
    expect(
      progress.filter((p) => p.step === 'waiting').map((p) => p.step === 'waiting' && p.secondsLeft),
    ).toEqual([600, 599, 598, 597]);
    expect(await deps.cache.readToken(session)).toEqual(token);
    expect(token.refreshToken).toBeTruthy();
    const register = emu.calls({ api: 'RegisterClient' });
    expect(register).toHaveLength(1);
    const polls = emu.calls({ api: 'CreateToken' });
    expect(polls.map((c) => [c.at - (polls[0]?.at ?? 0), c.errorType ?? 'ok', c.grantType])).toEqual([
      [0, 'AuthorizationPendingException', DEVICE_GRANT],
      [1000, 'AuthorizationPendingException', DEVICE_GRANT],
      [2000, 'AuthorizationPendingException', DEVICE_GRANT],
      [3000, 'AuthorizationPendingException', DEVICE_GRANT],
      [4000, 'ok', DEVICE_GRANT],
    ]);
  });

  it('opens the complete verification URL when it can, and needs no code on screen when pre-approved', async () => {
    const { emu, session, deps } = await setUp({ autoApprove: true });
    const opened: string[] = [];
    const steps: string[] = [];
    await signIn(
      session,
      { flow: 'device-code', onProgress: (p) => steps.push(p.step) },
      { ...deps, openBrowser: async (url) => void opened.push(url) },
    );
    // One CreateToken before showing anything: an approved request never shows a code.
    expect(steps).toEqual(['registering']);
    expect(opened).toEqual([]);
    expect(emu.calls({ api: 'CreateToken' })).toHaveLength(1);

    const pending = await setUp();
    const seen: string[] = [];
    await drive(
      pending.clock,
      signIn(
        pending.session,
        { flow: 'device-code' },
        {
          ...pending.deps,
          openBrowser: async (url) => {
            seen.push(url);
            await pending.emu.approveDevice(new URL(url).searchParams.get('user_code') ?? '');
          },
        },
      ),
    );
    expect(seen).toEqual([expect.stringMatching(new RegExp(`^${pending.emu.url}/device\\?user_code=`))]);
    await emu.close();
  });

  it('adds 5 seconds to the interval at each SlowDown and keeps it', async () => {
    const clock = new FakeClock();
    // The emulator's clock runs at half speed: a client honouring a 1 s interval looks too fast to it.
    const { emu, session, deps } = await setUp({ now: () => Math.floor(clock.now() / 2) }, clock);
    const waits: number[] = [];
    const progress: SignInProgress[] = [];
    let last = clock.now();
    const token = await drive(
      clock,
      signIn(
        session,
        {
          flow: 'device-code',
          onProgress: (p) => {
            progress.push(p);
            if (p.step !== 'waiting') return;
            waits.push(clock.now() - last);
            last = clock.now();
            if (waits.length === 4) void emu.approveDevice(codeOf(progress));
          },
        },
        deps,
      ),
    );
    expect(token.accessToken).toBeTruthy();
    const polls = emu.calls({ api: 'CreateToken' }).map((c) => c.errorType ?? 'ok');
    expect(polls).toEqual([
      'AuthorizationPendingException',
      'SlowDownException',
      'AuthorizationPendingException',
      'AuthorizationPendingException',
      'ok',
    ]);
    // Time between polls on our clock: 1 s, then 6 s after the SlowDown, and 6 s from then on.
    expect(waits.slice(1)).toEqual([1000, 6000, 6000]);
  });

  it('says the code expired when Identity Center reports it', async () => {
    const clock = new FakeClock();
    // The emulator's clock runs at double speed, so the service sees the code expire before our own limit.
    const { emu, session, deps } = await setUp(
      { now: () => clock.now() * 2, lifetimes: { deviceCodeSeconds: 3, deviceIntervalSeconds: 1 } },
      clock,
    );
    const failure = drive(clock, signIn(session, { flow: 'device-code' }, deps));
    await expect(failure).rejects.toMatchObject({
      message: 'The sign-in code for acme expired before it was approved.',
      next: { do: 'restart-sign-in', session: 'acme' },
    });
    await expect(failure).rejects.toMatchObject({ code: 'sign-in-timed-out' });
    expect(emu.calls({ api: 'CreateToken' }).at(-1)?.errorType).toBe('ExpiredTokenException');
  });

  it('says the code expired at its expiry time even if Identity Center is never asked again', async () => {
    const { emu, session, deps, clock } = await setUp({
      lifetimes: { deviceCodeSeconds: 5, deviceIntervalSeconds: 10 },
    });
    const failure = drive(clock, signIn(session, { flow: 'device-code' }, deps));
    await expect(failure).rejects.toMatchObject({
      message: 'The sign-in code for acme expired before it was approved.',
      next: { do: 'restart-sign-in', session: 'acme' },
    });
    expect(emu.calls({ api: 'CreateToken' })).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('says so when the user denies the code', async () => {
    const { emu, session, deps, clock } = await setUp();
    const failure = drive(
      clock,
      signIn(
        session,
        {
          flow: 'device-code',
          onProgress: (p) => {
            if (p.step === 'device-code') void emu.denyDevice(p.userCode);
          },
        },
        deps,
      ),
    );
    await expect(failure).rejects.toMatchObject({
      message: 'Sign-in for acme was denied in the browser.',
      next: { do: 'restart-sign-in', session: 'acme' },
    });
  });

  it('stops when the caller cancels, with the caller’s reason', async () => {
    const { session, deps, clock } = await setUp();
    const abort = new AbortController();
    const failure = drive(
      clock,
      signIn(
        session,
        {
          flow: 'device-code',
          signal: abort.signal,
          onProgress: (p) => {
            if (p.step === 'waiting' && p.secondsLeft < 598) abort.abort();
          },
        },
        deps,
      ),
    );
    await expect(failure).rejects.toMatchObject({
      message: 'Sign-in for acme was cancelled.',
      next: { do: 'restart-sign-in', session: 'acme' },
    });
    expect(clock.pendingTimers()).toBe(0);
    expect(await deps.cache.readToken(session)).toBeUndefined();
  });
});

describe('the client registration', () => {
  it('is reused for later sign-ins and renewed 15 minutes before it expires', async () => {
    const { emu, session, deps, clock } = await setUp({
      autoApprove: true,
      lifetimes: { clientSecretSeconds: 3600 },
    });
    await signIn(session, { flow: 'device-code' }, deps);
    await signIn(session, { flow: 'device-code' }, deps);
    expect(emu.calls({ api: 'RegisterClient' })).toHaveLength(1);
    const first = await deps.cache.readRegistration(session);
    expect(first).toMatchObject({
      expiresAt: new Date(Math.floor(clock.now() / 1000) * 1000 + 3_600_000),
      scopes: ['sso:account:access'],
      grantTypes: [DEVICE_GRANT, 'refresh_token'],
    });

    clock.jump(44 * 60_000); // 16 minutes left: still reused
    await signIn(session, { flow: 'device-code' }, deps);
    expect(emu.calls({ api: 'RegisterClient' })).toHaveLength(1);
    clock.jump(2 * 60_000); // 14 minutes left: renewed
    await signIn(session, { flow: 'device-code' }, deps);
    expect(emu.calls({ api: 'RegisterClient' })).toHaveLength(2);
    expect((await deps.cache.readRegistration(session))?.clientId).not.toBe(first?.clientId);
  });

  it('is renewed when its grant types lack the flow’s grant, and when the cached one is damaged', async () => {
    const { emu, session, deps } = await setUp({ autoApprove: true });
    await signIn(session, { flow: 'device-code' }, deps);
    await signIn(
      session,
      { flow: 'browser' },
      { ...deps, openBrowser: (url) => emu.approveAuthorization(url).then(() => undefined) },
    );
    expect(emu.calls({ api: 'RegisterClient' })).toHaveLength(2);
    // The browser's registration is kept apart: the one the AWS CLI shares stays a device-code one (item 11).
    expect((await deps.cache.readRegistration(session, 'browser'))?.grantTypes).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
    expect((await deps.cache.readRegistration(session))?.grantTypes).toEqual([DEVICE_GRANT, 'refresh_token']);

    // A registration file that is not JSON any more: replaced by a new registration, not reported.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-registration-'));
    try {
      await writeFile(path.join(dir, registrationCacheFileName(session)), '{"clientId": "trunc', {
        mode: 0o600,
      });
      await signIn(session, { flow: 'device-code' }, { ...deps, cache: new AwsCliSsoCache(dir) });
      const rewritten = JSON.parse(
        await readFile(path.join(dir, registrationCacheFileName(session)), 'utf8'),
      );
      expect(rewritten).toMatchObject({ grantTypes: [DEVICE_GRANT, 'refresh_token'] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(emu.calls({ api: 'RegisterClient' })).toHaveLength(3);
  });
});

/** The user code the sign-in showed. */
function codeOf(progress: SignInProgress[]): string {
  const shown = progress.find((p) => p.step === 'device-code');
  return shown?.step === 'device-code' ? shown.userCode : '';
}
