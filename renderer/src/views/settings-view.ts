// Settings, saved together: sharing the sign-in with the AWS CLI, profiles on sign-out, the profile name template,
// the preferred sign-in and the default region.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions.js';
import type { State } from '../state.js';

export function settingsView(state: State, actions: Actions) {
  const settings = state.settings;
  if (!settings) return html`<p role="status">Loading settings…</p>`;
  const task = state.settingsTask;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void actions.saveSettings({
      shareTokenCacheWithAwsCli: data.get('share') === 'on',
      removeProfilesOnSignOut: data.get('removeOnSignOut') === 'on',
      profileNameTemplate: String(data.get('template') ?? ''),
      preferredSignIn: data.get('signIn') === 'device-code' ? 'device-code' : 'browser',
      defaultRegion: String(data.get('region') ?? ''),
    });
  };
  return html`<section class="settings" aria-labelledby="settings-title">
    <div class="section-head"><h2 id="settings-title">Settings</h2></div>
    <form class="settings-form" aria-labelledby="settings-title" @submit=${submit}>
      <fieldset>
        <legend>Signing in</legend>
        <label class="check">
          <input type="checkbox" name="share" .checked=${settings.shareTokenCacheWithAwsCli} />
          Share the sign-in with the AWS CLI
          <span class="hint"
            >Tokens go to ~/.aws/sso/cache, where <code>aws</code> and the SDKs find them.</span
          >
        </label>
        <div class="field">
          <label for="settings-sign-in">Preferred sign-in</label>
          <select id="settings-sign-in" name="signIn" .value=${settings.preferredSignIn}>
            <option value="browser" ?selected=${settings.preferredSignIn === 'browser'}>
              In the browser
            </option>
            <option value="device-code" ?selected=${settings.preferredSignIn === 'device-code'}>
              With a device code
            </option>
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>Profiles</legend>
        <label class="check">
          <input type="checkbox" name="removeOnSignOut" .checked=${settings.removeProfilesOnSignOut} />
          Remove the profiles SSO Tray wrote when signing out
        </label>
        <div class="field">
          <label for="settings-template">Profile name template</label>
          <input
            id="settings-template"
            name="template"
            spellcheck="false"
            autocomplete="off"
            .value=${settings.profileNameTemplate}
            aria-describedby="settings-template-hint"
          />
          <p class="hint" id="settings-template-hint">
            Uses {accountId}, {accountName}, {roleName} and {session}.
          </p>
        </div>
        <div class="field">
          <label for="settings-region">Default region</label>
          <input
            id="settings-region"
            name="region"
            spellcheck="false"
            autocomplete="off"
            placeholder="none"
            .value=${settings.defaultRegion ?? ''}
            aria-describedby="settings-region-hint"
          />
          <p class="hint" id="settings-region-hint">
            Added as AWS_REGION to copied credentials; empty for none.
          </p>
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${task.busy}>
          ${task.busy ? 'Saving…' : 'Save settings'}
        </button>
        ${task.done ? html`<p class="note" role="status">${task.done}</p>` : nothing}
        ${task.error ? html`<p class="error" role="alert">${task.error}</p>` : nothing}
      </div>
    </form>
  </section>`;
}
