// The one banner above a session's accounts: the core's sentence with its action (the button its next step names,
// such as Sign in again or Refresh), and how old the accounts still shown are.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { SessionView } from '../api.js';
import type { AccountsState, State } from '../state.js';
import { ageText } from '../time-text.js';
import { windowSentence, windowStep, type StepButton } from '../next-step-words.js';
import type { Problem } from '../../../electron/core/next-step.js';

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
    const reason: Problem = state.signInNeeded[session.name] ??
      session.reason ?? { message: `You are signed out of ${session.name}; sign in to see your accounts.` };
    // The sentence names the button beside it: both come from the window's wording of the next step.
    const offered = reason.next ? windowStep(reason.next).button : undefined;
    const button: StepButton = offered ?? {
      label: session.state === 'expired' ? 'Sign in again' : 'Sign in',
      run: 'sign-in',
      session: session.name,
    };
    return banner(windowSentence(reason), stale, stepButton(button, actions, preferred));
  }
  if (accounts.error) {
    // The step's button when it has one (Sign in again for an ended session, Refresh), else a plain Retry.
    const offered = accounts.errorNext ? windowStep(accounts.errorNext).button : undefined;
    return banner(
      accounts.error,
      stale,
      offered
        ? stepButton(offered, actions, preferred)
        : html`<button type="button" @click=${() => actions.refreshAccounts()}>Retry</button>`,
    );
  }
  return nothing;
}

function stepButton(button: StepButton, actions: Actions, preferred: 'browser' | 'device-code') {
  const run = () =>
    button.run === 'sign-in' ? actions.signIn(button.session, preferred) : actions.refreshAccounts();
  return html`<button type="button" class="primary" @click=${run}>${button.label}</button>`;
}

function banner(sentence: string, stale: unknown, action: unknown) {
  return html`<div class="notice" role="alert">
    <p><span class="sentence">${sentence}</span> ${stale}</p>
    ${action}
  </div>`;
}
