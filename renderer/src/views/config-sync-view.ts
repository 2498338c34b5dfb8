// "Profiles in ~/.aws/config" under Profiles: the sync's choices, what a sync with them would add, change and remove
// for the chosen session, Apply (which saves the choices), and the switch that keeps them in sync after each listing.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { State } from '../state.js';
import { choicesFromSettings, sameChoices, syncChoicesOf } from '../sync-choices.js';
import { syncChoicesView } from './config-sync-choices-view.js';

function names(title: string, list: string[]) {
  if (list.length === 0) return nothing;
  return html`<div class="sync-group">
    <h4>${title} (${list.length.toLocaleString('en-US')})</h4>
    <!-- A scrolling list is a Tab stop, so the keyboard can scroll it (axe scrollable-region-focusable). -->
    <ul class="sync-names" aria-label=${title} tabindex="0">
      ${list.slice(0, 50).map((name) => html`<li class="mono">${name}</li>`)}
      ${list.length > 50 ? html`<li class="muted">and ${list.length - 50} more</li>` : nothing}
    </ul>
  </div>`;
}

export function configSyncView(state: State, actions: Actions) {
  const sync = state.configSync;
  const preview = sync?.preview;
  const choices = syncChoicesOf(state);
  const saved = state.settings?.configSync;
  const pending = preview ? preview.added.length + preview.changed.length + preview.removed.length : 0;
  // Apply writes what the preview shows, and saves choices that differ from the saved ones even when nothing changes.
  const edited = !!choices && !!saved && !sameChoices(choices, choicesFromSettings(saved));
  const canApply = !!preview && !sync?.loading && !sync?.busy && !sync?.field && (pending > 0 || edited);
  return html`<section class="config-sync" aria-labelledby="config-sync-title">
    <div class="section-head"><h3 id="config-sync-title">Profiles in ~/.aws/config</h3></div>
    <p class="muted">
      A profile for every role${sync ? html` of <strong>${sync.session}</strong>` : nothing} that the AWS CLI
      and SDKs sign in with by themselves. Profiles you wrote are never changed. Apply saves these choices:
      the sync after each listing and <span class="mono">sso-tray config sync</span> use them.
    </p>
    ${choices ? syncChoicesView(state, choices, actions) : nothing}
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        .checked=${state.settings?.syncConfigProfiles ?? false}
        @change=${(e: Event) => actions.setSyncAfterListing((e.target as HTMLInputElement).checked)}
      />
      Keep them in sync after each listing
    </label>
    ${
      !sync
        ? html`<p class="empty">Choose a session to see its profiles.</p>`
        : sync.loading && !preview
          ? html`<p class="muted" role="status">Working out what a sync would change…</p>`
          : nothing
    }
    ${
      preview
        ? html`<div
            class="sync-preview"
            aria-label="What a sync would change"
            aria-busy=${sync?.loading ? 'true' : 'false'}
          >
            ${preview.summary.map((line) => html`<p class="sync-summary">${line}</p>`)}
            ${names('Add', preview.added)} ${names('Change', preview.changed)}
            ${names('Remove', preview.removed)}
          </div>`
        : nothing
    }
    ${
      sync && (preview || !sync.loading)
        ? html`<div class="actions">
            <button
              type="button"
              class="primary"
              ?disabled=${!canApply}
              @click=${() => actions.applyConfigSync()}
            >
              ${sync.busy ? 'Applying…' : 'Apply'}
            </button>
            <button type="button" class="ghost" @click=${() => actions.previewConfigSync()}>
              Check again
            </button>
          </div>`
        : nothing
    }
    ${sync?.done ? html`<p class="note" role="status">${sync.done}</p>` : nothing}
    ${sync?.error && !sync.field ? html`<p class="error" role="alert">${sync.error}</p>` : nothing}
  </section>`;
}
