// The dialog's small menu: add the role to ~/.aws/config as a profile the AWS CLI and SDKs use by themselves.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { AccessKeysState } from '../state.js';

/** The profile name the credentials file block uses (its first line, "[name]"), as the suggestion here. */
function suggestedName(d: AccessKeysState): string {
  return d.profileName ?? `${d.role.accountId}_${d.role.roleName}`;
}

/** The Kind chosen in the form. */
function kindOf(form: HTMLFormElement | null): 'sso' | 'credential-process' {
  return form && new FormData(form).get('kind') === 'credential-process' ? 'credential-process' : 'sso';
}

export function configMenu(d: AccessKeysState, actions: Actions) {
  const task = d.writeConfig;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void actions.writeConfigProfile(String(new FormData(form).get('profile') ?? ''), kindOf(form));
  };
  return html`<details class="menu">
    <summary>More</summary>
    <form class="config-profile" aria-label="Add to ~/.aws/config" @submit=${submit}>
      <div class="field">
        <label for="config-profile-name">Profile name</label>
        <input
          id="config-profile-name"
          name="profile"
          value=${suggestedName(d)}
          spellcheck="false"
          autocomplete="off"
        />
      </div>
      <div class="field">
        <label for="config-profile-kind">Kind</label>
        <select id="config-profile-kind" name="kind">
          <option value="sso">SSO profile (the AWS CLI signs in through the session)</option>
          <option value="credential-process">credential_process (asks SSO Tray)</option>
        </select>
      </div>
      <button type="submit" ?disabled=${task.busy}>${task.busy ? 'Adding…' : 'Add to ~/.aws/config'}</button>
      ${task.done ? html`<p class="note" role="status">${task.done}</p>` : nothing}
      ${task.error ? html`<p class="error" role="alert" id="config-profile-error">${task.error}</p>` : nothing}
      ${
        task.replace && !task.busy
          ? html`<button
              type="button"
              aria-describedby="config-profile-error"
              @click=${(e: Event) => actions.replaceConfigProfile(kindOf((e.currentTarget as HTMLButtonElement).form))}
            >
              Replace it
            </button>`
          : nothing
      }
    </form>
  </details>`;
}
