// The access portal: every account, every role of each (bounded concurrency), and role credentials.
import type * as Sso from '@aws-sdk/client-sso';
import type { SSOClient } from '@aws-sdk/client-sso';
import { setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { Account, Role, RoleCredentials, SessionConfig, SsoToken } from '../types.js';
import type { ListingProgress } from '../views.js';
import { portalClient, ssoSdk, type ServiceDeps } from './clients.js';
import { ListingPacer, MAX_CONCURRENCY } from './listing-pacer.js';
import { paced } from './paced-command.js';
import { RoleScheduler } from './listing-scheduler.js';
import { isDroppedConnection, serviceErrorOf, toUserError, type ErrorContext } from './service-errors.js';

/** The model's maximum page size for ListAccounts and ListAccountRoles. */
const PAGE_SIZE = 100;

/** The access token, or the whole token: with it, a rejection can be told apart as a wrong region. */
export type PortalToken = string | SsoToken;

export type { ListingProgress } from '../views.js';

interface Call {
  session: SessionConfig;
  token: PortalToken;
  deps: ServiceDeps;
  signal: AbortSignal | undefined;
  /** A listing: once Identity Center has answered any of its calls, a failed call is tried again (LISTING_ROUNDS). */
  listing?: { answered: boolean };
  /** Role calls of a listing: the pacer sees each attempt's answer and spaces the SDK's retries. */
  pacer?: ListingPacer;
}

/**
 * Rounds of the SDK's attempts a listing call gets once the service has answered: 30% faults fail 5 attempts in a
 * row 0.24% of the time, so 500 accounts lost a listing most runs; 4 rounds make it ~3e-11 a call. A dead network
 * never answers, so it is still reported after the first round.
 */
export const LISTING_ROUNDS = 4;
const RETRYABLE = new Set(['throttled', 'service', 'network']);

async function send<T>(
  call: Call,
  context: Omit<ErrorContext, 'session'>,
  run: (c: SSOClient, sdk: typeof Sso) => Promise<T>,
) {
  for (let round = 1; ; round += 1) {
    try {
      const result = await run(await portalClient(call.session.region, call.deps), await ssoSdk());
      if (call.listing) call.listing.answered = true;
      return result;
    } catch (error) {
      // A caller who cancels gets its own reason back, not a sentence about the network.
      if (call.signal?.aborted) throw call.signal.reason;
      // An HTTP answer, or a connection accepted and then dropped: Identity Center is there, just failing.
      if (call.listing && (serviceErrorOf(error)?.status !== undefined || isDroppedConnection(error)))
        call.listing.answered = true;
      const token = typeof call.token === 'string' ? {} : { token: call.token };
      const answered = call.listing?.answered ?? false;
      const userError = toUserError(error, {
        session: call.session,
        ...context,
        ...token,
        serviceAnswered: answered,
      });
      if (!answered || round >= LISTING_ROUNDS || !RETRYABLE.has(userError.code)) throw userError;
      // Full jitter over a growing window, so calls that failed together do not come back together.
      await delay(Math.random() * 1_000 * round, undefined, { signal: call.signal }).catch(() => {
        throw call.signal?.reason ?? userError;
      });
    }
  }
}

const accessTokenOf = (token: PortalToken): string => (typeof token === 'string' ? token : token.accessToken);

/** Every ListAccounts page in turn; `onPage` sees each page's accounts and may stop there by returning true. */
async function accountPages(call: Call, onPage?: (page: Account[]) => boolean): Promise<Account[]> {
  const accounts: Account[] = [];
  let nextToken: string | undefined;
  do {
    const before = accounts.length;
    const input = { accessToken: accessTokenOf(call.token), maxResults: PAGE_SIZE, nextToken };
    const page = await send(call, { action: 'list your accounts' }, (client, sdk) =>
      client.send(new sdk.ListAccountsCommand(input), { abortSignal: call.signal }),
    );
    for (const a of page.accountList ?? [])
      if (a.accountId)
        accounts.push({
          accountId: a.accountId,
          accountName: a.accountName ?? '',
          emailAddress: a.emailAddress ?? '',
        });
    nextToken = page.nextToken || undefined;
    if (onPage?.(accounts.slice(before))) break;
  } while (nextToken);
  return accounts;
}

/** Every account the user is assigned, all pages. */
export async function listAccounts(
  session: SessionConfig,
  accessToken: PortalToken,
  deps: ServiceDeps,
  options: { signal?: AbortSignal } = {},
): Promise<Account[]> {
  return accountPages({ session, token: accessToken, deps, signal: options.signal });
}

/** ListAccounts pages up to and including the first page with an account that `matches` (all pages when none does). */
export async function listAccountsUntil(
  session: SessionConfig,
  accessToken: PortalToken,
  deps: ServiceDeps,
  matches: (account: Account) => boolean,
): Promise<Account[]> {
  const call: Call = { session, token: accessToken, deps, signal: undefined, listing: { answered: false } };
  return accountPages(call, (page) => page.some(matches));
}

async function rolePages(call: Call, accountId: string): Promise<Role[]> {
  const roles: Role[] = [];
  let nextToken: string | undefined;
  do {
    // The scheduler counted the first page's first attempt on the wire when it sent it.
    const ticket = { counted: roles.length === 0 && nextToken === undefined && call.pacer !== undefined };
    const input = { accessToken: accessTokenOf(call.token), accountId, maxResults: PAGE_SIZE, nextToken };
    const page = await send(
      call,
      { action: `list your roles in account ${accountId}`, accountId },
      (client, sdk) =>
        client.send(paced(new sdk.ListAccountRolesCommand(input), call, ticket), {
          abortSignal: call.signal,
        }),
    );
    for (const r of page.roleList ?? []) if (r.roleName) roles.push({ accountId, roleName: r.roleName });
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return roles;
}

/** The permission sets the user has in one account, all pages. */
export async function listRoles(
  session: SessionConfig,
  accessToken: PortalToken,
  accountId: string,
  deps: ServiceDeps,
  options: { signal?: AbortSignal } = {},
): Promise<Role[]> {
  return rolePages({ session, token: accessToken, deps, signal: options.signal }, accountId);
}

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
  const pacer = options.pacer ?? new ListingPacer(deps.clock, options.concurrency ?? MAX_CONCURRENCY);
  // Each call in flight listens on the signal: as many listeners as calls is expected, not a leak.
  setMaxListeners(2 * MAX_CONCURRENCY + 10, signal);
  const call: Call = { session, token: accessToken, deps, signal, listing: { answered: false }, pacer };
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
  const scheduler = new RoleScheduler(
    pacer,
    async (accountId) => {
      const roles = (await rolePages(call, accountId)).map((r) => r.roleName).sort();
      done += 1;
      options.onRoles?.(accountId, roles);
      progress();
      return roles;
    },
    signal,
  );
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
  }
}

/** Short-term credentials for one role (GetRoleCredentials); `expiration` arrives in epoch milliseconds. */
export async function getRoleCredentials(
  session: SessionConfig,
  accessToken: PortalToken,
  accountId: string,
  roleName: string,
  deps: ServiceDeps,
): Promise<RoleCredentials> {
  const call: Call = { session, token: accessToken, deps, signal: undefined };
  const context = { action: `get credentials for ${roleName} in account ${accountId}`, accountId, roleName };
  const input = { accessToken: accessTokenOf(accessToken), accountId, roleName };
  const answer = await send(call, context, (client, sdk) =>
    client.send(new sdk.GetRoleCredentialsCommand(input)),
  );
  const c = answer.roleCredentials;
  if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || c.expiration === undefined)
    throw toUserError(new Error('incomplete GetRoleCredentials answer'), { session, ...context });
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
    expiration: new Date(c.expiration),
    accountId,
    roleName,
  };
}
