// How long listing 2,000 accounts takes at each concurrency; minutes long, so it runs only with SSO_TRAY_BENCH=1.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { systemClock } from '../clock.js';
import { listAccountsWithRoles } from './portal.js';
import { signIn } from './sign-in.js';

const scenarios = [
  { label: 'ListAccountRoles 20/s burst 20', limit: { perSecond: 20, burst: 20 }, latencyMs: 0 },
  { label: '100 ms a call, no limit', limit: undefined, latencyMs: 100 },
  { label: '100 ms a call, 20/s burst 20', limit: { perSecond: 20, burst: 20 }, latencyMs: 100 },
];

describe.runIf(process.env.SSO_TRAY_BENCH === '1')('listing 2,000 accounts', () => {
  for (const scenario of scenarios)
    for (const concurrency of [4, 8, 16])
      it(`${scenario.label}, concurrency ${concurrency}`, { timeout: 600_000 }, async () => {
        // A new emulator on a new port: fresh SDK clients, so no rate learned in an earlier run carries over.
        const emu = await startEmulator({ autoApprove: true, accounts: 2000 });
        try {
          const session = {
            name: `bench-${concurrency}`,
            startUrl: emu.startUrl,
            region: emu.region,
            source: 'sso-session' as const,
          };
          const deps = { endpoints: { oidc: emu.url, portal: emu.url }, clock: systemClock };
          const token = await signIn(
            session,
            { flow: 'device-code' },
            { ...deps, cache: new MemorySsoCache() },
          );
          if (scenario.limit) emu.setRateLimit('ListAccountRoles', scenario.limit);
          emu.setLatency('ListAccounts', scenario.latencyMs);
          emu.setLatency('ListAccountRoles', scenario.latencyMs);
          const started = performance.now();
          const listing = await listAccountsWithRoles(session, token.accessToken, deps, { concurrency });
          const seconds = (performance.now() - started) / 1000;
          const throttled = emu.calls({ api: 'ListAccountRoles', status: 429 }).length;
          console.log(
            `${scenario.label}, concurrency ${concurrency}: ${seconds.toFixed(1)} s, ${throttled} x 429`,
          );
          expect(listing).toHaveLength(emu.organisation.accounts.filter((a) => a.roles.length > 0).length);
        } finally {
          await emu.close();
        }
      });
});
