// The chosen session's accounts section, as the access portal shows it: the listing's age and Refresh, progress while
// listing, and under them account-search-view.ts (the search box, favourites and recently used, every account).
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { SessionView } from '../api.js';
import { listingProgressText } from '../session-text.js';
import type { AccountsState, State } from '../state.js';
import { ageText } from '../time-text.js';
import { accountListView } from './account-search-view.js';
import { addSessionView } from './add-session-view.js';
import { accountsNotice } from './notice-banner.js';

export function accountsView(state: State, actions: Actions) {
  const accounts = state.accounts;
  const session = state.sessions.find((s) => s.name === state.selected);
  if (!session || !accounts) return welcomeView(state, actions);
  const listing = accounts.listing;
  // While a listing runs with nothing on screen, its accounts show as their pages arrive.
  const shown = listing?.accounts ?? accounts.arriving;
  // Nothing can be listed while the session is not signed in.
  const listable = session.state === 'signed-in' || session.state === 'refreshing';
  const empty =
    shown || accounts.loading || accounts.error || session.state === 'expired'
      ? nothing
      : html`<p class="empty">${emptyText(session, state)}</p>`;
  return html`<section class="accounts" aria-labelledby="accounts-title">
    <div class="section-head">
      <h2 id="accounts-title">Accounts <span class="muted">in ${session.name}</span></h2>
      <div class="listing-meta">
        ${listing ? html`<span class="age">Listed ${ageText(listing.fetchedAt, state.now)}</span>` : nothing}
        <button
          type="button"
          data-focus-key="refresh"
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
      // "More…" shows every session's lists even when this one has no accounts to show.
      shown || state.wholeLists
        ? accountListView(
            shown,
            state,
            actions,
            session.name,
            listing ? {} : { pending: accounts.rolesPending, failed: accounts.rolesFailed },
            empty,
          )
        : empty
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
