// The accounts of the chosen session: the cached listing at once, a fresh one by event; search, open, favourites.
import type { Listing } from '../api.js';
import { PAGE_OF_ACCOUNTS, type RoleRef, type Store } from '../state.js';
import { askRoles, askRolesOfMatches } from './arriving-accounts.js';
import { problemOf, sentenceOf, type ActionContext } from './context.js';
import { windowSentence } from '../next-step-words.js';
import type { Problem } from '../../../electron/core/next-step.js';

/** A listing older than this is refreshed in the background when the window shows it. */
const REFRESH_AFTER_SECONDS = 300;

export async function loadAccounts({ api, store }: ActionContext, session: string): Promise<void> {
  store.update({ accounts: { session, listing: null, loading: false }, shown: PAGE_OF_ACCOUNTS });
  try {
    const cached = await api['accounts:cached']({ session, refreshAfterSeconds: REFRESH_AFTER_SECONDS });
    const signedIn = store.state.sessions.find((s) => s.name === session)?.state === 'signed-in';
    const stale = !cached || Date.now() - Date.parse(cached.fetchedAt) > REFRESH_AFTER_SECONDS * 1000;
    store.update((s) => {
      if (s.accounts?.session !== session) return {};
      // The fresh listing may have arrived by event already; keep the newer one.
      const listing = newer(s.accounts.listing, cached);
      const fresh = listing !== cached;
      return {
        accounts: {
          ...s.accounts,
          listing,
          loading: !fresh && ((signedIn && stale) || !!s.accounts.progress),
        },
      };
    });
  } catch (error) {
    setAccountsError(store, session, problemOf(error));
  }
}

export async function refreshAccounts({ api, store }: ActionContext): Promise<void> {
  const session = store.state.accounts?.session;
  if (!session) return;
  store.update((s) =>
    s.accounts ? { accounts: { ...s.accounts, loading: true, error: undefined, errorNext: undefined } } : {},
  );
  try {
    const listing = await api['accounts:list']({ session, maxAgeSeconds: 0 });
    listingArrived(store, listing);
  } catch (error) {
    setAccountsError(store, session, problemOf(error));
  }
}

/** A listing from the core (an answer or the 'accounts-changed' event). */
export function listingArrived(store: Store, listing: Listing): void {
  store.update((s) =>
    s.accounts?.session === listing.session
      ? {
          accounts: {
            session: listing.session,
            listing: newer(s.accounts.listing, listing),
            loading: false,
          },
        }
      : {},
  );
}

/** The listing stopped: its sentence in the banner (once: not also as a problem), and the roles it did not get. */
export function setAccountsError(store: Store, session: string, problem: Problem): void {
  const error = windowSentence(problem);
  store.update((s) => {
    const a = s.accounts;
    if (a?.session !== session) return {};
    const rolesFailed = new Set([...(a.rolesFailed ?? []), ...(a.rolesPending ?? [])]);
    const failed = { error, errorNext: problem.next, rolesPending: new Set<string>(), rolesFailed };
    return {
      accounts: { ...a, loading: false, progress: undefined, ...failed },
      ...(s.problem === error ? { problem: undefined } : {}),
    };
  });
}

function newer(a: Listing | null, b: Listing | null): Listing | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b.fetchedAt) >= Date.parse(a.fetchedAt) ? b : a;
}

export function search(ctx: ActionContext, query: string): void {
  // A new query opens every match afresh (see isOpen).
  ctx.store.update({ query, shown: PAGE_OF_ACCOUNTS, expanded: new Set() });
  askRolesOfMatches(ctx, query);
}

export function toggleAccount(ctx: ActionContext, accountId: string): void {
  ctx.store.update((s) => {
    const expanded = new Set(s.expanded);
    if (!expanded.delete(accountId)) expanded.add(accountId);
    return { expanded };
  });
  // Only when it opens (while searching, a toggled match is a closed one; see isOpen).
  const { expanded, query } = ctx.store.state;
  if (expanded.has(accountId) !== (query.trim() !== '')) void askRoles(ctx, accountId);
}

export function showMoreAccounts({ store }: ActionContext): void {
  store.update((s) => ({ shown: s.shown + PAGE_OF_ACCOUNTS }));
}

/** A favourite's console region ('' clears it); a refusal shows where favourites' errors do. */
export async function setFavouriteRegion(
  { api, store }: ActionContext,
  role: RoleRef,
  region: string,
): Promise<void> {
  try {
    const settings = await api['favourites:region']({ ...role, region });
    store.update({ settings, favouriteError: undefined });
  } catch (error) {
    store.update({ favouriteError: sentenceOf(error) });
  }
}

export async function toggleFavourite({ api, store }: ActionContext, role: RoleRef): Promise<void> {
  try {
    const settings = await api['favourites:toggle'](role);
    store.update({ settings, favouriteError: undefined });
  } catch (error) {
    store.update({ favouriteError: sentenceOf(error) });
  }
}
