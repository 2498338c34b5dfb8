// The search box and the session's accounts under it: matches best first (favourites' accounts before the rest), the
// favourites and recently used roles on top while nothing is typed, and a page of accounts at a time.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { queryWords, searchAccounts, type SearchHit } from '../account-search.js';
import type { Actions } from '../actions/bound-actions.js';
import type { AccountWithRoles, Settings } from '../api.js';
import { plural } from '../session-text.js';
import type { State } from '../state.js';
import { accountRow, type RowContext } from './account-rows.js';
import { topLists } from './top-lists-view.js';
import { wholeTopLists } from './whole-lists-view.js';

let memo: {
  accounts: AccountWithRoles[];
  query: string;
  favourites: unknown;
  hits: SearchHit<AccountWithRoles>[];
};

function filtered(
  accounts: AccountWithRoles[],
  query: string,
  settings: Settings | undefined,
  session: string,
) {
  const favourites = settings?.favourites;
  if (memo && memo.accounts === accounts && memo.query === query && memo.favourites === favourites)
    return memo.hits;
  const mine = (favourites ?? []).filter((f) => f.session === session);
  const hits = searchAccounts(accounts, query, mine);
  memo = { accounts, query, favourites, hits };
  return hits;
}

/**
 * `listed` undefined: the session has no accounts to show, and only the whole lists "More…" opened on are here, in
 * the place they keep when the accounts arrive (so the heading "More…" focused stays on the page).
 */
export function accountListView(
  listed: AccountWithRoles[] | undefined,
  state: State,
  actions: Actions,
  session: string,
  roles: { pending?: ReadonlySet<string> | undefined; failed?: ReadonlySet<string> | undefined } = {},
  empty: unknown = nothing,
) {
  const { pending: rolesPending, failed: rolesFailed } = roles;
  const accounts = listed ?? [];
  const query = state.query.trim();
  const hits = filtered(accounts, query, state.settings, session);
  const byId = new Map(accounts.map((a) => [a.accountId, a]));
  const favourites = new Set(
    (state.settings?.favourites ?? [])
      .filter((f) => f.session === session)
      .map((f) => `${f.accountId}/${f.roleName}`),
  );
  const row: RowContext = {
    session,
    actions,
    isFavourite: (accountId, roleName) => favourites.has(`${accountId}/${roleName}`),
    words: queryWords(query),
    ...(rolesPending ? { rolesPending: (accountId: string) => rolesPending.has(accountId) } : {}),
    ...(rolesFailed ? { rolesFailed: (accountId: string) => rolesFailed.has(accountId) } : {}),
  };
  return html`
    ${listed ? searchBox(state, actions) : nothing}
    <div class="list-scroll" tabindex="-1">
      ${query ? nothing : state.wholeLists ? wholeTopLists(state, actions) : topLists(state, session, byId, row)}
      ${listed ? allAccounts(accounts, state, actions, query, hits, row) : empty}
    </div>
  `;
}

function searchBox(state: State, actions: Actions) {
  return html`<div class="search">
    <input
      type="search"
      class="search-box"
      aria-label="Search accounts and roles"
      autocomplete="off"
      spellcheck="false"
      placeholder="Search by account name, ID, e-mail or role"
      .value=${live(state.query)}
      @input=${(e: Event) => actions.search((e.target as HTMLInputElement).value)}
    />
  </div>`;
}

function allAccounts(
  accounts: AccountWithRoles[],
  state: State,
  actions: Actions,
  query: string,
  hits: SearchHit<AccountWithRoles>[],
  row: RowContext,
) {
  const shown = hits.slice(0, state.shown);
  const rest = hits.length - shown.length;
  return html`
    <h3 class="list-title" id="all-accounts-title">
      ${query ? `${plural(hits.length, 'account')} match` : `All accounts (${accounts.length.toLocaleString('en-US')})`}
    </h3>
    ${
      accounts.length === 0
        ? html`<p class="empty">
            No AWS accounts are assigned to you in ${row.session}. Ask your administrator for access, or add
            another session with Add session.
          </p>`
        : hits.length === 0 && query
          ? html`<p class="empty">No account or role matches “${query}”.</p>`
          : html`<ul class="account-list" aria-labelledby="all-accounts-title">
              ${repeat(
                shown,
                (hit) => hit.account.accountId,
                (hit) =>
                  accountRow(
                    hit.account,
                    hit.roles,
                    isOpen(query, state.expanded, hit.account.accountId),
                    row,
                  ),
              )}
            </ul>`
    }
    ${
      rest > 0
        ? html`<p class="more">
            ${plural(rest, 'more account')} — refine the search, or
            <button type="button" class="link" @click=${() => actions.showMoreAccounts()}>show more</button>
          </p>`
        : nothing
    }
  `;
}

/** While searching, matches are open unless the user closed them; otherwise closed unless opened. */
function isOpen(query: string, toggled: ReadonlySet<string>, accountId: string): boolean {
  return (query !== '') !== toggled.has(accountId);
}
