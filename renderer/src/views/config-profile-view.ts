// The dialog's small menu: add the role to ~/.aws/config as a profile the AWS CLI and SDKs use by themselves.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { AccessKeysState } from '../state.js';

/** The profile name the credentials file block uses (its first line, "[name]"), as the suggestion here. */
function suggestedName(d: AccessKeysState): string {
  return d.profileName ?? `${d.role.accountId}_${d.role.roleName}`;
}

export function configMenu(d: AccessKeysState, actions: Actions) {
  const task = d.writeConfig;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const kind = data.get('kind') === 'credential-process' ? 'credential-process' : 'sso';
    void actions.writeConfigProfile(String(data.get('profile') ?? ''), kind);
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
      ${task.error ? html`<p class="error" role="alert">${task.error}</p>` : nothing}
    </form>
  </details>`;
}
