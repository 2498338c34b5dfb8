// The account-then-role look-up every role command starts with. Direct first: an account id needs no call, a name
// comes from the cached listing (whatever its age) or from ListAccounts pages until it appears; roles are never listed
// for it. Only a wrong guess (the role is not assigned) falls back to the listing, for the sentence naming the roles.
import { SsoTrayError } from '../../core/public.js';
import type { AccountWithRoles, RoleRef } from '../../core/shapes/front-end-shapes.js';
import type { CliContext } from '../context.js';
import type { Io } from '../output.js';
import { resolveAccount, resolveRole } from '../resolve.js';
import { withListingProgress } from './listing-progress.js';

/** A listing younger than this answers the listed look-up without a call. */
const LOOKUP_MAX_AGE_SECONDS = 10 * 60;
const ACCOUNT_ID = /^\d{12}$/;

/** The account and its listed roles: from a recent listing, else a live one. */
async function findAccount(
  c: CliContext,
  io: Io,
  sessionOption: string | undefined,
  query: string,
): Promise<{ session: string; account: AccountWithRoles }> {
  const session = await c.sessionName(sessionOption);
  let listing = await withListingProgress(c, io, () =>
    c.call('accounts:list', { session, maxAgeSeconds: LOOKUP_MAX_AGE_SECONDS }),
  );
  try {
    return { session, account: resolveAccount(listing.accounts, query) };
  } catch (error) {
    // A cached listing may predate a new assignment: look once more, live.
    listing = await withListingProgress(c, io, () => c.call('accounts:list', { session }));
    try {
      return { session, account: resolveAccount(listing.accounts, query) };
    } catch {
      throw error;
    }
  }
}

/** A role checked against the listing (for what writes no credentials, such as a profile in ~/.aws/config). */
export async function findListedRole(
  c: CliContext,
  io: Io,
  sessionOption: string | undefined,
  accountQuery: string,
  roleQuery: string,
): Promise<RoleRef> {
  const { session, account } = await findAccount(c, io, sessionOption, accountQuery);
  return { session, accountId: account.accountId, roleName: resolveRole(account, roleQuery) };
}

/** The account an id or name means, without listing any role (cached roles come along when the listing had it). */
export async function findAccountDirect(
  c: CliContext,
  sessionOption: string | undefined,
  accountQuery: string,
): Promise<{ session: string; accountId: string; cachedRoles?: AccountWithRoles }> {
  const session = await c.sessionName(sessionOption);
  if (ACCOUNT_ID.test(accountQuery)) return { session, accountId: accountQuery };
  const cached = await c.call('accounts:cached', { session });
  const fromCache = cached && tryResolve(cached.accounts, accountQuery);
  if (fromCache) return { session, accountId: fromCache.accountId, cachedRoles: fromCache };
  const read = await c.call('accounts:find', { session, query: accountQuery });
  const account = resolveAccount(
    read.map((a) => ({ ...a, roles: [] })),
    accountQuery,
  );
  return { session, accountId: account.accountId };
}

/** The role to ask GetRoleCredentials for, without listing any role: the guess `withRole` confirms by using it. */
async function findRole(
  c: CliContext,
  sessionOption: string | undefined,
  accountQuery: string,
  roleQuery: string,
): Promise<RoleRef> {
  const { session, accountId, cachedRoles } = await findAccountDirect(c, sessionOption, accountQuery);
  let roleName = roleQuery;
  try {
    if (cachedRoles) roleName = resolveRole(cachedRoles, roleQuery);
  } catch {
    // An old listing may not know a new assignment: the call decides.
  }
  return { session, accountId, roleName };
}

/**
 * Runs `use` on the direct guess (findRole); when Identity Center says the role is not assigned, looks the role up in
 * the listing, which says which roles there are or corrects the case of the name, and runs `use` on that.
 */
export async function withRole<T>(
  c: CliContext,
  io: Io,
  sessionOption: string | undefined,
  accountQuery: string,
  roleQuery: string,
  use: (role: RoleRef) => Promise<T>,
): Promise<T> {
  const guess = await findRole(c, sessionOption, accountQuery, roleQuery);
  try {
    return await use(guess);
  } catch (error) {
    if (!(error instanceof SsoTrayError && error.code === 'not-assigned')) throw error;
  }
  const listed = await findListedRole(c, io, guess.session, guess.accountId, roleQuery);
  return use(listed);
}

function tryResolve(accounts: AccountWithRoles[], query: string): AccountWithRoles | undefined {
  try {
    return resolveAccount(accounts, query);
  } catch (error) {
    if (error instanceof SsoTrayError && error.code === 'not-found') return undefined;
    throw error;
  }
}
