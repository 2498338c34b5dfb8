// The chosen session's accounts, as the access portal shows them: the listing's age and Refresh, progress while
// listing, a search box, favourites and recently used on top, then every account (only as many as fit a page).
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { queryWords, searchAccounts, type SearchHit } from '../account-search.js';
import type { Actions } from '../actions.js';
import type { AccountWithRoles, SessionView, Settings } from '../api.js';
import { listingProgressText, plural } from '../session-text.js';
import type { AccountsState, State } from '../state.js';
import { ageText } from '../time-text.js';
import { accountRow, roleRow, type RowContext } from './account-rows.js';
import { addSessionView } from './add-session-view.js';
import { accountsNotice } from './notice-banner.js';

// All the recent roles settings keep (the tray shows 5, its More… opens this).
const RECENT_SHOWN = 10;

export function accountsView(state: State, actions: Actions) {
  const accounts = state.accounts;
  const session = state.sessions.find((s) => s.name === state.selected);
  if (!session || !accounts) return welcomeView(state, actions);
  const listing = accounts.listing;
  // While a listing runs with nothing on screen, its accounts show as their pages arrive.
  const shown = listing?.accounts ?? accounts.arriving;
  // Nothing can be listed while the session is not signed in.
  const listable = session.state === 'signed-in' || session.state === 'refreshing';
  return html`<section class="accounts" aria-labelledby="accounts-title">
    <div class="section-head">
      <h2 id="accounts-title">Accounts <span class="muted">in ${session.name}</span></h2>
      <div class="listing-meta">
        ${listing ? html`<span class="age">Listed ${ageText(listing.fetchedAt, state.now)}</span>` : nothing}
        <button
          type="button"
          @click=${() => actions.refreshAccounts()}
          ?disabled=${accounts.loading || !listable}
          title=${listable ? 'List the accounts again' : `Sign in to ${session.name} first`}
        >
          Refresh
        </button>
      </div>
    </div>
    ${progressLine(accounts)} ${accountsNotice(state, session, accounts, actions)}
    ${state.favouriteError ? html`<p class="error" role="alert">${state.favouriteError}</p>` : nothing}
    ${
      shown
        ? listingView(shown, state, actions, session.name, listing ? undefined : accounts.rolesPending)
        : accounts.loading || accounts.error || session.state === 'expired'
          ? nothing
          : html`<p class="empty">${emptyText(session, state)}</p>`
    }
  </section>`;
}

function emptyText(session: SessionView, state: State): string {
  if (session.state === 'signed-in') return 'No accounts listed yet; press Refresh.';
  if (state.signIns[session.name] || session.state === 'signing-in')
    return 'Your accounts appear here once you are signed in.';
  return `Sign in to ${session.name} to see your accounts.`;
}

function welcomeView(state: State, actions: Actions) {
  if (state.sessions.length > 0) {
    return html`<section class="welcome">
      <h2>Choose a session</h2>
      <p>Pick a session on the left to see its accounts.</p>
    </section>`;
  }
  return html`<section class="welcome" aria-labelledby="welcome-title">
    <h2 id="welcome-title">Add your AWS access portal</h2>
    <p>
      Sign in once to IAM Identity Center, then copy short-term credentials for any of your accounts, or keep
      a profile in your credentials file fresh all day. Sessions in ~/.aws/config appear here by themselves.
    </p>
    ${addSessionView(state, actions, 'main')}
  </section>`;
}

function progressLine(accounts: AccountsState) {
  if (!accounts.loading) return nothing;
  const progress = accounts.progress;
  const total = progress?.totalAccounts;
  return html`<div class="progress-line" role="status">
    <span class="spinner" aria-hidden="true"></span>
    <span>${progress ? listingProgressText(progress) : 'Listing your accounts…'}</span>
    ${
      total
        ? html`<progress
            max=${total}
            value=${progress?.accountsWithRoles ?? 0}
            aria-hidden="true"
          ></progress>`
        : nothing
    }
  </div>`;
}

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

function listingView(
  accounts: AccountWithRoles[],
  state: State,
  actions: Actions,
  session: string,
  rolesPending?: ReadonlySet<string>,
) {
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
  };
  const shown = hits.slice(0, state.shown);
  const rest = hits.length - shown.length;
  return html`
    <div class="search">
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
    </div>
    <div class="list-scroll" tabindex="-1">
      ${query ? nothing : topLists(state, session, byId, row)}
      <h3 class="list-title" id="all-accounts-title">
        ${query ? `${plural(hits.length, 'account')} match` : `All accounts (${accounts.length.toLocaleString('en-US')})`}
      </h3>
      ${
        hits.length === 0 && query
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
    </div>
  `;
}

/** While searching, matches are open unless the user closed them; otherwise closed unless opened. */
function isOpen(query: string, toggled: ReadonlySet<string>, accountId: string): boolean {
  return (query !== '') !== toggled.has(accountId);
}

function topLists(state: State, session: string, byId: Map<string, AccountWithRoles>, row: RowContext) {
  const settings = state.settings;
  if (!settings) return nothing;
  const mine = <T extends { session: string; accountId: string }>(list: T[]) =>
    list.filter((r) => r.session === session && byId.has(r.accountId));
  const favourites = mine(settings.favourites);
  const favouriteKeys = new Set(favourites.map((f) => `${f.accountId}/${f.roleName}`));
  const recent = mine(settings.recent)
    .filter((r) => !favouriteKeys.has(`${r.accountId}/${r.roleName}`))
    .slice(0, RECENT_SHOWN);
  const list = (
    id: string,
    title: string,
    roles: Array<{ accountId: string; roleName: string }>,
    inFavourites = false,
  ) =>
    roles.length
      ? html`<section class="top-list" aria-labelledby=${id}>
          <h3 id=${id}>${title}</h3>
          <ul class="role-list">
            ${roles.map((r) =>
              roleRow(
                byId.get(r.accountId) as AccountWithRoles,
                r.roleName,
                inFavourites ? withRegions : row,
                true,
                inFavourites,
              ),
            )}
          </ul>
        </section>`
      : nothing;
  const regions = new Map(favourites.map((f) => [`${f.accountId}/${f.roleName}`, f.region]));
  const withRegions = { ...row, favouriteRegion: (a: string, r: string) => regions.get(`${a}/${r}`) };
  return html`${list('favourites-title', 'Favourites', favourites, true)}${list('recent-title', 'Recently used', recent)}`;
}
