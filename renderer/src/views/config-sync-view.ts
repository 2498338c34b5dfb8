// "Profiles in ~/.aws/config" under Profiles: what a sync would add, change and remove for the chosen session,
// Apply, and the switch that keeps them in sync after each listing.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions.js';
import type { State } from '../state.js';

function names(title: string, list: string[]) {
  if (list.length === 0) return nothing;
  return html`<div class="sync-group">
    <h4>${title} (${list.length.toLocaleString('en-US')})</h4>
    <ul class="sync-names" aria-label=${title}>
      ${list.slice(0, 50).map((name) => html`<li class="mono">${name}</li>`)}
      ${list.length > 50 ? html`<li class="muted">and ${list.length - 50} more</li>` : nothing}
    </ul>
  </div>`;
}

export function configSyncView(state: State, actions: Actions) {
  const sync = state.configSync;
  const preview = sync?.preview;
  const pending = preview ? preview.added.length + preview.changed.length + preview.removed.length : 0;
  return html`<section class="config-sync" aria-labelledby="config-sync-title">
    <div class="section-head"><h3 id="config-sync-title">Profiles in ~/.aws/config</h3></div>
    <p class="muted">
      A profile for every role${sync ? html` of <strong>${sync.session}</strong>` : nothing}, named
      <span class="mono">{accountName}.{roleName}</span>, that the AWS CLI and SDKs sign in with by
      themselves. Profiles you wrote are never changed.
    </p>
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
        : sync.loading
          ? html`<p class="muted" role="status">Working out what a sync would change…</p>`
          : nothing
    }
    ${
      preview
        ? html`<div class="sync-preview" aria-label="What a sync would change">
            ${preview.summary.map((line) => html`<p class="sync-summary">${line}</p>`)}
            ${names('Add', preview.added)} ${names('Change', preview.changed)}
            ${names('Remove', preview.removed)}
          </div>`
        : nothing
    }
    ${
      sync && !sync.loading
        ? html`<div class="actions">
            <button
              type="button"
              class="primary"
              ?disabled=${sync.busy || pending === 0}
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
    ${sync?.error ? html`<p class="error" role="alert">${sync.error}</p>` : nothing}
  </section>`;
}
