// The whole Favourites and Recently used lists the tray's "More…" opens the window on: every session's entries under
// its name (no name when there is one session), each row acting on its own session.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { State } from '../state.js';
import { wholeListGroups, type ListGroup, type WholeList } from '../whole-lists.js';
import { roleRow, type RowContext } from './account-rows.js';
import { topList } from './top-lists-view.js';

export function wholeTopLists(state: State, actions: Actions) {
  return html`${wholeList(state, actions, 'favourites')}${wholeList(state, actions, 'recent')}`;
}

function wholeList(state: State, actions: Actions, list: WholeList) {
  const { settings, wholeLists } = state;
  if (!settings || !wholeLists) return nothing;
  const sessions = state.sessions.map((s) => s.name);
  const groups = wholeListGroups(settings, sessions, list);
  if (groups.length === 0) return nothing;
  const named = sessions.length > 1;
  const inFavourites = list === 'favourites';
  const body = groups.map((group) => {
    const names = wholeLists.names[group.session];
    const nameOf = (accountId: string) =>
      (typeof names === 'object' ? names[accountId] : undefined) ?? accountId;
    const row = sessionRow(state, actions, group);
    const headingId = `${list}-${group.session}-title`;
    return html`${named ? html`<h4 class="list-group" id=${headingId}>${group.session}</h4>` : nothing}
      <ul class="role-list" aria-labelledby=${named ? headingId : nothing}>
        ${group.entries.map((e) =>
          roleRow(
            { accountId: e.accountId, accountName: nameOf(e.accountId) },
            e.roleName,
            row,
            true,
            inFavourites,
          ),
        )}
      </ul>`;
  });
  return inFavourites
    ? topList('favourites-title', 'Favourites', body)
    : topList('recent-title', 'Recently used', body);
}

/** The rows of one session's group: its favourites' stars and console regions, its actions on that session. */
function sessionRow(state: State, actions: Actions, group: ListGroup): RowContext {
  const key = (accountId: string, roleName: string) => `${accountId}/${roleName}`;
  const favourites = new Map(
    (state.settings?.favourites ?? [])
      .filter((f) => f.session === group.session)
      .map((f) => [key(f.accountId, f.roleName), f.region]),
  );
  return {
    session: group.session,
    actions,
    isFavourite: (accountId, roleName) => favourites.has(key(accountId, roleName)),
    favouriteRegion: (accountId, roleName) => favourites.get(key(accountId, roleName)),
    words: [],
  };
}
