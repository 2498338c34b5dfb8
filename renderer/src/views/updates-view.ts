// The settings screen's word on updates: "Restart to update" once a verified download waits, and what this install
// means for updates (an unsigned build, the .deb, no feed), one sentence each.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { State } from '../state.js';

export function updatesView(state: State, actions: Actions) {
  const { offered, notes } = state.capabilities.update;
  if (!offered && notes.length === 0) return nothing;
  return html`<div class="settings-form">
    <fieldset>
      <legend>Updates</legend>
      ${notes.map((note) => html`<p class="hint">${note}</p>`)}
      ${
        offered
          ? html`<button type="button" class="primary" @click=${() => void actions.restartToUpdate()}>
              Restart to update (${offered})
            </button>`
          : nothing
      }
    </fieldset>
  </div>`;
}
