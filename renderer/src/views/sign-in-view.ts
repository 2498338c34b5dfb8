// A sign-in on its way: the device code large with where to enter it, or the browser to approve in, and a countdown.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { SignInActivity, State } from '../state.js';
import { countdownText } from '../time-text.js';

export function signInView(session: string, activity: SignInActivity, state: State, actions: Actions) {
  const now = state.now;
  const progress = activity.progress;
  const left = activity.deadline === undefined ? undefined : (activity.deadline - now) / 1000;
  const countdown = (what: string) =>
    left === undefined
      ? nothing
      : html`<p class="countdown" role="timer" aria-label="${what} ${countdownText(left)}">
          ${what} <strong>${countdownText(left)}</strong>
        </p>`;

  if (!progress || progress.step === 'registering') {
    return html`<div class="sign-in" role="status">
      <p><span class="spinner" aria-hidden="true"></span>Starting the sign-in…</p>
    </div>`;
  }
  if (progress.step === 'creating-token') {
    return html`<div class="sign-in" role="status">
      <p><span class="spinner" aria-hidden="true"></span>Finishing the sign-in…</p>
    </div>`;
  }
  if (progress.step === 'device-code') {
    const titleId = `device-code-title-${session}`;
    const copied = state.codeCopied[session];
    return html`<div class="sign-in device" role="group" aria-labelledby=${titleId}>
      <p id=${titleId}>Enter this code at <span class="address">${progress.verificationUri}</span></p>
      <div class="code-line">
        <button
          type="button"
          class="user-code"
          title="Copy the code"
          @click=${() => actions.useSignInPage(session, 'copy-code')}
        >
          ${progress.userCode}
        </button>
        <span class="copied-note" role="status">${copied === 'code' ? 'Copied' : ''}</span>
      </div>
      <div class="actions">
        <button type="button" class="primary" @click=${() => actions.useSignInPage(session, 'open')}>
          Open the page
        </button>
        <button type="button" @click=${() => actions.useSignInPage(session, 'copy-address')}>
          ${copied === 'address' ? 'Address copied' : 'Copy the address'}
        </button>
      </div>
      <p class="muted small">The page opens with the code filled in; approve it there.</p>
      ${countdown('The code expires in')}
    </div>`;
  }
  // 'open-browser' (and 'waiting' after it)
  const url = progress.step === 'open-browser' ? progress.url : undefined;
  return html`<div class="sign-in" role="group" aria-label="Sign-in">
    <p><span class="spinner" aria-hidden="true"></span>Approve the sign-in in your browser.</p>
    ${
      url
        ? html`<p class="muted small">
            If no browser opened, open this address: <span class="address">${url}</span>
          </p>`
        : nothing
    }
    ${countdown('Waiting for approval:')}
  </div>`;
}
