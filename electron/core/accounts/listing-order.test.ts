// The order a listing asks in, as the emulator's call log shows it: accounts published as their pages arrive and
// role calls starting with the first page; favourites first; a user's request ahead of the queued background calls.
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';
import { MAX_CONCURRENCY } from '../identity-center/listing-pacer.js';

let h: CoreHarness | undefined;
afterEach(() => h?.close());

async function signedIn(accounts: number) {
  h = await startCoreHarness({ emulator: { accounts } });
  await h.core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await h.core.signIn('acme', 'browser');
  h.emu.clearCalls();
  return h;
}

/** The portal's answered listing calls in the order it received them: "ListAccounts" or the account id. */
const listingLog = ({ emu }: CoreHarness) =>
  emu
    .calls({ status: 200 })
    .filter((c) => c.api === 'ListAccounts' || c.api === 'ListAccountRoles')
    .map((c) => (c.api === 'ListAccounts' ? 'ListAccounts' : c.accountId!));

describe('accounts first, roles as they come', () => {
  it('publishes each page of accounts before their roles, and asks for roles before the last page', async () => {
    const { core, emu } = await signedIn(350);
    emu.setLatency('ListAccounts', 30);
    const seen: string[] = [];
    core.on('accounts-listed', ({ accounts }) => seen.push(`accounts ${accounts.length}`));
    core.on('listing-progress', ({ progress }) => {
      if (progress.accountsWithRoles === 1) seen.push('first roles');
    });
    const listing = await core.accounts('acme');

    expect(listing.accounts).toHaveLength(emu.organisation.accounts.length);
    expect(seen[0]).toBe('accounts 100');
    expect(seen.filter((s) => s.startsWith('accounts '))).toEqual([
      'accounts 100',
      'accounts 100',
      'accounts 100',
      'accounts 50',
    ]);
    const log = listingLog(h!);
    expect(log.indexOf(emu.organisation.accounts[0]!.accountId)).toBeLessThan(
      log.lastIndexOf('ListAccounts'),
    );
  });

  it('lists the roles of favourite and recent accounts first', async () => {
    const { core, emu } = await signedIn(100);
    const favourite = emu.organisation.accounts[99]!;
    await core.toggleFavourite({
      session: 'acme',
      accountId: favourite.accountId,
      roleName: favourite.roles[0]!,
    });
    await core.accounts('acme');

    const roleCalls = listingLog(h!).filter((c) => c !== 'ListAccounts');
    expect(roleCalls[0]).toBe(favourite.accountId);
  });
});

describe("the user's request jumps the queue", () => {
  it('serves one account’s roles at the next free slot while the listing saturates the rate limit', async () => {
    const { core, emu } = await signedIn(200);
    emu.setRateLimit('ListAccountRoles', { perSecond: 50, burst: 1 });
    emu.setLatency('ListAccountRoles', 20);
    const last = emu.organisation.accounts.at(-1)!;
    let startedRoles!: () => void;
    const saturated = new Promise<void>((resolve) => (startedRoles = resolve));
    core.on('listing-progress', ({ progress }) => {
      if (progress.accountsWithRoles >= 20) startedRoles();
    });
    const listing = core.accounts('acme');
    await saturated;

    const before = listingLog(h!).length;
    const roles = await core.accountRoles('acme', last.accountId);
    expect(roles).toEqual([...last.roles].sort());
    const log = listingLog(h!);
    // Served at the next free slot: after at most the accounts whose calls had started when it was asked for, never
    // after the ~180 queued ones. How many had started depends on timing, so the bound is the most there can be, not a
    // count from a quiet machine: the scheduler starts at most 2 x MAX_CONCURRENCY calls (those waiting out a retry's
    // back-off hold no room on the wire; listing-scheduler.ts), and an account's SDK retries after a 429 are the same
    // account. (Counting log lines instead failed under load: 'expected 18 to be less than or equal to 16'.)
    const servedBefore = new Set(log.slice(before, log.indexOf(last.accountId)));
    expect(servedBefore.size).toBeLessThanOrEqual(2 * MAX_CONCURRENCY);
    expect(log.filter((c) => c === last.accountId)).toHaveLength(1);
    await listing;
    expect(listingLog(h!).filter((c) => c === last.accountId)).toHaveLength(1);
  });

  it('fails only the request for an account that is not assigned, not the listing', async () => {
    const { core, emu } = await signedIn(150);
    emu.setLatency('ListAccountRoles', 20);
    const listing = core.accounts('acme');
    await new Promise<void>((resolve) =>
      core.on('listing-progress', ({ progress }) => progress.accountsWithRoles > 0 && resolve()),
    );
    await expect(core.accountRoles('acme', '999999999999')).rejects.toThrow(/999999999999/);
    expect((await listing).accounts).toHaveLength(emu.organisation.accounts.length);
  });

  it('asks for one account’s roles with one call when no listing runs', async () => {
    const { core, emu } = await signedIn(150);
    const account = emu.organisation.accounts[120]!;
    expect(await core.accountRoles('acme', account.accountId)).toEqual([...account.roles].sort());
    expect(listingLog(h!)).toEqual([account.accountId]);
  });
});
