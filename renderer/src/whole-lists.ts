// The whole Favourites or Recent list as the tray counts it: every set-up session's entries, grouped by session.
import { MAX_RECENT } from '../../shared/recent-roles.js';
import type { Settings } from './api.js';

export type WholeList = 'favourites' | 'recent';

interface ListEntry {
  accountId: string;
  roleName: string;
  /** A favourite's own console region. */
  region?: string | undefined;
}

export interface ListGroup {
  session: string;
  entries: ListEntry[];
}

const key = (r: { session: string; accountId: string; roleName: string }) =>
  `${r.session}/${r.accountId}/${r.roleName}`;

/** The list's entries of the sessions set up (in their order), as the tray menu lists them; empty groups left out. */
export function wholeListGroups(
  settings: Settings,
  sessions: readonly string[],
  list: WholeList,
): ListGroup[] {
  const known = new Set(sessions);
  const favourites = settings.favourites.filter((f) => known.has(f.session));
  // As the tray: Recent leaves out what is already a favourite.
  const favouriteKeys = new Set(favourites.map(key));
  const entries =
    list === 'favourites'
      ? favourites
      : settings.recent
          .filter((r) => known.has(r.session) && !favouriteKeys.has(key(r)))
          .slice(0, MAX_RECENT);
  return sessions
    .map((session) => ({
      session,
      entries: entries
        .filter((e) => e.session === session)
        .map((e) => ({
          accountId: e.accountId,
          roleName: e.roleName,
          ...('region' in e ? { region: e.region } : {}),
        })),
    }))
    .filter((g) => g.entries.length > 0);
}
