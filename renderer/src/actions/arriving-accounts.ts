// A listing's accounts as their pages arrive ('accounts-listed'), before their roles; the roles of what the user
// opens or searches for are asked for at once ('accounts:roles' jumps the listing's queue).
import { searchAccounts } from '../account-search.js';
import type { AccountWithRoles } from '../api.js';
import type { Store } from '../state.js';
import { sentenceOf, type ActionContext } from './context.js';

/** How many matches of a search ask for their roles ahead of the listing (the ones on top). */
const SEARCH_ASKS = 3;

type ListedAccount = Omit<AccountWithRoles, 'roles'>;

/** A page of accounts: shown while no listing is on screen yet, roles unknown until asked for or listed. */
export function accountsListed(store: Store, session: string, page: ListedAccount[]): void {
  store.update((s) => {
    const a = s.accounts;
    if (a?.session !== session || a.listing) return {};
    const arriving = [...(a.arriving ?? []), ...page.map((p) => ({ ...p, roles: [] }))].sort(
      (x, y) => x.accountName.localeCompare(y.accountName) || x.accountId.localeCompare(y.accountId),
    );
    const rolesPending = new Set(a.rolesPending);
    for (const p of page) rolesPending.add(p.accountId);
    return { accounts: { ...a, arriving, rolesPending } };
  });
}

/** Asks for one arriving account's roles (once), ahead of the listing's queue. */
export async function askRoles({ api, store }: ActionContext, accountId: string): Promise<void> {
  const a = store.state.accounts;
  if (!a?.rolesPending?.has(accountId) || asked.has(`${a.session}/${accountId}`)) return;
  const session = a.session;
  asked.add(`${session}/${accountId}`);
  try {
    rolesListed(store, session, accountId, await api['accounts:roles']({ session, accountId }));
  } catch {
    // The listing brings the roles (or its own error) anyway; asking again on the next open may work.
  } finally {
    asked.delete(`${session}/${accountId}`);
  }
}

const asked = new Set<string>();

/** "Try again" on an account whose roles the listing did not get: that account's roles only, one call. */
export async function retryRoles(ctx: ActionContext, accountId: string): Promise<void> {
  const { api, store } = ctx;
  const session = store.state.accounts?.session;
  if (!session || !store.state.accounts?.rolesFailed?.has(accountId)) return;
  const mark = (failed: boolean, error?: string) =>
    store.update((s) => {
      const a = s.accounts;
      if (a?.session !== session) return {};
      const rolesFailed = new Set(a.rolesFailed);
      const rolesPending = new Set(a.rolesPending);
      if (failed) rolesFailed.add(accountId);
      else rolesFailed.delete(accountId);
      if (failed) rolesPending.delete(accountId);
      else rolesPending.add(accountId);
      return { accounts: { ...a, rolesFailed, rolesPending, ...(error ? { error } : {}) } };
    });
  mark(false);
  try {
    rolesListed(store, session, accountId, await api['accounts:roles']({ session, accountId }));
  } catch (error) {
    mark(true, sentenceOf(error));
  }
}

/** One arriving account's roles, asked for or listed ('roles-listed'). */
export function rolesListed(store: Store, session: string, accountId: string, roles: string[]): void {
  store.update((s) => {
    const now = s.accounts;
    if (now?.session !== session || !now.arriving || !now.rolesPending?.has(accountId)) return {};
    const rolesPending = new Set(now.rolesPending);
    rolesPending.delete(accountId);
    const arriving = now.arriving.map((x) => (x.accountId === accountId ? { ...x, roles } : x));
    return { accounts: { ...now, arriving, rolesPending } };
  });
}

/** The top matches of a search whose roles are not known yet: asked for now. */
export function askRolesOfMatches(ctx: ActionContext, query: string): void {
  const a = ctx.store.state.accounts;
  const words = query.trim();
  if (!words || !a?.arriving || !a.rolesPending?.size) return;
  searchAccounts(a.arriving, words)
    .filter((hit) => a.rolesPending?.has(hit.account.accountId))
    .slice(0, SEARCH_ASKS)
    .forEach((hit) => void askRoles(ctx, hit.account.accountId));
}
