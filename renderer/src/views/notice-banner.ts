// The one banner above a session's accounts: the core's sentence with its action (Sign in again, Retry), and how
// old the accounts still shown are.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions.js';
import type { SessionView } from '../api.js';
import type { AccountsState, State } from '../state.js';
import { ageText } from '../time-text.js';

export function accountsNotice(
  state: State,
  session: SessionView,
  accounts: AccountsState,
  actions: Actions,
) {
  if (state.signIns[session.name] || session.state === 'signing-in') return nothing;
  const listing = accounts.listing;
  const stale = listing
    ? html`<span class="stale">Showing the accounts listed ${ageText(listing.fetchedAt, state.now)}.</span>`
    : nothing;
  const preferred = state.settings?.preferredSignIn ?? 'browser';
  const ended =
    session.state === 'expired' || (session.state === 'signed-out' && (listing || session.reason));
  if (ended) {
    const sentence =
      state.signInNeeded[session.name] ??
      session.reason ??
      `You are signed out of ${session.name}; sign in to see your accounts.`;
    return banner(
      sentence,
      stale,
      html`<button type="button" class="primary" @click=${() => actions.signIn(session.name, preferred)}>
        ${session.state === 'expired' ? 'Sign in again' : 'Sign in'}
      </button>`,
    );
  }
  if (accounts.error) {
    return banner(
      accounts.error,
      stale,
      html`<button type="button" @click=${() => actions.refreshAccounts()}>Retry</button>`,
    );
  }
  return nothing;
}

function banner(sentence: string, stale: unknown, action: unknown) {
  return html`<div class="notice" role="alert">
    <p><span class="sentence">${sentence}</span> ${stale}</p>
    ${action}
  </div>`;
}
