// The whole window: the sections, the sessions column, the chosen section, and the Access keys dialog.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { Section, State } from '../state.js';
import logoUrl from '../assets/logo.png';
import { accessKeysDialog } from './access-keys-view.js';
import { accountsView } from './accounts-section-view.js';
import { quickPickDialog } from '../quick-pick/quick-pick-view.js';
import { profilesView } from './profiles-view.js';
import { sessionsView } from './sessions-view.js';
import { settingsView } from './settings-view.js';
import { servedView } from './served-view.js';

const SECTIONS: Array<[Section, string]> = [
  ['accounts', 'Accounts'],
  ['profiles', 'Profiles'],
  ['served', 'Served'],
  ['settings', 'Settings'],
];

export function appView(state: State, actions: Actions) {
  if (!state.ready) return html`<p class="loading" role="status">Loading…</p>`;
  return html`<header class="topbar">
      <h1 class="brand"><img class="logo" src=${logoUrl} alt="" width="22" height="22" />SSO Tray</h1>
      <nav aria-label="Sections" class="sections">
        ${SECTIONS.map(
          ([id, label]) =>
            html`<button
              type="button"
              class="section-tab"
              aria-current=${state.section === id ? 'page' : nothing}
              @click=${() => actions.showSection(id)}
            >
              ${label}
            </button>`,
        )}
      </nav>
      <button type="button" class="ghost small find-role" @click=${() => actions.openQuickPick()}>
        Find a role <kbd>/</kbd>
      </button>
    </header>
    ${state.loadError ? html`<p class="banner error" role="alert">${state.loadError}</p>` : nothing}
    ${
      state.problem
        ? html`<div class="banner warn" role="alert">
            <span>${state.problem}</span>
            <button type="button" class="ghost small" @click=${() => actions.dismissProblem()}>
              Dismiss
            </button>
          </div>`
        : nothing
    }
    <!-- The live region stays in the page: one inserted with its text is not announced by every screen reader. -->
    <div role="status">${state.toast ? html`<p class="banner toast">${state.toast}</p>` : nothing}</div>
    <div class="layout">
      ${sessionsView(state, actions)}
      <main class="content">${sectionView(state, actions)}</main>
    </div>
    ${accessKeysDialog(state, actions)} ${quickPickDialog(state, actions)}`;
}

function sectionView(state: State, actions: Actions) {
  if (state.section === 'profiles') return profilesView(state, actions);
  if (state.section === 'settings') return settingsView(state, actions);
  if (state.section === 'served') return servedView(state, actions);
  return accountsView(state, actions);
}
