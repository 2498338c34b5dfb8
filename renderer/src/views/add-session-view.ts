// The form that adds an AWS access portal: name, start URL, region; hints as the user types, the core's sentence
// when it refuses.
import { html, nothing } from 'lit-html';
import type { Actions } from '../actions.js';
import { COMMON_REGIONS, sessionFormHints, type SessionFields } from '../session-form-hints.js';
import type { State } from '../state.js';

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
  const field = (name: keyof SessionFields, label: string, input: unknown, help: string) => {
    const hint = shows(name) ? hints[name] : undefined;
    return html`<div class="field">
      <label for=${id(name)}>${label}</label>
      ${input}
      <p class="hint ${hint ? 'invalid' : ''}" id=${id(`${name}-hint`)}>${hint ?? help}</p>
    </div>`;
  };
  const invalid = (name: keyof SessionFields) => (shows(name) && hints[name] ? 'true' : nothing);

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
    ${field(
      'name',
      'Name',
      html`<input
        id=${id('name')}
        name="name"
        data-focus-after="add-session"
        autocomplete="off"
        spellcheck="false"
        required
        aria-invalid=${invalid('name')}
        aria-describedby=${id('name-hint')}
      />`,
      'A short name for this sign-in, such as acme.',
    )}
    ${field(
      'startUrl',
      'Start URL',
      html`<input
        id=${id('startUrl')}
        name="startUrl"
        type="url"
        autocomplete="url"
        spellcheck="false"
        placeholder="https://d-1234567890.awsapps.com/start"
        required
        aria-invalid=${invalid('startUrl')}
        aria-describedby=${id('startUrl-hint')}
      />`,
      'Your AWS access portal URL.',
    )}
    ${field(
      'region',
      'Region',
      html`<input
          id=${id('region')}
          name="region"
          list=${id('regions')}
          autocomplete="off"
          spellcheck="false"
          value=${state.settings?.defaultRegion ?? 'us-east-1'}
          required
          aria-invalid=${invalid('region')}
          aria-describedby=${id('region-hint')}
        />
        <datalist id=${id('regions')}>
          ${COMMON_REGIONS.map((r) => html`<option value=${r}></option>`)}
        </datalist>`,
      'Where your IAM Identity Center lives.',
    )}
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
