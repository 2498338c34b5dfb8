// A labelled text field with its hint and, when the last refusal was about it, that sentence under it, marked invalid
// and read with it: the settings form and the config sync's choices show fields the same way.
import { html, nothing, type TemplateResult } from 'lit-html';

export interface TextField {
  id: string;
  label: string;
  value: string;
  /** Under the field, its id `${id}-hint`. */
  hint: TemplateResult | string;
  /** More lines under the hint that describe the field (an example), by id. */
  more?: { id: string; content: TemplateResult } | undefined;
  /** The refusal about this field, if the last one was; shown with `errorId`. */
  error?: string | undefined;
  errorId: string;
  name?: string;
  placeholder?: string;
  mono?: boolean;
  onInput?: (value: string) => void;
  onChange?: (value: string) => void;
}

export function textField(f: TextField) {
  const describedBy = [`${f.id}-hint`, ...(f.more ? [f.more.id] : []), ...(f.error ? [f.errorId] : [])];
  const value = (handle?: (value: string) => void) =>
    handle ? (e: Event) => handle((e.target as HTMLInputElement).value) : undefined;
  return html`<div class="field">
    <label for=${f.id}>${f.label}</label>
    <input
      id=${f.id}
      class=${f.mono ? 'mono' : nothing}
      name=${f.name ?? nothing}
      spellcheck="false"
      autocomplete="off"
      placeholder=${f.placeholder ?? nothing}
      .value=${f.value}
      aria-invalid=${f.error ? 'true' : nothing}
      aria-describedby=${describedBy.join(' ')}
      @input=${value(f.onInput)}
      @change=${value(f.onChange)}
    />
    <p class="hint" id=${`${f.id}-hint`}>${f.hint}</p>
    ${f.more ? html`<p class="hint" id=${f.more.id}>${f.more.content}</p>` : nothing}
    ${f.error ? html`<p class="error" role="alert" id=${f.errorId}>${f.error}</p>` : nothing}
  </div>`;
}
