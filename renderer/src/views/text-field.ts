// A labelled text field with its hint and, when the last refusal was about it, that sentence under it, marked invalid
// and read with it: the settings form, the config sync's choices and the add-session form show fields the same way.
import { html, nothing, type TemplateResult } from 'lit-html';

export interface TextField {
  id: string;
  label: string;
  /** What the field shows now (a controlled field); or `initial` for a form that owns its fields. */
  value?: string;
  /** The value a field starts with and a form's reset() returns to (the HTML value attribute). */
  initial?: string;
  /** Under the field, its id `${id}-hint`. */
  hint: TemplateResult | string;
  /** More lines under the hint that describe the field (an example), by id. */
  more?: { id: string; content: TemplateResult } | undefined;
  /** The refusal about this field, if the last one was; shown with `errorId`. */
  error?: string | undefined;
  errorId?: string;
  /** An as-you-type hint that takes the help's place, marked invalid (and the field with it). */
  problem?: string | undefined;
  name?: string;
  placeholder?: string;
  mono?: boolean;
  type?: 'text' | 'url';
  autocomplete?: string;
  required?: boolean;
  /** Values offered as the user types (a datalist, `${id}-list`). */
  suggestions?: readonly string[];
  /** The data-focus-after key: where focus returns after the action of that name (renderer/src/focus-keeper.ts). */
  focusAfter?: string;
  onInput?: (value: string) => void;
  onChange?: (value: string) => void;
}

export function textField(f: TextField) {
  const errorId = f.errorId ?? `${f.id}-error`;
  const describedBy = [`${f.id}-hint`, ...(f.more ? [f.more.id] : []), ...(f.error ? [errorId] : [])];
  const value = (handle?: (value: string) => void) =>
    handle ? (e: Event) => handle((e.target as HTMLInputElement).value) : undefined;
  return html`<div class="field">
    <label for=${f.id}>${f.label}</label>
    <input
      id=${f.id}
      class=${f.mono ? 'mono' : nothing}
      name=${f.name ?? nothing}
      type=${f.type ?? nothing}
      list=${f.suggestions ? `${f.id}-list` : nothing}
      data-focus-after=${f.focusAfter ?? nothing}
      spellcheck="false"
      autocomplete=${f.autocomplete ?? 'off'}
      placeholder=${f.placeholder ?? nothing}
      value=${f.initial ?? nothing}
      .value=${f.value ?? f.initial ?? ''}
      ?required=${f.required ?? false}
      aria-invalid=${f.error || f.problem ? 'true' : nothing}
      aria-describedby=${describedBy.join(' ')}
      @input=${value(f.onInput)}
      @change=${value(f.onChange)}
    />
    ${
      f.suggestions
        ? html`<datalist id=${`${f.id}-list`}>
            ${f.suggestions.map((v) => html`<option value=${v}></option>`)}
          </datalist>`
        : nothing
    }
    <p class="hint ${f.problem ? 'invalid' : ''}" id=${`${f.id}-hint`}>${f.problem ?? f.hint}</p>
    ${f.more ? html`<p class="hint" id=${f.more.id}>${f.more.content}</p>` : nothing}
    ${f.error ? html`<p class="error" role="alert" id=${errorId}>${f.error}</p>` : nothing}
  </div>`;
}
