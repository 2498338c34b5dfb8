// The access portal's "Get credentials" dialog for one role: Option 1 environment variables per shell, Option 2 the
// credentials-file profile, Option 3 the individual values; each copied by the main process. Writing the role to
// the credentials file (kept fresh or not) and to ~/.aws/config sit below.
import { html, nothing } from 'lit-html';
import type { CopyWhat } from '../actions/access-keys-actions.js';
import type { Actions } from '../actions/bound-actions.js';
import type { AccessKeysState, State } from '../state.js';
import { momentText } from '../time-text.js';
import { configMenu } from './config-profile-view.js';
import { serveOption } from './serve-option-view.js';
import { SHELLS } from '../../../shared/credential-formats.js';

const VALUES: Array<{ label: string; what: CopyWhat }> = [
  { label: 'AWS access key ID', what: 'access-key-id' },
  { label: 'AWS secret access key', what: 'secret-access-key' },
  { label: 'AWS session token', what: 'session-token' },
];

export function accessKeysDialog(state: State, actions: Actions) {
  const d = state.dialog;
  return html`<dialog
    class="access-keys"
    aria-labelledby="access-keys-title"
    @close=${() => actions.closeAccessKeys()}
  >
    ${d ? dialogBody(d, state, actions) : nothing}
  </dialog>`;
}

function dialogBody(d: AccessKeysState, state: State, actions: Actions) {
  const now = state.now;
  return html`
    <header class="dialog-head">
      <div>
        <h2 id="access-keys-title">Get credentials for ${d.role.roleName}</h2>
        <p class="muted">${d.role.accountName} · <span class="mono">${d.role.accountId}</span></p>
      </div>
      <button type="button" class="icon" aria-label="Close" @click=${() => actions.closeAccessKeys()}>
        ✕
      </button>
    </header>
    <div class="dialog-body">
      ${d.loading ? html`<p role="status"><span class="spinner" aria-hidden="true"></span>Getting credentials…</p>` : nothing}
      ${
        d.error
          ? html`<div class="error-row" role="alert">
              <p class="error">${d.error}</p>
              <button type="button" data-focus-key="keys-retry" @click=${() => actions.retryAccessKeys()}>
                Try again
              </button>
            </div>`
          : nothing
      }
      ${d.expiration ? html`<p class="expiry">These credentials expire at ${momentText(d.expiration, now)}.</p>` : nothing}
      <p class="sr-status" role="status">${d.copied ? (d.announced ?? '') : ''}</p>
      ${d.copyError ? html`<p class="error" role="alert">${d.copyError}</p>` : nothing}
      ${optionShell(d, actions)} ${optionProfile(d, actions)} ${optionValues(d, actions)}
      ${serveOption(d, state, actions)} ${configMenu(d, actions)}
    </div>
  `;
}

function copyButton(d: AccessKeysState, what: CopyWhat, label: string, actions: Actions, disabled: boolean) {
  const copied = d.copied === what;
  return html`<button
    type="button"
    class="copy ${copied ? 'copied' : ''}"
    aria-label=${label}
    ?disabled=${disabled}
    @click=${() => actions.copyCredentials(what, label.replace(/^Copy /, ''))}
  >
    ${copied ? 'Copied' : 'Copy'}
  </button>`;
}

function codeBlock(text: string | undefined, label: string) {
  return html`<pre class="code" tabindex="0" aria-label=${label}>${text ?? ''}</pre>`;
}

function optionShell(d: AccessKeysState, actions: Actions) {
  const current = SHELLS.find((s) => s.format === d.shellFormat) ?? SHELLS[0]!;
  const move = (event: KeyboardEvent) => {
    const index = SHELLS.indexOf(current);
    const next =
      event.key === 'ArrowRight'
        ? index + 1
        : event.key === 'ArrowLeft'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? SHELLS.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const shell = SHELLS[(next + SHELLS.length) % SHELLS.length]!;
    void actions.selectShellFormat(shell.format);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${shell.format}`)?.focus();
  };
  return html`<section class="option" aria-labelledby="option-1-title">
    <h3 id="option-1-title">Option 1: Set AWS environment variables</h3>
    <p class="muted small">
      Paste into a terminal; the commands there use this role until the credentials expire.
    </p>
    <div class="tabs-row" role="tablist" aria-label="Shell" @keydown=${move}>
      ${SHELLS.map(
        (s) =>
          html`<button
            type="button"
            role="tab"
            id="tab-${s.format}"
            aria-controls="shell-panel"
            aria-selected=${s === current ? 'true' : 'false'}
            tabindex=${s === current ? '0' : '-1'}
            @click=${() => actions.selectShellFormat(s.format)}
          >
            ${s.short}
          </button>`,
      )}
    </div>
    <div class="code-row" role="tabpanel" id="shell-panel" aria-labelledby="tab-${current.format}">
      ${codeBlock(d.texts[current.format], `${current.short} commands`)}
      ${copyButton(d, current.format, `Copy the ${current.short} commands`, actions, d.texts[current.format] === undefined)}
    </div>
  </section>`;
}

function optionProfile(d: AccessKeysState, actions: Actions) {
  const task = d.writeFile;
  return html`<section class="option" aria-labelledby="option-2-title">
    <h3 id="option-2-title">Option 2: Add a profile to your AWS credentials file</h3>
    <p class="muted small">Paste into ~/.aws/credentials, or let SSO Tray write it there.</p>
    <div class="field profile-name">
      <label for="access-keys-profile">Profile name</label>
      <input
        id="access-keys-profile"
        spellcheck="false"
        autocomplete="off"
        .value=${d.profileName ?? ''}
        aria-describedby="access-keys-profile-hint"
        @change=${(e: Event) => actions.setProfileName((e.target as HTMLInputElement).value)}
      />
      <p class="hint" id="access-keys-profile-hint">
        The block below and Write to credentials file both use this name.
      </p>
    </div>
    <div class="code-row">
      ${codeBlock(d.texts.profile, 'Profile block')}
      ${copyButton(d, 'profile', 'Copy the profile block', actions, d.texts.profile === undefined)}
    </div>
    <div class="write-row">
      <label class="check">
        <input
          type="checkbox"
          .checked=${d.keepFresh}
          @change=${(e: Event) => actions.setKeepFresh((e.target as HTMLInputElement).checked)}
        />
        Keep it fresh (rewritten before the credentials expire)
      </label>
      <button
        type="button"
        ?disabled=${task.busy || d.texts.env === undefined}
        title=${d.texts.env === undefined ? 'Available once the credentials are fetched' : nothing}
        @click=${() => actions.writeCredentialsFile()}
      >
        ${task.busy ? 'Writing…' : 'Write to credentials file'}
      </button>
    </div>
    ${task.done ? html`<p class="note" role="status">${task.done}</p>` : nothing}
    ${task.error ? html`<p class="error" role="alert" id="write-file-error">${task.error}</p>` : nothing}
    ${
      task.replace && !task.busy
        ? html`<button
            type="button"
            aria-describedby="write-file-error"
            @click=${() => actions.replaceProfile()}
          >
            Replace it
          </button>`
        : nothing
    }
  </section>`;
}

/** The "Label: value" lines of the 'values' format, as fields. */
function valuesOf(text: string | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of (text ?? '').split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) values.set(line.slice(0, at), line.slice(at + 2));
  }
  return values;
}

function optionValues(d: AccessKeysState, actions: Actions) {
  const values = valuesOf(d.texts.values);
  return html`<section class="option" aria-labelledby="option-3-title">
    <h3 id="option-3-title">Option 3: Use individual values in your AWS service client</h3>
    <dl class="values">
      ${VALUES.map(({ label, what }) => {
        const value = values.get(label);
        return html`<div class="value-row">
          <dt>${label}</dt>
          <dd>
            <code class="value mono" tabindex="0" aria-label=${label}>${value ?? ''}</code>
            ${copyButton(d, what, `Copy the ${label}`, actions, value === undefined)}
          </dd>
        </div>`;
      })}
    </dl>
  </section>`;
}
