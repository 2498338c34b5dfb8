// `npm run bench:listing`: how long listing a big organisation takes at each role-listing concurrency, against the
// emulator with and without a rate limit and latency. Prints figures; asserts nothing but completeness.
// Options: --accounts N (2000), --concurrency 4,8,16, --quick (one scenario).
import { parseArgs } from 'node:util';
import { startEmulator } from '../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../electron/core/aws-files/token-cache.js';
import { systemClock } from '../electron/core/clock.js';
import { listAccountsWithRoles } from '../electron/core/identity-center/portal.js';
import { signIn } from '../electron/core/identity-center/sign-in.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4,8,16' },
    quick: { type: 'boolean', default: false },
  },
});
const accounts = Number(values.accounts);
const concurrencies = values.concurrency.split(',').map(Number);
const scenarios = [
  { label: 'no limit, no latency', limit: undefined, latencyMs: 0 },
  { label: '100 ms a call, no limit', limit: undefined, latencyMs: 100 },
  { label: 'ListAccountRoles 20/s burst 20', limit: { perSecond: 20, burst: 20 }, latencyMs: 0 },
  { label: '100 ms a call, 20/s burst 20', limit: { perSecond: 20, burst: 20 }, latencyMs: 100 },
].slice(0, values.quick ? 1 : undefined);

console.log(`Listing ${accounts} accounts with their roles (seconds, and 429s the SDK rode out):`);
console.log(['scenario'.padEnd(34), ...concurrencies.map((c) => `c=${c}`.padStart(16))].join(''));
for (const scenario of scenarios) {
  const cells: string[] = [];
  for (const concurrency of concurrencies) {
    // A new emulator (new port) for each run: fresh SDK clients, no send rate learnt in an earlier run.
    const emu = await startEmulator({ autoApprove: true, accounts });
    try {
      const session = {
        name: 'bench',
        startUrl: emu.startUrl,
        region: emu.region,
        source: 'sso-session' as const,
      };
      const deps = { endpoints: { oidc: emu.url, portal: emu.url }, clock: systemClock };
      const token = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
      if (scenario.limit) emu.setRateLimit('ListAccountRoles', scenario.limit);
      emu.setLatency('ListAccounts', scenario.latencyMs);
      emu.setLatency('ListAccountRoles', scenario.latencyMs);
      const started = performance.now();
      const listing = await listAccountsWithRoles(session, token.accessToken, deps, { concurrency });
      const seconds = (performance.now() - started) / 1000;
      const expected = emu.organisation.accounts.filter((a) => a.roles.length > 0).length;
      if (listing.length !== expected) throw new Error(`listed ${listing.length} of ${expected} accounts`);
      const throttled = emu.calls({ api: 'ListAccountRoles', status: 429 }).length;
      cells.push(`${seconds.toFixed(1)} s ${String(throttled).padStart(3)}x429`.padStart(16));
    } finally {
      await emu.close();
    }
  }
  console.log([scenario.label.padEnd(34), ...cells].join(''));
}
