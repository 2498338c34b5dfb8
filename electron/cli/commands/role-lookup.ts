// The account-then-role look-up every role command starts with: names or ids, from a recent listing or a live one.
import type { AccountWithRoles } from '../../core/views.js';
import type { CliContext } from '../context.js';
import type { Io } from '../output.js';
import { resolveAccount, resolveRole } from '../resolve.js';
import { withListingProgress } from './listing-progress.js';

/** A listing younger than this answers name look-ups without a call. */
const LOOKUP_MAX_AGE_SECONDS = 10 * 60;

export async function findAccount(
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

export async function findRole(
  c: CliContext,
  io: Io,
  sessionOption: string | undefined,
  accountQuery: string,
  roleQuery: string,
): Promise<{ session: string; accountId: string; roleName: string }> {
  const { session, account } = await findAccount(c, io, sessionOption, accountQuery);
  return { session, accountId: account.accountId, roleName: resolveRole(account, roleQuery) };
}
