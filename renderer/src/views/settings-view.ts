// Settings, saved together: sharing the sign-in with the AWS CLI, profiles on sign-out, the profile name template,
// the preferred sign-in, the default region, the theme, starting at login and the quick-pick's shortcut.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { State } from '../state.js';
import { PLACEHOLDER_HINT } from '../../../shared/profile-name-template.js';
import { textField } from './text-field.js';
import { updatesView } from './updates-view.js';

export function settingsView(state: State, actions: Actions) {
  const settings = state.settings;
  if (!settings) return html`<p role="status">Loading settings…</p>`;
  const task = state.settingsTask;
  const canStartAtLogin = state.capabilities.startAtLogin;
  // The error about a field sits under it, marked and read with it; others under the Save button.
  const errorOf = (input: string) => (task.error && task.field === input ? task.error : undefined);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const theme = String(data.get('theme'));
    // After a refusal the user lands on the field to fix (once the next frame has marked it).
    const focusInvalid = () =>
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    void actions
      .saveSettings({
        shareTokenCacheWithAwsCli: data.get('share') === 'on',
        removeProfilesOnSignOut: data.get('removeOnSignOut') === 'on',
        profileNameTemplate: String(data.get('template') ?? ''),
        preferredSignIn: data.get('signIn') === 'device-code' ? 'device-code' : 'browser',
        defaultRegion: String(data.get('region') ?? ''),
        theme: theme === 'light' || theme === 'dark' ? theme : 'system',
        quickPickShortcut: String(data.get('shortcut') ?? '').trim(),
        ...(canStartAtLogin ? { startAtLogin: data.get('startAtLogin') === 'on' } : {}),
      })
      .then(focusInvalid);
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
        ${textField({
          id: 'settings-template',
          name: 'template',
          label: 'Profile name template',
          value: settings.profileNameTemplate,
          mono: true,
          hint: html`Names the profiles written to ~/.aws/credentials. Placeholders:
            <span class="mono">${PLACEHOLDER_HINT}</span>.`,
          error: errorOf('template'),
          errorId: 'settings-error',
        })}
        ${textField({
          id: 'settings-region',
          name: 'region',
          label: 'Default region',
          value: settings.defaultRegion ?? '',
          placeholder: 'none',
          hint: 'Added as AWS_REGION to copied credentials; empty for none.',
          error: errorOf('region'),
          errorId: 'settings-error',
        })}
      </fieldset>
      <fieldset>
        <legend>The app</legend>
        <div class="field">
          <label for="settings-theme">Theme</label>
          <select id="settings-theme" name="theme">
            ${(['system', 'light', 'dark'] as const).map(
              (t) =>
                html`<option value=${t} ?selected=${settings.theme === t}>
                  ${t === 'system' ? 'As the system' : t === 'light' ? 'Light' : 'Dark'}
                </option>`,
            )}
          </select>
        </div>
        ${
          canStartAtLogin
            ? html`<label class="check">
                <input type="checkbox" name="startAtLogin" .checked=${settings.startAtLogin} />
                Start SSO Tray when I log in
              </label>`
            : nothing
        }
        ${textField({
          id: 'settings-shortcut',
          name: 'shortcut',
          label: 'Quick-pick shortcut',
          value: settings.quickPickShortcut,
          placeholder: 'none',
          hint: 'Opens “Find a role” from anywhere, such as CommandOrControl+Shift+A; empty for none.',
          error: errorOf('shortcut'),
          errorId: 'settings-error',
        })}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${task.busy}>
          ${task.busy ? 'Saving…' : 'Save settings'}
        </button>
        ${task.done ? html`<p class="note" role="status">${task.done}</p>` : nothing}
        ${task.error && !task.field ? html`<p class="error" role="alert">${task.error}</p>` : nothing}
      </div>
    </form>
    ${updatesView(state, actions)}
  </section>`;
}
