// Listing figures: the emulated organisation listed at a latency and rate limits, the way the app does it and the
// way a shell loop over `aws sso list-account-roles` does it (one call at a time).
import { spawnSync } from 'node:child_process';
import { runProcess } from './measure.js';
import { startEmulator } from '../../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../../electron/core/aws-files/token-cache.js';
import { systemClock } from '../../electron/core/clock.js';
import { ListingPacer } from '../../electron/core/identity-center/listing-pacer.js';
import { listAccountsWithRoles } from '../../electron/core/identity-center/portal-listing.js';
import { listAccounts, listRoles } from '../../electron/core/identity-center/portal-pages.js';
import { signIn } from '../../electron/core/identity-center/sign-in.js';

export interface ListingConditions {
  accounts: number;
  latencyMs: number;
  rolesPerSecond: number;
  accountsPerSecond: number;
}

export interface ListingFigures {
  firstAccountsMs: number;
  accountPagesMs: number;
  /** The same ListAccounts pages with no role call beside them. */
  accountPagesAloneMs: number;
  allRolesMs: number;
  roleCalls: number;
  floorMs: number;
  ratioToFloor: number;
  throttled: number;
  errors: number;
}

/** A signed-in emulated organisation with these limits (a limit of 0: none), calls cleared. */
export async function organisation(c: ListingConditions & { roleBurst?: number }) {
  // A new emulator (new port) each run: fresh SDK clients and retry quota, nothing learnt in an earlier run.
  const emu = await startEmulator({ autoApprove: true, accounts: c.accounts });
  const session = {
    name: 'bench',
    startUrl: emu.startUrl,
    region: emu.region,
    source: 'sso-session' as const,
  };
  const deps = { endpoints: { oidc: emu.url, portal: emu.url }, clock: systemClock };
  const token = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
  if (c.rolesPerSecond)
    emu.setRateLimit('ListAccountRoles', {
      perSecond: c.rolesPerSecond,
      burst: c.roleBurst ?? c.rolesPerSecond,
    });
  if (c.accountsPerSecond)
    emu.setRateLimit('ListAccounts', { perSecond: c.accountsPerSecond, burst: c.accountsPerSecond });
  emu.setLatency('ListAccounts', c.latencyMs);
  emu.setLatency('ListAccountRoles', c.latencyMs);
  emu.clearCalls();
  return { emu, session, deps, token };
}

/** The app's listing: accounts published page by page, roles as they come. */
export async function appListing(c: ListingConditions): Promise<ListingFigures> {
  const { emu, session, deps, token } = await organisation(c);
  try {
    const alone = performance.now();
    await listAccounts(session, token.accessToken, deps);
    const accountPagesAloneMs = performance.now() - alone;
    // Let the ListAccounts bucket refill, so the listing starts as a user's would.
    await new Promise((resolve) =>
      setTimeout(resolve, (1000 * Math.ceil(c.accounts / 100)) / c.accountsPerSecond + 500),
    );
    emu.clearCalls();
    const pacer = new ListingPacer(systemClock);
    const started = performance.now();
    let firstAccountsMs = NaN;
    let accountPagesMs = NaN;
    let errors = 0;
    const listing = await listAccountsWithRoles(session, token.accessToken, deps, {
      pacer,
      onAccounts: () =>
        (firstAccountsMs = Number.isNaN(firstAccountsMs) ? performance.now() - started : firstAccountsMs),
      onProgress: (p) => {
        if (p.totalAccounts !== undefined && Number.isNaN(accountPagesMs))
          accountPagesMs = performance.now() - started;
      },
    }).catch((error: unknown) => {
      errors += 1;
      console.error(`listing failed: ${String(error)}`);
      return [];
    });
    const allRolesMs = performance.now() - started;
    if (listing.length !== emu.organisation.accounts.length) errors += 1;
    const roleCalls = emu.calls({ api: 'ListAccountRoles', status: 200 }).length;
    const floorMs = (roleCalls / c.rolesPerSecond) * 1000;
    return {
      firstAccountsMs,
      accountPagesMs,
      accountPagesAloneMs,
      allRolesMs,
      roleCalls,
      floorMs,
      ratioToFloor: allRolesMs / floorMs,
      throttled: emu.calls({ status: 429 }).length,
      errors,
    };
  } finally {
    await emu.close();
  }
}

/**
 * The same with the AWS CLI itself, a process per account: `for a in …; do aws sso list-account-roles …; done`.
 * Undefined when no `aws` command is installed.
 */
export async function awsCliLoopListing(
  c: ListingConditions,
  accountsTimed: number,
): Promise<{ perAccountMs: number; version: string } | undefined> {
  const probe = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const { emu, session, deps, token } = await organisation(c);
  try {
    const accounts = (await listAccounts(session, token.accessToken, deps)).slice(0, accountsTimed);
    const env: Record<string, string | undefined> = {
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    };
    for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] ??= value;
    const started = performance.now();
    for (const account of accounts) {
      // Not spawnSync: the emulator answers from this very process.
      const run = await runProcess(
        [
          'sso',
          'list-account-roles',
          '--access-token',
          token.accessToken,
          '--account-id',
          account.accountId,
          '--region',
          emu.region,
          '--endpoint-url',
          emu.url,
          '--no-sign-request',
          '--output',
          'json',
        ],
        env,
        'aws',
      );
      if (run.code !== 0) throw new Error(`aws sso list-account-roles failed: ${run.stderr}`);
    }
    return {
      perAccountMs: (performance.now() - started) / accounts.length,
      version: (probe.stdout || probe.stderr).trim().split(' ')[0] ?? 'aws',
    };
  } finally {
    await emu.close();
  }
}

/** What `for a in $(aws sso list-accounts); do aws sso list-account-roles …; done` does: one call at a time. */
export async function shellLoopListing(c: ListingConditions): Promise<{ allRolesMs: number }> {
  const { emu, session, deps, token } = await organisation(c);
  try {
    const started = performance.now();
    for (const account of await listAccounts(session, token.accessToken, deps))
      await listRoles(session, token.accessToken, account.accountId, deps);
    return { allRolesMs: performance.now() - started };
  } finally {
    await emu.close();
  }
}
