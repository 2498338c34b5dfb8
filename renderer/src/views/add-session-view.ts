// The form that adds an AWS access portal: name, start URL, region; hints as the user types, the core's sentence
// when it refuses.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions/bound-actions.js';
import { COMMON_REGIONS, sessionFormHints, type SessionFields } from '../session-form-hints.js';
import type { State } from '../state.js';
import { textField } from './text-field.js';

function fieldsOf(form: HTMLFormElement): SessionFields {
  const data = new FormData(form);
  return {
    name: String(data.get('name') ?? ''),
    startUrl: String(data.get('startUrl') ?? ''),
    region: String(data.get('region') ?? ''),
  };
}

export function addSessionView(state: State, actions: Actions, where: 'main' | 'side') {
  const { hints, showHints, busy, error, touched = [] } = state.addSession;
  // The button waits for a valid form; each field's hint shows once the user has typed in it.
  const valid = touched.length > 0 && Object.keys(hints).length === 0;
  const shows = (name: keyof SessionFields) => showHints || touched.includes(name);
  const id = (field: string) => `add-${where}-${field}`;
  // Each field's as-you-type hint takes its help's place once the user has typed in it.
  const common = (name: keyof SessionFields) => ({
    id: id(name),
    name,
    required: true,
    problem: shows(name) ? hints[name] : undefined,
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = fieldsOf(form);
    // The first field with a hint takes the focus, so the user lands where the fix is needed.
    const hints = sessionFormHints(fields);
    const first = (['name', 'startUrl', 'region'] as const).find((field) => hints[field]);
    if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
    if (await actions.addSession(fields)) form.reset();
  };
  const onInput = (event: Event) =>
    actions.hintSessionForm(
      fieldsOf(event.currentTarget as HTMLFormElement),
      (event.target as HTMLInputElement).name,
    );

  return html`<form
    class="add-session"
    aria-label="Add a session"
    data-focus-key="add-session-form"
    novalidate
    @submit=${submit}
    @input=${onInput}
  >
    ${textField({
      ...common('name'),
      label: 'Name',
      focusAfter: 'add-session',
      hint: 'A short name for this sign-in, such as acme.',
    })}
    ${textField({
      ...common('startUrl'),
      label: 'Start URL',
      type: 'url',
      autocomplete: 'url',
      placeholder: 'https://d-1234567890.awsapps.com/start',
      hint: 'Your AWS access portal URL.',
    })}
    ${textField({
      ...common('region'),
      label: 'Region',
      initial: state.settings?.defaultRegion ?? 'us-east-1',
      suggestions: COMMON_REGIONS,
      hint: 'Where your IAM Identity Center lives.',
    })}
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    <div class="actions">
      <button type="submit" class="primary" data-focus-key="add-session-submit" ?disabled=${busy || !valid}>
        ${busy ? 'Adding…' : 'Add session'}
      </button>
      ${
        where === 'side'
          ? html`<button
              type="button"
              class="ghost"
              data-focus-key="add-session-cancel"
              @click=${() => actions.toggleAddSession(false)}
            >
              Cancel
            </button>`
          : nothing
      }
    </div>
  </form>`;
}
