// The account names of every session's favourites and recents while the window shows the whole lists ("More…"):
// from each session's cached listing only, never a call to Identity Center.
import type { Listing } from '../api.js';
import type { Store } from '../state.js';
import type { ActionContext } from './context.js';

/** Asks each session set up for its cached listing once, while the whole lists are shown. */
export function askListNames({ api, store }: ActionContext): void {
  const { wholeLists, ready, sessions } = store.state;
  if (!wholeLists || !ready) return;
  const missing = sessions.map((s) => s.name).filter((name) => !(name in wholeLists.names));
  if (missing.length === 0) return;
  setNames(store, Object.fromEntries(missing.map((name) => [name, 'asking' as const])));
  for (const session of missing) {
    // No refreshAfterSeconds: a name from the cache is enough, and no listing starts for it.
    api['accounts:cached']({ session }).then(
      (listing) => setNames(store, { [session]: namesOf(listing) }),
      () => setNames(store, { [session]: {} }),
    );
  }
}

/** A fresh listing (the 'accounts-changed' event) names its session's accounts. */
export function listNamesArrived(store: Store, listing: Listing): void {
  if (store.state.wholeLists) setNames(store, { [listing.session]: namesOf(listing) });
}

function namesOf(listing: Listing | null): Record<string, string> {
  return Object.fromEntries((listing?.accounts ?? []).map((a) => [a.accountId, a.accountName]));
}

function setNames(store: Store, names: NonNullable<Store['state']['wholeLists']>['names']): void {
  store.update((s) => (s.wholeLists ? { wholeLists: { names: { ...s.wholeLists.names, ...names } } } : {}));
}
