// The config sync's choices: the name template (its placeholders and an example from the listing), the kind, an
// optional region and prune. A change previews at once; a refusal of the core sits at its field.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions.js';
import type { State } from '../state.js';
import type { SyncChoiceField, SyncChoices } from '../sync-choices.js';

const KINDS = [
  {
    kind: 'sso',
    label: 'Native SSO',
    hint: 'For the AWS CLI v2 and current SDKs: they sign in through the session and renew it by themselves.',
  },
  {
    kind: 'process',
    label: 'credential_process',
    hint: 'For tools that cannot read SSO profiles (older SDKs, some third-party tools): they ask sso-tray for keys.',
  },
] as const;

export function syncChoicesView(state: State, choices: SyncChoices, actions: Actions) {
  const sync = state.configSync;
  const field = sync?.field;
  const example = sync?.preview?.example;
  const change = (c: Partial<SyncChoices>) => void actions.setSyncChoice(c);
  const invalid = (f: SyncChoiceField) => (field === f ? 'true' : nothing);
  const error = (f: SyncChoiceField) =>
    field === f && sync?.error
      ? html`<p class="error" role="alert" id="sync-${f}-error">${sync.error}</p>`
      : nothing;
  const described = (f: SyncChoiceField, hints: string) => (field === f ? `${hints} sync-${f}-error` : hints);
  return html`<fieldset class="sync-choices">
    <legend>How the profiles are written</legend>
    <div class="field">
      <label for="sync-template">Name template</label>
      <input
        id="sync-template"
        class="mono"
        spellcheck="false"
        autocomplete="off"
        .value=${choices.template}
        aria-invalid=${invalid('template')}
        aria-describedby=${described('template', 'sync-template-hint sync-template-example')}
        @input=${(e: Event) => change({ template: (e.target as HTMLInputElement).value })}
      />
      <p class="hint" id="sync-template-hint">
        Placeholders: <span class="mono">{accountName} {accountId} {emailAddress} {roleName} {session}</span>.
      </p>
      ${
        example && field !== 'template'
          ? html`<p class="hint" id="sync-template-example">
              For example <span class="mono">${example.profile}</span> for ${example.roleName} in
              ${example.accountName}.
            </p>`
          : nothing
      }
      ${error('template')}
    </div>
    <fieldset class="sync-kind">
      <legend>Kind</legend>
      ${KINDS.map(
        (k) =>
          html`<label class="check">
            <input
              type="radio"
              name="sync-kind"
              value=${k.kind}
              .checked=${choices.kind === k.kind}
              aria-describedby="sync-kind-${k.kind}"
              @change=${() => change({ kind: k.kind })}
            />
            ${k.label}
            <span class="hint" id="sync-kind-${k.kind}">${k.hint}</span>
          </label>`,
      )}
    </fieldset>
    <div class="field">
      <label for="sync-region">Region (optional)</label>
      <input
        id="sync-region"
        spellcheck="false"
        autocomplete="off"
        placeholder="none"
        .value=${choices.region}
        aria-invalid=${invalid('region')}
        aria-describedby=${described('region', 'sync-region-hint')}
        @change=${(e: Event) => change({ region: (e.target as HTMLInputElement).value })}
      />
      <p class="hint" id="sync-region-hint">Written to every profile, such as eu-west-1; empty for none.</p>
      ${error('region')}
    </div>
    <label class="check">
      <input
        type="checkbox"
        .checked=${choices.prune}
        @change=${(e: Event) => change({ prune: (e.target as HTMLInputElement).checked })}
      />
      Remove the profiles it wrote for roles no longer assigned
    </label>
  </fieldset>`;
}
