// Listing when Identity Center has a bad day, against the emulator's injected faults.
// Slow (about 20 s): a 300-account listing under 30% mixed faults. Figures are printed, never asserted on time.
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { systemClock } from '../clock.js';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import type { ServiceDeps } from './clients.js';
import { listAccountsWithRoles } from './portal-listing.js';
import { listAccounts } from './portal-pages.js';
import { signIn } from './sign-in.js';

const ACCOUNTS = 300;
let emu: RunningEmulator;
let session: SessionConfig;
let deps: ServiceDeps;
let token: SsoToken;

beforeAll(async () => {
  emu = await startEmulator({ autoApprove: true, accounts: ACCOUNTS });
  session = { name: 'acme', startUrl: emu.startUrl, region: emu.region, source: 'sso-session' };
  deps = { endpoints: { oidc: emu.url, portal: emu.url }, clock: systemClock };
  token = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
});
afterAll(() => emu.close());
afterEach(() => {
  emu.clearCalls();
  emu.clearFaults();
  emu.setRateLimit('ListAccountRoles', undefined);
});

const expected = () =>
  emu.organisation.accounts
    .filter((a) => a.roles.length > 0)
    .map((a) => ({ accountId: a.accountId, roles: [...a.roles].sort() }))
    .sort((a, b) => a.accountId.localeCompare(b.accountId));
const got = (listing: Array<{ accountId: string; roles: string[] }>) =>
  listing
    .map(({ accountId, roles }) => ({ accountId, roles }))
    .sort((a, b) => a.accountId.localeCompare(b.accountId));

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - started) / 1000 };
}

describe('a listing under faults converges', () => {
  it('under 30% mixed faults (429, 500, dropped connections, slow answers) on every portal call', async () => {
    const clean = await timed(() => listAccountsWithRoles(session, token.accessToken, deps));
    const cleanCalls = emu.calls({ api: 'ListAccountRoles' }).length;
    emu.clearCalls();
    emu.injectFault({ api: '*', kind: 'throttle', rate: 0.1 });
    emu.injectFault({ api: '*', kind: 'server-error', rate: 0.1 / 0.9 });
    emu.injectFault({ api: '*', kind: 'drop', rate: 0.05 / 0.8 });
    emu.injectFault({ api: '*', kind: 'slow', rate: 0.05 / 0.75, delayMs: 300 });
    const faulty = await timed(() => listAccountsWithRoles(session, token.accessToken, deps));
    expect(got(faulty.result)).toEqual(expected());
    const calls = emu.calls({});
    const failed = calls.filter((c) => c.status !== 200).length;
    expect(failed / calls.length).toBeGreaterThan(0.15);
    console.info(
      `listing ${ACCOUNTS} accounts: clean ${clean.seconds.toFixed(1)} s (${cleanCalls} role calls); ` +
        `30% faults ${faulty.seconds.toFixed(1)} s, ${calls.length} calls, ${failed} failed, ` +
        `${(faulty.seconds / clean.seconds).toFixed(1)}x clean`,
    );
  });

  it('even when each call gets only 3 attempts from the SDK (2.7% of calls would fail outright)', async () => {
    emu.injectFault({ api: '*', kind: 'throttle', rate: 0.1 });
    emu.injectFault({ api: '*', kind: 'server-error', rate: 0.1 / 0.9 });
    emu.injectFault({ api: '*', kind: 'drop', rate: 0.1 / 0.8 });
    const listing = await listAccountsWithRoles(session, token.accessToken, { ...deps, maxAttempts: 3 });
    expect(got(listing)).toEqual(expected());
  });

  it('under a 50/s rate limit with 10% random 429s on top', async () => {
    emu.setRateLimit('ListAccountRoles', { perSecond: 50, burst: 5 });
    emu.injectFault({ api: 'ListAccountRoles', kind: 'throttle', rate: 0.1 });
    const run = await timed(() => listAccountsWithRoles(session, token.accessToken, deps));
    expect(got(run.result)).toEqual(expected());
    const ok = emu.calls({ api: 'ListAccountRoles', status: 200 }).length;
    // calls / rate is the floor: no client can list faster than the service lets it.
    console.info(
      `listing ${ok} role pages at 50/s + 10% 429s: ${run.seconds.toFixed(1)} s, floor ${(ok / 50).toFixed(1)} s, ` +
        `${(run.seconds / (ok / 50)).toFixed(2)}x the floor`,
    );
  });
});

describe('what a listing that cannot finish says', () => {
  it('a run of 500s and dropped connections after the service has answered is a service problem, not the network', async () => {
    emu.injectFault({ api: 'ListAccountRoles', kind: 'drop', rate: 0.5 });
    emu.injectFault({ api: 'ListAccountRoles', kind: 'server-error' });
    const failure = listAccountsWithRoles(session, token.accessToken, { ...deps, maxAttempts: 1 });
    await expect(failure).rejects.toMatchObject({
      code: 'service',
      message: expect.stringMatching(
        /^Identity Center for acme \(us-east-1\) failed while trying to list the roles in your accounts; try again in a few minutes\.$/,
      ),
    });
  });

  it('a call unanswered within the request timeout is retried, then reported in one sentence (item 15)', async () => {
    emu.setLatency('ListAccounts', 2_000);
    try {
      const failure = listAccounts(session, token.accessToken, {
        ...deps,
        maxAttempts: 2,
        requestTimeoutMs: 300,
      });
      await expect(failure).rejects.toMatchObject({
        code: 'service',
        message:
          'Identity Center for acme (us-east-1) did not answer in time while trying to list your accounts; try again in a few minutes.',
      });
    } finally {
      emu.setLatency('ListAccounts', 0);
    }
  });
});
