// The access portal: every account, every role of each (bounded concurrency), and role credentials.
import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  type SSOClient,
} from '@aws-sdk/client-sso';
import { setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { Account, Role, RoleCredentials, SessionConfig, SsoToken } from '../types.js';
import type { ListingProgress } from '../views.js';
import { portalClient, type ServiceDeps } from './clients.js';
import { isDroppedConnection, serviceErrorOf, toUserError, type ErrorContext } from './service-errors.js';

/** The model's maximum page size for ListAccounts and ListAccountRoles. */
const PAGE_SIZE = 100;
/** From `npm run bench:listing`: twice as fast as 4 when unthrottled, within 7% of it under a 20/s limit. */
export const DEFAULT_ROLE_CONCURRENCY = 8;

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
  run: (c: SSOClient) => Promise<T>,
) {
  for (let round = 1; ; round += 1) {
    try {
      const result = await run(portalClient(call.session.region, call.deps));
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

async function accountPages(
  call: Call,
  onPage?: (listed: number) => void,
  stopAfter?: (page: Account[]) => boolean,
): Promise<Account[]> {
  const accounts: Account[] = [];
  let nextToken: string | undefined;
  do {
    const before = accounts.length;
    const input = { accessToken: accessTokenOf(call.token), maxResults: PAGE_SIZE, nextToken };
    const page = await send(call, { action: 'list your accounts' }, (client) =>
      client.send(new ListAccountsCommand(input), { abortSignal: call.signal }),
    );
    for (const a of page.accountList ?? [])
      if (a.accountId)
        accounts.push({
          accountId: a.accountId,
          accountName: a.accountName ?? '',
          emailAddress: a.emailAddress ?? '',
        });
    nextToken = page.nextToken || undefined;
    onPage?.(accounts.length);
    if (stopAfter?.(accounts.slice(before))) break;
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
  return accountPages(call, undefined, (page) => page.some(matches));
}

async function rolePages(call: Call, accountId: string): Promise<Role[]> {
  const roles: Role[] = [];
  let nextToken: string | undefined;
  do {
    const input = { accessToken: accessTokenOf(call.token), accountId, maxResults: PAGE_SIZE, nextToken };
    const page = await send(
      call,
      { action: `list your roles in account ${accountId}`, accountId },
      (client) => client.send(new ListAccountRolesCommand(input), { abortSignal: call.signal }),
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

/** Runs `work` over `items` with at most `limit` at once; the first failure stops the rest. */
async function forEachBounded<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

const byName = (a: Account, b: Account) =>
  a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId);

/** Every account with its roles, sorted by account name, roles sorted; retries ride out 429s, 5xx and drops. */
export async function listAccountsWithRoles(
  session: SessionConfig,
  accessToken: PortalToken,
  deps: ServiceDeps,
  options: { concurrency?: number; signal?: AbortSignal; onProgress?: (p: ListingProgress) => void } = {},
): Promise<Array<Account & { roles: string[] }>> {
  // One failure cancels the calls still in flight.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const concurrency = options.concurrency ?? DEFAULT_ROLE_CONCURRENCY;
  // Each call in flight listens on the signal: as many listeners as calls is expected, not a leak.
  setMaxListeners(concurrency + 10, signal);
  const call: Call = { session, token: accessToken, deps, signal, listing: { answered: false } };
  const report = options.onProgress ?? (() => undefined);
  const accounts = await accountPages(call, (listed) =>
    report({ accountsListed: listed, accountsWithRoles: 0 }),
  );
  const total = accounts.length;
  report({ accountsListed: total, accountsWithRoles: 0, totalAccounts: total });
  const result: Array<Account & { roles: string[] }> = [];
  let done = 0;
  try {
    await forEachBounded(accounts, concurrency, async (account) => {
      const roles = await rolePages(call, account.accountId);
      result.push({ ...account, roles: roles.map((r) => r.roleName).sort() });
      report({ accountsListed: total, accountsWithRoles: ++done, totalAccounts: total });
    });
  } catch (error) {
    stop.abort(error);
    throw error;
  }
  return result.sort(byName);
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
  const answer = await send(call, context, (client) => client.send(new GetRoleCredentialsCommand(input)));
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
