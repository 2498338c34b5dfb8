// The Access keys dialog's last option: serve the role to local programs at 127.0.0.1, renewed by SSO Tray; once
// served, its address with Copy variables and Stop, and the way to the "Served credentials" section.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { AccessKeysState, State, VariablesFormat } from '../state.js';
import { SHELLS } from '../../../shared/credential-formats.js';

export function serveOption(d: AccessKeysState, state: State, actions: Actions) {
  const served = state.served.find(
    (e) => e.session === d.role.session && e.accountId === d.role.accountId && e.roleName === d.role.roleName,
  );
  const task = d.serve;
  // The shell chosen in Option 1 (every tab there is a line format the variables can be written in).
  const shell = SHELLS.find((s) => s.format === d.shellFormat) ?? SHELLS[0]!;
  const title = `${d.role.roleName} in ${d.role.accountName}`;
  return html`<section class="option" aria-labelledby="option-serve-title">
    <h3 id="option-serve-title">Serve to local programs</h3>
    <p class="muted small">
      Long-running programs and containers renew the credentials by themselves from SSO Tray (the AWS SDKs'
      container credentials), until you stop it, sign out or quit.
    </p>
    ${
      served
        ? html`<p class="note" role="status">Serving at <span class="mono">${served.url}</span>.</p>
            <div class="write-row">
              <button
                type="button"
                data-focus-after="serve-start"
                @click=${() => actions.copyServedVariables(served, shell.format as VariablesFormat)}
              >
                Copy variables (${shell.short})
              </button>
              <button
                type="button"
                class="ghost"
                data-focus-key="serve-stop"
                aria-label="Stop serving ${title}"
                @click=${() => actions.stopServing(served)}
              >
                Stop
              </button>
              <button type="button" class="link" @click=${() => actions.showServed()}>
                Show served credentials
              </button>
            </div>`
        : html`<div class="write-row">
            <button
              type="button"
              data-focus-key="serve-start"
              data-focus-after="serve-stop"
              ?disabled=${task.busy}
              @click=${() => actions.serveRole(d.role)}
            >
              ${task.busy ? 'Starting…' : 'Serve to local programs'}
            </button>
          </div>`
    }
    ${state.servedNote && served ? html`<p class=${state.servedNote.error ? 'error' : 'note'} role=${state.servedNote.error ? 'alert' : 'status'}>${state.servedNote.text}</p>` : nothing}
    ${task.error ? html`<p class="error" role="alert">${task.error}</p>` : nothing}
  </section>`;
}
