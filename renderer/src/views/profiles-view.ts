// The profiles SSO Tray wrote to the credentials file: which role, when they expire, whether they are kept fresh.
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Actions } from '../actions/bound-actions.js';
import type { OwnedProfile } from '../api.js';
import type { State } from '../state.js';
import { momentText } from '../time-text.js';
import { configSyncView } from './config-sync-view.js';

export function profilesView(state: State, actions: Actions) {
  const names = new Map((state.accounts?.listing?.accounts ?? []).map((a) => [a.accountId, a.accountName]));
  return html`<section class="profiles" aria-labelledby="profiles-title">
    <div class="section-head"><h2 id="profiles-title">Profiles</h2></div>
    <p class="muted">
      Profiles SSO Tray wrote to your credentials file. Those kept fresh are rewritten before they expire,
      while the session is signed in.
    </p>
    ${
      state.profiles.length === 0
        ? html`<p class="empty">
            No profiles yet: open Access keys on a role and choose Write to credentials file.
          </p>`
        : html`<table class="table" role="table">
            <thead>
              <tr role="row">
                <th scope="col" role="columnheader">Profile</th>
                <th scope="col" role="columnheader">Role</th>
                <th scope="col" role="columnheader">Expires</th>
                <th scope="col" role="columnheader">Kept fresh</th>
                <th scope="col" role="columnheader"><span class="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              ${repeat(
                state.profiles,
                (p) => p.profile,
                (p) => profileRow(p, names, state, actions),
              )}
            </tbody>
          </table>`
    }
    ${configSyncView(state, actions)}
  </section>`;
}

function profileRow(p: OwnedProfile, names: Map<string, string>, state: State, actions: Actions) {
  const expired = Date.parse(p.expiration) <= state.now;
  const error = state.profileErrors[p.profile];
  return html`<tr role="row">
    <th scope="row" role="rowheader" class="mono">${p.profile}</th>
    <td role="cell">
      ${p.roleName}
      <span class="account-meta">${names.get(p.accountId) ?? p.accountId} · ${p.session}</span>
    </td>
    <td role="cell" class=${expired ? 'warn' : ''} data-label="Expires">
      <span class="when">${expired ? 'Expired ' : ''}${momentText(p.expiration, state.now)}</span>
    </td>
    <td role="cell" data-label="Kept fresh">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          .checked=${p.keepFresh}
          aria-label="Keep ${p.profile} fresh"
          @change=${(e: Event) => actions.setProfileKeepFresh(p, (e.target as HTMLInputElement).checked)}
        />
        ${p.keepFresh ? 'On' : 'Off'}
      </label>
    </td>
    <td role="cell">
      <button
        type="button"
        class="ghost small"
        aria-label="Remove ${p.profile}"
        @click=${() => actions.removeProfile(p.profile)}
      >
        Remove
      </button>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    </td>
  </tr>`;
}
