// The sessions column: each sign-in with its state, its sign-in in progress and its buttons; adding one.
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Actions } from '../actions/bound-actions.js';
import type { SessionView } from '../api.js';
import { sessionStatus } from '../session-text.js';
import type { State } from '../state.js';
import { addSessionView } from './add-session-view.js';
import { signInView } from './sign-in-view.js';

const SOURCE_TEXT: Record<SessionView['source'], string> = {
  app: 'added in SSO Tray',
  'sso-session': 'from ~/.aws/config',
  'legacy-profile': 'legacy profile in ~/.aws/config',
};

export function sessionsView(state: State, actions: Actions) {
  const hasSessions = state.sessions.length > 0;
  return html`<aside class="sessions" aria-labelledby="sessions-title">
    <div class="pane-head">
      <h2 id="sessions-title">Sessions</h2>
      ${
        hasSessions && !state.addSession.open
          ? html`<button
              type="button"
              class="ghost small"
              data-focus-key="add-session"
              data-focus-after="add-session-cancel add-session-done"
              @click=${() => actions.toggleAddSession(true)}
            >
              Add session
            </button>`
          : nothing
      }
    </div>
    ${hasSessions && state.addSession.open ? addSessionView(state, actions, 'side') : nothing}
    ${
      hasSessions
        ? html`<ul class="session-list">
            ${repeat(
              state.sessions,
              (s) => s.name,
              (s) => sessionCard(s, state, actions),
            )}
          </ul>`
        : html`<p class="muted">No sessions yet.</p>`
    }
  </aside>`;
}

function sessionCard(view: SessionView, state: State, actions: Actions) {
  const status = sessionStatus(view, state.now);
  const activity = signingIn(view, state);
  const selected = state.selected === view.name;
  // The core's 'sign-in-needed' sentence is often the reason the status line shows already.
  const note =
    state.sessionNotes[view.name]?.text === status.detail ? undefined : state.sessionNotes[view.name];
  const titleId = `session-${view.name}`;
  return html`<li class="session-card ${selected ? 'selected' : ''}">
    <section aria-labelledby=${titleId}>
      <h3 class="session-name">
        <button
          type="button"
          id=${titleId}
          class="session-select"
          aria-pressed=${selected ? 'true' : 'false'}
          @click=${() => actions.selectSession(view.name)}
        >
          ${view.name}
        </button>
      </h3>
      <p class="status tone-${status.tone}"><span class="dot" aria-hidden="true"></span>${status.label}</p>
      ${
        // A selected session's end is said once, in the banner over its accounts (with Sign in again).
        status.detail && !(selected && view.state === 'expired')
          ? html`<p class="detail">${status.detail}</p>`
          : nothing
      }
      <p class="where small muted">${view.startUrl} · ${view.region} · ${SOURCE_TEXT[view.source]}</p>
      ${activity ? signInView(view.name, activity, state, actions) : nothing}
      <div class="actions">${sessionButtons(view, state, actions)}</div>
      ${
        note
          ? html`<p class=${note.error ? 'error' : 'note'} role=${note.error ? 'alert' : 'status'}>
              ${note.text}
            </p>`
          : nothing
      }
    </section>
  </li>`;
}

/** The sign-in on its way, until the core says the session is signed in (its answer may come later). */
function signingIn(view: SessionView, state: State) {
  return view.state === 'signed-in' || view.state === 'refreshing' ? undefined : state.signIns[view.name];
}

function sessionButtons(view: SessionView, state: State, actions: Actions) {
  if (signingIn(view, state) || view.state === 'signing-in') {
    return html`<button
      type="button"
      data-focus-key="cancel-sign-in:${view.name}"
      data-focus-after="sign-in:${view.name}:browser sign-in:${view.name}:device-code"
      @click=${() => actions.cancelSignIn(view.name)}
    >
      Cancel sign-in
    </button>`;
  }
  const remove =
    view.source === 'app'
      ? html`<button type="button" class="ghost small" @click=${() => actions.removeSession(view.name)}>
          Remove
        </button>`
      : nothing;
  if (view.state === 'signed-in' || view.state === 'refreshing') {
    return html`<button
        type="button"
        data-focus-key="sign-out:${view.name}"
        data-focus-after="cancel-sign-in:${view.name}"
        @click=${() => actions.signOut(view.name)}
      >
        Sign out</button
      >${remove}`;
  }
  const preferred = state.settings?.preferredSignIn ?? 'browser';
  const flows =
    preferred === 'browser' ? (['browser', 'device-code'] as const) : (['device-code', 'browser'] as const);
  return html`${flows.map(
    (flow, i) =>
      html`<button
        type="button"
        class=${i === 0 ? 'primary' : ''}
        data-focus-key="sign-in:${view.name}:${flow}"
        data-focus-after=${i === 0 ? `sign-out:${view.name} cancel-sign-in:${view.name}${state.selected === view.name ? ' add-session-form' : ''}` : ''}
        @click=${() => actions.signIn(view.name, flow)}
      >
        ${flow === 'browser' ? 'Sign in with the browser' : 'Sign in with a device code'}
      </button>`,
  )}${remove}`;
}
