// Every account with its roles: role calls start with the first account page, ordered by urgency, paced at a limit.
import { setMaxListeners } from 'node:events';
import type { Account, SessionConfig } from '../shapes/aws-shapes.js';
import type { ListingProgress } from '../shapes/front-end-shapes.js';
import type { ServiceDeps } from './clients.js';
import { ListingPacer, MAX_CONCURRENCY } from './listing-pacer.js';
import { RoleScheduler } from './listing-scheduler.js';
import { accountPages, rolePages } from './portal-pages.js';
import type { CallFigures, PortalCall, PortalToken } from './portal-send.js';
import { TOTAL_WAIT_MS } from './call-deadline.js';
import { sentences } from './service-errors.js';
import { SsoTrayError } from '../errors.js';

const byName = (a: Account, b: Account) =>
  a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId);

export interface ListingOptions {
  /** The most role calls in flight (default MAX_CONCURRENCY; the pacer lowers it at a limit). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: ListingProgress) => void;
  /** Each ListAccounts page's accounts, as it arrives (before any of their roles). */
  onAccounts?: (accounts: Account[]) => void;
  /** One account's roles, as the listing learns them. */
  onRoles?: (accountId: string, roles: string[]) => void;
  /** Accounts whose roles are listed first (favourites, recent). */
  first?: ReadonlySet<string>;
  /** Hands over a way to ask for one account's roles ahead of the queue while the listing runs. */
  onStart?: (askNow: (accountId: string) => Promise<string[]>) => void;
  /** The pacer, when the caller wants its figures (429s met). */
  pacer?: ListingPacer;
  /** Each call's figures once it ends: attempts and the back-off waited between them. */
  onCall?: (figures: CallFigures) => void;
}

/**
 * Every account with its roles, sorted by account name, roles sorted. Role calls start with the first account page;
 * retries ride out 429s, 5xx and drops, and the pacer holds a rate limit.
 */
export async function listAccountsWithRoles(
  session: SessionConfig,
  accessToken: PortalToken,
  deps: ServiceDeps,
  options: ListingOptions = {},
): Promise<Array<Account & { roles: string[] }>> {
  // One failure cancels the calls still in flight.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const pacer =
    options.pacer ??
    new ListingPacer(deps.clock, options.concurrency ?? MAX_CONCURRENCY, deps.totalWaitMs ?? TOTAL_WAIT_MS);
  // Throttled calls keep their place (portal-send.ts) while others get through; once none has for the user's wait,
  // the service has stopped letting the listing through.
  pacer.onStalled = () => stop.abort(new SsoTrayError('throttled', sentences.throttled(session)));
  // Each call in flight listens on the signal: as many listeners as calls is expected, not a leak.
  setMaxListeners(2 * MAX_CONCURRENCY + 10, signal);
  const listing = { answered: false, ...(options.onCall ? { onCall: options.onCall } : {}) };
  const call: PortalCall = { session, token: accessToken, deps, signal, listing, pacer };
  const report = options.onProgress ?? (() => undefined);
  const accounts: Account[] = [];
  let done = 0;
  let total: number | undefined;
  const progress = () =>
    report({
      accountsListed: accounts.length,
      accountsWithRoles: done,
      ...(total === undefined ? {} : { totalAccounts: total }),
    });
  const scheduler = new RoleScheduler(pacer, async (accountId) => {
    const roles = (await rolePages(call, accountId)).map((r) => r.roleName).sort();
    done += 1;
    options.onRoles?.(accountId, roles);
    progress();
    return roles;
  });
  options.onStart?.((accountId) => scheduler.roles(accountId, 0));
  const pages = accountPages(call, (page) => {
    accounts.push(...page);
    for (const a of page) void scheduler.roles(a.accountId, options.first?.has(a.accountId) ? 1 : 2);
    options.onAccounts?.(page);
    progress();
    return false;
  }).then(() => {
    total = accounts.length;
    progress();
    scheduler.close();
  });
  const running = scheduler.run();
  running.catch(() => undefined);
  try {
    await Promise.all([pages, running]);
    const listed = await Promise.all(
      accounts.map(async (a) => ({ ...a, roles: await scheduler.roles(a.accountId, 2) })),
    );
    return listed.sort(byName);
  } catch (error) {
    stop.abort(error);
    scheduler.fail(error);
    throw error;
  } finally {
    pacer.close();
  }
}
