// Stress (the `stress` Vitest project: `npm test` and CI run it, `npm run check` does not): a big organisation
// listed under Identity Center's rate limit.
import { describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { systemClock } from '../clock.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { listAccountsWithRoles } from './portal-listing.js';
import { signIn } from './sign-in.js';

const assigned = (e: RunningEmulator) => e.organisation.accounts.filter((a) => a.roles.length > 0);
const session: Omit<SessionConfig, 'startUrl'> = { name: 'acme', region: 'us-east-1', source: 'sso-session' };

describe('listing accounts and roles', () => {
  it('lists 2,000 accounts under a rate limit without surfacing a single 429', async () => {
    const big = await startEmulator({ autoApprove: true, accounts: 2000 });
    try {
      const bigSession = { ...session, region: big.region, startUrl: big.startUrl };
      const bigDeps = { endpoints: { oidc: big.url, portal: big.url }, clock: systemClock };
      const bigToken = await signIn(
        bigSession,
        { flow: 'device-code' },
        { ...bigDeps, cache: new MemorySsoCache() },
      );
      big.setRateLimit('ListAccountRoles', { perSecond: 500, burst: 20 });
      const started = performance.now();
      const listing = await listAccountsWithRoles(bigSession, bigToken.accessToken, bigDeps, {
        concurrency: 16,
      });
      const seconds = (performance.now() - started) / 1000;
      const throttled = big.calls({ api: 'ListAccountRoles', status: 429 }).length;
      console.log(
        `2,000 accounts listed in ${seconds.toFixed(1)} s (ListAccountRoles 500/s burst 20, concurrency 16, ` +
          `${throttled} answers 429 ridden out)`,
      );
      expect(throttled).toBeGreaterThan(0);
      const expected = assigned(big);
      expect(expected.length).toBeGreaterThan(1500);
      expect(listing).toHaveLength(expected.length);
      const byId = new Map(listing.map((a) => [a.accountId, a]));
      for (const account of expected)
        expect(byId.get(account.accountId)?.roles).toEqual([...account.roles].sort());
      expect(big.calls({ api: 'ListAccountRoles', status: 200 })).toHaveLength(expected.length);
      expect(big.calls({ api: 'ListAccounts', status: 200 })).toHaveLength(Math.ceil(expected.length / 100));
    } finally {
      await big.close();
    }
  });
});
