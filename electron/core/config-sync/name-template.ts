// The profile name template: `{accountName}.{roleName}` by default; fields are filled with shell-friendly text and
// the result is a name the AWS CLI, botocore and the JS SDK all read as one profile.
import { SsoTrayError } from '../errors.js';

const TEMPLATE_FIELDS = ['accountName', 'accountId', 'emailAddress', 'roleName', 'session'] as const;
type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Record<TemplateField, string>;

export const DEFAULT_NAME_TEMPLATE = '{accountName}.{roleName}';

// What the SDK reads as `[profile NAME]` (its section pattern); field values keep to the shell-safe part of it.
const NAME_TEXT = /^[\w\-@+.%:/]*$/;
const FIELD_UNSAFE = /[^A-Za-z0-9_.@+-]+/g;

export interface NameTemplate {
  readonly source: string;
  readonly fields: ReadonlySet<TemplateField>;
  render(values: TemplateValues): string;
}

const refuse = (message: string) => new SsoTrayError('invalid-input', message);
const fieldList = TEMPLATE_FIELDS.map((f) => `{${f}}`).join(', ');

/** Checks the template once; each refusal is one sentence naming the field or the text at fault. */
export function parseNameTemplate(source: string = DEFAULT_NAME_TEMPLATE): NameTemplate {
  const parts: Array<{ text: string } | { field: TemplateField }> = [];
  const pattern = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const match of source.matchAll(pattern)) {
    const [, field, text, brace] = match;
    if (brace !== undefined)
      throw refuse(`The template has a "${brace}" without its pair; write each field as {roleName}.`);
    if (text !== undefined) {
      if (!NAME_TEXT.test(text))
        throw refuse(
          `The template's text "${printable(text)}" cannot be part of a profile name; use letters, digits and - _ . @ + % : / between the fields.`,
        );
      parts.push({ text });
    } else if (TEMPLATE_FIELDS.includes(field as TemplateField))
      parts.push({ field: field as TemplateField });
    else throw refuse(`The template field {${printable(field ?? '')}} does not exist; use ${fieldList}.`);
  }
  const fields = new Set(parts.flatMap((p) => ('field' in p ? [p.field] : [])));
  if (!fields.has('roleName'))
    throw refuse(
      'The template must use {roleName}, or every role of an account would get the same profile name.',
    );
  if (!fields.has('accountName') && !fields.has('accountId'))
    throw refuse(
      'The template must use {accountName} or {accountId}, or every account would get the same profile names.',
    );
  return {
    source,
    fields,
    render: (values) => parts.map((p) => ('text' in p ? p.text : fieldText(p.field, values))).join(''),
  };
}

/** Undefined when parseNameTemplate accepts the template, else its one sentence (for a field or a settings rule). */
export function nameTemplateProblem(source: string): string | undefined {
  try {
    parseNameTemplate(source);
    return undefined;
  } catch (error) {
    if (error instanceof SsoTrayError) return error.message;
    throw error;
  }
}

function fieldText(field: TemplateField, values: TemplateValues): string {
  const text = profileText(values[field]);
  if (text !== '') return text;
  return field === 'accountName' ? profileText(values.accountId) : '-';
}

/** A value as profile-name text: accents dropped, anything outside [A-Za-z0-9_.@+-] a `-`, runs of `-` one. */
export function profileText(value: string): string {
  // Most names are already fine; NFKD on thousands of them is the slow part of a big sync.
  if (/^[A-Za-z0-9_@+](?:[A-Za-z0-9_.@+]|-(?!-))*$/.test(value) && !/[-.]$/.test(value)) return value;
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(FIELD_UNSAFE, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

// Its controls are escaped by SsoTrayError (shared/printable-text.ts), like every sentence's.
const printable = (text: string) => text.slice(0, 40);
