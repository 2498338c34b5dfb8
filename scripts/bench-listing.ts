// `npm run bench:listing`: how long listing a big organisation takes for each cap on role calls in flight, against the
// emulator with and without a rate limit and latency. Prints figures; asserts nothing but completeness.
// Options: --accounts N (2000), --concurrency 4,8,16, --quick (one scenario).
import { parseArgs } from 'node:util';
import { listAccountsWithRoles } from '../electron/core/identity-center/portal-listing.js';
import { organisation } from './bench/listing.js';

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
    const { emu, session, deps, token } = await organisation({
      accounts,
      latencyMs: scenario.latencyMs,
      rolesPerSecond: scenario.limit?.perSecond ?? 0,
      roleBurst: scenario.limit?.burst ?? 0,
      accountsPerSecond: 0,
    });
    try {
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
