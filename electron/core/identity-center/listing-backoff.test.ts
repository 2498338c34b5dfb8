// How long a listing's calls back off between attempts under random faults: the figure that made a 500-account listing
// 15-29x slower than clean (seconds of the SDK's throttling back-off on calls that ran one after another). The faults
// are seeded, so every run meets the same ones; the verdict is the back-off the calls reported, not the time taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { injectMixedFaults } from '../../../e2e/support/mixed-faults.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { systemClock } from '../clock.js';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import type { ServiceDeps } from './clients.js';
import { listAccountsWithRoles } from './portal-listing.js';
import type { CallFigures } from './portal-send.js';
import { signIn } from './sign-in.js';

const ACCOUNTS = 500;
let emu: RunningEmulator;
let session: SessionConfig;
let deps: ServiceDeps;
let token: SsoToken;

beforeAll(async () => {
  emu = await startEmulator({ autoApprove: true, accounts: ACCOUNTS, faultSeed: 'listing-backoff' });
  session = { name: 'acme', startUrl: emu.startUrl, region: emu.region, source: 'sso-session' };
  deps = { endpoints: { oidc: emu.url, portal: emu.url }, clock: systemClock };
  token = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
});
afterAll(() => emu.close());

const sorted = (listing: Array<{ accountId: string; roles: string[] }>) =>
  listing
    .map(({ accountId, roles }) => ({ accountId, roles: [...roles].sort() }))
    .sort((a, b) => a.accountId.localeCompare(b.accountId));

/** One whole listing, checked complete against the emulator's organisation; each call's figures. */
async function listing(): Promise<CallFigures[]> {
  emu.clearCalls();
  const figures: CallFigures[] = [];
  const listed = await listAccountsWithRoles(session, token.accessToken, deps, {
    onCall: (f) => figures.push(f),
  });
  const expected = emu.organisation.accounts
    .filter((a) => a.roles.length > 0)
    .map((a) => ({ accountId: a.accountId, roles: a.roles }));
  expect(sorted(listed)).toEqual(sorted(expected));
  return figures;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('a 500-account listing under seeded random faults (10% 429, 10% 500, 8% drops, 6% slow)', () => {
  it('backs off at most 250 ms per retry, so the calls that run one after another (account pages) stay quick', async () => {
    const clean = await listing();
    expect(sum(clean.map((f) => f.backoffMs))).toBe(0);
    expect(clean.every((f) => f.attempts === 1)).toBe(true);

    injectMixedFaults(emu);
    const faulted = await listing();
    const calls = emu.calls({});
    emu.clearFaults();
    // The faults were there: about a third of the calls failed (10% + 10% + 8%; slow answers succeed).
    expect(calls.filter((c) => c.status !== 200).length / calls.length).toBeGreaterThan(0.2);
    const retries = sum(faulted.map((f) => f.attempts - 1));
    expect(retries).toBeGreaterThan(100);
    // Every call's back-off within 250 ms per retry it made: the pacer sets the listing's rate at a real limit,
    // so a retry needs no seconds-long wait of its own (the SDK's throttling back-off is 1 s x 2^retry).
    const over = faulted.filter((f) => f.backoffMs > 250 * (f.attempts - 1));
    expect(over.map((f) => `${f.action}: ${f.attempts} attempts, ${Math.round(f.backoffMs)} ms`)).toEqual([]);
    // The account pages run one after another: their back-off is the listing's own delay, and stays under a second.
    const pages = faulted.filter((f) => f.action === 'list your accounts');
    expect(pages.length).toBe(ACCOUNTS / 100);
    expect(sum(pages.map((f) => f.backoffMs))).toBeLessThan(1_000);
  });
});
