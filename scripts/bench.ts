// `npm run bench`: where the user waits, measured against the embedded emulator (never AWS). States its conditions,
// repeats each figure (the median is shown), prints a table with the targets and, last, one JSON line with every
// figure. Options: --quick (400 accounts, fewer repeats: one to two minutes), --accounts N (2000), --repeats N (5),
// --skip search (no Chromium).
import os from 'node:os';
import { parseArgs } from 'node:util';
import { appListing, awsCliLoopListing, shellLoopListing, type ListingConditions } from './bench/listing.js';
import { cliFigures } from './bench/cli-figures.js';
import { coreFigures } from './bench/core-figures.js';
import { searchFigures } from './bench/search-figures.js';
import { processFigures } from './bench/process-figures.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    accounts: { type: 'string' },
    repeats: { type: 'string' },
    skip: { type: 'string', multiple: true, default: [] },
  },
});
const accounts = Number(values.accounts ?? (values.quick ? 400 : 2000));
const repeats = Number(values.repeats ?? (values.quick ? 3 : 5));
// The shell loop takes a round trip per account: timed over a slice and scaled, or it would dominate the run.
const loopAccounts = Math.min(accounts, values.quick ? 100 : 300);
const limits = { rolesPerSecond: 20, accountsPerSecond: 10 };
const cpus = os.cpus();

console.log(
  `Conditions: ${accounts} accounts (emulated organisation, 0-5 roles each), ListAccountRoles ${limits.rolesPerSecond}/s, ` +
    `ListAccounts ${limits.accountsPerSecond}/s (burst = rate), latency 40 and 100 ms a call; ${cpus.length} cores ` +
    `(${cpus[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}, ` +
    `${os.platform()} ${os.release()}; medians of ${repeats} runs (start-up: ${repeats * 4}) ` +
    `(listings: one run each).`,
);

const figures: Record<string, unknown> = { accounts, repeats, cores: cpus.length, node: process.version };
const rows: Array<[string, string, string]> = [];
const row = (label: string, value: string, target = '') => {
  rows.push([label, value, target]);
  console.log(`  ${label}: ${value}${target ? `  (${target})` : ''}`);
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

for (const latencyMs of [40, 100]) {
  const c: ListingConditions = { accounts, latencyMs, ...limits };
  const app = await appListing(c);
  figures[`listing${latencyMs}`] = app;
  const pagesRatio = app.accountPagesMs / app.accountPagesAloneMs;
  row(`${latencyMs} ms: first accounts shown (first page)`, ms(app.firstAccountsMs));
  row(
    `${latencyMs} ms: every account shown / the pages alone`,
    `${ms(app.accountPagesMs)} / ${ms(app.accountPagesAloneMs)} = ${pagesRatio.toFixed(2)}x`,
    `target 1.2x: ${met(pagesRatio <= 1.2)}`,
  );
  row(
    `${latencyMs} ms: all roles`,
    `${(app.allRolesMs / 1000).toFixed(1)} s, floor ${(app.floorMs / 1000).toFixed(1)} s (${app.roleCalls} calls / ${limits.rolesPerSecond}/s)`,
  );
  row(
    `${latencyMs} ms: ratio to the floor`,
    `${app.ratioToFloor.toFixed(3)}x`,
    `target 1.05x: ${met(app.ratioToFloor <= 1.05)}`,
  );
  row(
    `${latencyMs} ms: 429s met / errors surfaced`,
    `${app.throttled} / ${app.errors}`,
    `errors target 0: ${met(app.errors === 0)}`,
  );
}
{
  const loop = await shellLoopListing({ accounts: loopAccounts, latencyMs: 40, ...limits });
  const scaled = (loop.allRolesMs / loopAccounts) * accounts;
  const app = figures.listing40 as { allRolesMs: number };
  figures.shellLoop40 = { accountsTimed: loopAccounts, allRolesMs: scaled, ratio: scaled / app.allRolesMs };
  row(
    '40 ms: one call at a time, in one process',
    `${(scaled / 1000).toFixed(1)} s (timed over ${loopAccounts} accounts, scaled)`,
  );
  row('40 ms: one call at a time / sso-tray', `${(scaled / app.allRolesMs).toFixed(2)}x`);
  const cliLoop = await awsCliLoopListing({ accounts, latencyMs: 40, ...limits }, values.quick ? 5 : 20);
  if (cliLoop) {
    const total = cliLoop.perAccountMs * accounts;
    figures.awsCliLoop40 = { ...cliLoop, allRolesMs: total, ratio: total / app.allRolesMs };
    row(
      `40 ms: shell loop over \`aws sso list-account-roles\` (${cliLoop.version})`,
      `${(total / 1000).toFixed(0)} s (${ms(cliLoop.perAccountMs)} an account, scaled), ${(total / app.allRolesMs).toFixed(1)}x sso-tray`,
    );
  }
}
{
  const cli = await cliFigures({ accounts, latencyMs: 40, repeats });
  figures.cli = cli;
  // Start-up for a command that reaches the core: `sessions` loads it and answers without a call.
  const startup = cli.startupMs.sessions!;
  const bare = cli.startupMs['node -e 0']!;
  const idTarget = 1.5 * (cli.roundTripMs + startup);
  row('GetRoleCredentials round trip (40 ms latency)', ms(cli.roundTripMs));
  row(
    'first credentials for an id after sign-in',
    ms(cli.firstCredentialsByIdMs),
    `target 1.5x (round trip + \`sessions\` start-up) = ${ms(idTarget)}: ${met(cli.firstCredentialsByIdMs <= idTarget)}`,
  );
  row(
    'first credentials for a name after sign-in',
    `${ms(cli.firstCredentialsByNameMs)} (account in the middle of the list)`,
  );
  row(
    "a role's credentials in the core: cold / warm",
    `${ms(cli.credentialsColdMs)} / ${ms(cli.credentialsWarmMs)}`,
  );
  row('`process` warm', ms(cli.processWarmMs));
  // CPU time (user + system) is the steady figure on a loaded machine; wall time is what a user waits.
  // The commands that start the whole program (its one bundle, scripts/build-cli-program.mjs) and answer from files.
  const PROGRAM_STARTS = ['sessions', 'accounts --cached', 'creds (warm)'];
  const bareCpu = cli.startupCpuMs['node -e 0']!;
  for (const [label, value] of Object.entries(cli.startupMs)) {
    const mods = cli.modules[label];
    const cpu = cli.startupCpuMs[label]!;
    const ratio = cpu / bareCpu;
    row(
      `start-up: ${label}`,
      `CPU ${ms(cpu)} = ${ratio.toFixed(2)}x node -e 0, wall ${ms(value)} = ${(value / bare).toFixed(2)}x` +
        (mods
          ? `; ${mods.total} modules, ${mods.packages} of packages, ${mods.zod} zod, ${mods.sdk} SDK`
          : ''),
      label === '--version'
        ? `target < 2x: ${met(ratio < 2)}`
        : label.startsWith('process')
          ? `target <= 1.5x: ${met(ratio <= 1.5)}`
          : PROGRAM_STARTS.includes(label)
            ? `target <= 3x: ${met(ratio <= 3)}`
            : '',
    );
  }
}
{
  const p = await processFigures({ accounts, repeats });
  figures.processes = p;
  const { tab, node } = p.completion;
  row(
    '`exec … -- node -e 0` / `node -e 0` (credentials cached)',
    `${ms(p.execMs)} / ${ms(p.nodeMs)} = ${(p.execMs / p.nodeMs).toFixed(2)}x (+${ms(p.execMs - p.nodeMs)})`,
  );
  row(
    'credential endpoint warm GET / bare loopback HTTP GET',
    `${ms(p.endpointMs)} / ${ms(p.bareHttpMs)} = ${(p.endpointMs / p.bareHttpMs).toFixed(2)}x`,
  );
  row(
    `TAB on an account name in a live bash (${accounts} accounts cached) / \`node -e 0\` from that bash`,
    `wall ${ms(tab.ms)} / ${ms(node.ms)} = ${(tab.ms / node.ms).toFixed(2)}x, ` +
      `CPU ${ms(tab.cpuMs)} / ${ms(node.cpuMs)} = ${(tab.cpuMs / node.cpuMs).toFixed(2)}x; ${p.completion.candidates} candidates`,
    `target < 100 ms wall on an idle machine: ${met(tab.ms < 100)} (load ${os.loadavg()[0]!.toFixed(1)})`,
  );
  row(
    `\`config sync --dry-run\` after a listing / with --refresh (${accounts} accounts)`,
    `${ms(p.syncAfterListingMs)} / ${ms(p.syncRelistingMs)} = ${(p.syncAfterListingMs / p.syncRelistingMs).toFixed(2)}x`,
    `target < 1 s: ${met(p.syncAfterListingMs < 1000)}`,
  );
}
{
  const core = await coreFigures({ accounts, repeats });
  figures.core = core;
  row(
    `core start with a cached ${accounts}-account listing`,
    `${ms(core.coreStartMs)}, heap +${core.coreStartHeapMb.toFixed(1)} MB`,
  );
  row('one profile updated in a 500-profile credentials file', ms(core.profileUpdateMs));
}
if (!values.skip.includes('search')) {
  const search = await searchFigures({ accounts: 5000, repeats: values.quick ? 1 : 3 });
  figures.search = search;
  row(
    'search keystroke over 5,000 accounts (Chromium)',
    `median ${ms(search.medianMs)}, worst ${ms(search.worstMs)} over ${search.keystrokes} keystrokes`,
    `target < 16 ms: ${met(search.medianMs < 16)}`,
  );
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log('\n' + rows.map(([l, v, t]) => `${l.padEnd(width)}  ${v}${t ? `  [${t}]` : ''}`).join('\n'));
console.log(JSON.stringify(figures));
