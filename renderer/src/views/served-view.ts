// "Served credentials": the roles served to local programs at 127.0.0.1, what each has answered, and per endpoint
// Copy variables (the main process writes the clipboard) and Stop. The token never reaches this page.
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Actions } from '../actions/bound-actions.js';
import type { ServedEndpoint } from '../api.js';
import type { State, VariablesFormat } from '../state.js';
import { momentText } from '../time-text.js';
import { plural } from '../session-text.js';
import { windowSentence } from '../next-step-words.js';
import { SHELLS } from '../../../shared/credential-formats.js';

export function servedView(state: State, actions: Actions) {
  const names = new Map((state.accounts?.listing?.accounts ?? []).map((a) => [a.accountId, a.accountName]));
  const note = state.servedNote;
  return html`<section class="served" aria-labelledby="served-title">
    <div class="section-head"><h2 id="served-title">Served credentials</h2></div>
    <p class="muted">
      Programs on this computer read these roles' credentials from SSO Tray, renewed before they expire, with
      the AWS SDKs' container credentials provider: set the two variables Copy variables puts on the
      clipboard. Each endpoint answers only on 127.0.0.1 and only with its own token; it stops when you stop
      it, sign out or quit.
    </p>
    ${shellChoice(state, actions)}
    <p class="sr-status" role="status">${note && !note.error ? note.text : ''}</p>
    ${note?.error ? html`<p class="error" role="alert">${note.text}</p>` : nothing}
    ${
      state.served.length === 0
        ? html`<p class="empty">
            Nothing is served: open Access keys on a role and choose Serve to local programs.
          </p>`
        : html`<table class="table">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Address</th>
                <th scope="col">Activity</th>
                <th scope="col"><span class="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              ${repeat(
                state.served,
                (e) => e.id,
                (e) => servedRow(e, names.get(e.accountId) ?? e.accountId, state, actions),
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function shellChoice(state: State, actions: Actions) {
  return html`<div class="field served-shell">
    <label for="served-shell">Copy variables for</label>
    <select
      id="served-shell"
      data-focus-after="served-stop"
      @change=${(e: Event) =>
        actions.setServedShell((e.target as HTMLSelectElement).value as VariablesFormat)}
    >
      ${SHELLS.map(
        (s) =>
          html`<option value=${s.format} ?selected=${s.format === state.servedShell}>${s.short}</option>`,
      )}
    </select>
  </div>`;
}

function servedRow(e: ServedEndpoint, accountName: string, state: State, actions: Actions) {
  const title = `${e.roleName} in ${accountName}`;
  return html`<tr>
    <th scope="row">
      ${e.roleName}
      <span class="account-meta">${accountName} · ${e.session}</span>
    </th>
    <td>
      <span class="mono url">${urlParts(e.url)}</span>
      <span class="account-meta">since ${momentText(e.startedAt, state.now)}</span>
    </td>
    <td>
      ${plural(e.served, 'request')}${e.lastRequestAt ? `, the last ${momentText(e.lastRequestAt, state.now)}` : ''}
      ${
        e.expiration
          ? html`<span class="account-meta"
              >credentials expire <span class="when">${momentText(e.expiration, state.now)}</span></span
            >`
          : nothing
      }
      ${e.problem ? html`<p class="warn">${windowSentence(e.problem)}</p>` : nothing}
    </td>
    <td class="served-actions">
      <button
        type="button"
        class="small"
        aria-label="Copy variables for ${title}"
        @click=${() => actions.copyServedVariables(e)}
      >
        Copy variables
      </button>
      <button
        type="button"
        class="ghost small"
        data-focus-key="served-stop"
        aria-label="Stop serving ${title}"
        @click=${() => actions.stopServing(e)}
      >
        Stop
      </button>
    </td>
  </tr>`;
}

/** The address, free to wrap before its path only ("http://127.0.0.1:PORT" then "/role-credentials"). */
function urlParts(url: string) {
  const path = url.indexOf('/', 'http://'.length);
  return path < 0 ? url : html`${url.slice(0, path)}<wbr />${url.slice(path)}`;
}
