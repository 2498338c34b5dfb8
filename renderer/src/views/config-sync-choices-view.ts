// The config sync's choices: the name template (its placeholders and an example from the listing), the kind, an
// optional region and prune. A change previews at once; a refusal of the core sits at its field.
import { html } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import type { State } from '../state.js';
import type { SyncChoiceField, SyncChoices } from '../sync-choices.js';
import { PLACEHOLDER_HINT } from '../../../shared/profile-name-template.js';
import { textField } from './text-field.js';

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
  const errorOf = (f: SyncChoiceField) => (field === f ? sync?.error : undefined);
  return html`<fieldset class="sync-choices">
    <legend>How the profiles are written</legend>
    ${textField({
      id: 'sync-template',
      label: 'Profile name template',
      value: choices.template,
      mono: true,
      hint: html`Placeholders: <span class="mono">${PLACEHOLDER_HINT}</span>.`,
      more:
        example && field !== 'template'
          ? {
              id: 'sync-template-example',
              content: html`For example <span class="mono">${example.profile}</span> for ${example.roleName}
                in ${example.accountName}.`,
            }
          : undefined,
      error: errorOf('template'),
      errorId: 'sync-template-error',
      onInput: (template) => change({ template }),
    })}
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
    ${textField({
      id: 'sync-region',
      label: 'Region (optional)',
      value: choices.region,
      placeholder: 'none',
      hint: 'Written to every profile, such as eu-west-1; empty for none.',
      error: errorOf('region'),
      errorId: 'sync-region-error',
      onChange: (region) => change({ region }),
    })}
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
