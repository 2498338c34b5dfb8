// The one language of profile-name templates ("{accountId}_{roleName}"): its placeholders, how a role's values fill
// them, and one sentence for each mistake. The profiles written to ~/.aws/credentials and the config sync's profiles
// in ~/.aws/config both name profiles with it (docs/profile-names.md); the core turns a sentence into its error.
import { isValidIdentifier, isObjectKey } from './identifier-rules.js';

const PLACEHOLDERS = ['accountId', 'accountName', 'emailAddress', 'roleName', 'session'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

/** Where a template names profiles; each has its own setting (docs/profile-names.md says why). */
export type TemplateUse = 'credentials' | 'config-sync';

/** The defaults each use has always had, so a user who never set a template keeps the names they have. */
export const DEFAULT_TEMPLATES: Record<TemplateUse, string> = {
  credentials: '{accountId}_{roleName}',
  'config-sync': '{accountName}.{roleName}',
};

/** The longest template: room for every placeholder and text between them, still far from a name too long. */
export const MAX_TEMPLATE_LENGTH = 256;

/** The longest profile name the rest of SSO Tray accepts (shared/identifier-rules.ts, "profile-name"). */
const MAX_PROFILE_NAME = 128;

export interface ProfileNameTemplate {
  readonly source: string;
  readonly placeholders: ReadonlySet<Placeholder>;
  /** The template filled with a role's values (each made profile-name text); not yet checked as a whole name. */
  fill(values: TemplateValues): string;
}

// What @smithy/shared-ini-file-loader reads as `[profile NAME]` (its prefixKeyRegex) and botocore reads unchanged:
// https://github.com/smithy-lang/smithy-typescript/blob/main/packages/shared-ini-file-loader/src/parseIni.ts
const NAME_CHARACTER = /[A-Za-z0-9_\-@+.%:/]/;
// A value's text keeps to the part of that which a shell takes unquoted: no % : / from an account name.
const VALUE_UNSAFE = /[^A-Za-z0-9_.@+-]+/g;

const SUBJECT = 'The profile name template';
const LIST = PLACEHOLDERS.map((p) => `{${p}}`);
/** The placeholders as a form's hint or a command's help lists them. */
export const PLACEHOLDER_HINT = LIST.join(' ');
const PLACEHOLDER_LIST = `${LIST.slice(0, -1).join(', ')} or ${LIST.at(-1) ?? ''}`;

/** The template checked for its use, or the one sentence saying what is wrong and how to write it. */
export function readProfileNameTemplate(
  source: string,
  use: TemplateUse,
): { template: ProfileNameTemplate } | { problem: string } {
  if (source.trim() === '')
    return {
      problem: `${SUBJECT} is empty; write one from ${PLACEHOLDER_LIST}, such as ${DEFAULT_TEMPLATES[use]}.`,
    };
  if (source.length > MAX_TEMPLATE_LENGTH)
    return {
      problem: `${SUBJECT} is ${source.length} characters long, more than the ${MAX_TEMPLATE_LENGTH} it may have; shorten it.`,
    };
  const parts: Array<{ text: string } | { placeholder: Placeholder }> = [];
  for (const [, inside, text, brace] of source.matchAll(/\{([^{}]*)\}|([^{}]+)|([{}])/g)) {
    if (brace !== undefined)
      return {
        problem: `${SUBJECT} has a "${brace}" without its pair; write each placeholder as {roleName}.`,
      };
    if (text !== undefined) {
      const bad = [...text].find((c) => !NAME_CHARACTER.test(c));
      if (bad !== undefined)
        return {
          problem: `${SUBJECT} holds ${characterName(bad)}, which an AWS profile name cannot; between placeholders use only letters, digits and - _ . @ + % : /.`,
        };
      parts.push({ text });
      continue;
    }
    const name = inside ?? '';
    const known = PLACEHOLDERS.find((p) => p === name);
    if (known) {
      parts.push({ placeholder: known });
      continue;
    }
    const meant = PLACEHOLDERS.find((p) => p.toLowerCase() === name.trim().toLowerCase());
    return {
      problem: `${SUBJECT} uses {${name.slice(0, 40)}}, which is not a placeholder; ${meant ? `write {${meant}}` : `use ${PLACEHOLDER_LIST}`}.`,
    };
  }
  const placeholders = new Set(parts.flatMap((p) => ('placeholder' in p ? [p.placeholder] : [])));
  // The config sync names every role at once: a template that cannot tell roles apart names them all alike.
  if (use === 'config-sync' && !placeholders.has('roleName'))
    return {
      problem: `${SUBJECT} must use {roleName}, or every role of an account would get the same profile name.`,
    };
  if (use === 'config-sync' && !placeholders.has('accountName') && !placeholders.has('accountId'))
    return {
      problem: `${SUBJECT} must use {accountName} or {accountId}, or every account would get the same profile names.`,
    };
  const template: ProfileNameTemplate = {
    source,
    placeholders,
    fill: (values) =>
      parts.map((p) => ('text' in p ? p.text : placeholderText(p.placeholder, values))).join(''),
  };
  // Without placeholders the name is the same for every role: say now if no profile can have it.
  if (placeholders.size === 0) {
    const problem = nameProblem(source);
    if (problem) return { problem };
  }
  return { template };
}

/** Undefined when `name` (a filled template) is a name every AWS tool and SSO Tray read as one profile. */
export function nameProblem(
  name: string,
  role?: { accountId: string; roleName: string },
): string | undefined {
  const { length } = name;
  if (isValidIdentifier('profile-name', name)) return undefined;
  const gives = `${SUBJECT} gives ${role ? `${role.roleName} in account ${role.accountId} ` : ''}`;
  if (isObjectKey(name))
    return `${gives}the name "${name}", a word the AWS SDKs cannot read as a profile name; add a placeholder or other text to the template.`;
  return `${gives}a name of ${length} characters, more than the ${MAX_PROFILE_NAME} an AWS profile name may have; shorten the template.`;
}

function placeholderText(placeholder: Placeholder, values: TemplateValues): string {
  const text = profileText(values[placeholder]);
  if (text !== '') return text;
  // An account name of only characters a profile name cannot hold (生産) reads as its ID instead.
  return placeholder === 'accountName' ? profileText(values.accountId) : '-';
}

/** A value as profile-name text: accents dropped, anything outside [A-Za-z0-9_.@+-] a `-`, runs of `-` one. */
export function profileText(value: string): string {
  // Most names are already fine; NFKD on thousands of them is the slow part of a big sync.
  if (/^[A-Za-z0-9_@+](?:[A-Za-z0-9_.@+]|-(?!-))*$/.test(value) && !/[-.]$/.test(value)) return value;
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(VALUE_UNSAFE, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** A character as the user would name it: a space, a tab, or the character in quotes. */
function characterName(character: string): string {
  if (character === ' ') return 'a space';
  if (character === '\t') return 'a tab';
  return `"${character}"`;
}
