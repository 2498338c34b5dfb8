// AWS's rules for every name a user, the window or Identity Center hands us, and the one sentence naming the field
// and the rule when a value breaks one. The core checks every identifier with them and the window hints with them as
// the user types, so the two never drift: this file imports only shared/ (ESLint enforces it), in Node and a page.
import { printable } from './printable-text.js';

export type IdentifierKind =
  | 'account-id'
  | 'role-name'
  | 'permission-set-name'
  | 'profile-name'
  | 'session-name'
  | 'region'
  | 'start-url';

/** An AWS region code (us-east-1, us-gov-west-1, us-isob-east-1, eu-central-2), as the partitions' region regexes. */
export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;

// Names inherited from Object.prototype (constructor, toString, valueOf, __proto__, hasOwnProperty, …): the JS SDK's
// parseIni files sections in a plain object, so `[toString]` lands on Object.prototype's function, a global.
const OBJECT_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A name the SDK's INI parser would look up on Object.prototype (constructor, toString, __proto__, …). */
export function isObjectKey(name: string): boolean {
  return OBJECT_KEYS.has(name);
}

interface Rule {
  field: string;
  test: (value: string) => boolean;
  rule: string;
}

// @smithy/shared-ini-file-loader reads `[profile NAME]` / `[sso-session NAME]` only when NAME matches
// /[\w-@+.%:/]+/ (its prefixKeyRegex); botocore's shlex split of the header reads the same characters unchanged.
const INI_NAME = /^[A-Za-z0-9_\-@+.%:/]{1,128}$/;
const readableName = (value: string) => INI_NAME.test(value) && !OBJECT_KEYS.has(value);
const READABLE_NAME_RULE =
  'must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor")';

const RULES: Record<IdentifierKind, Rule> = {
  // Organizations' AccountId: "^\d{12}$".
  'account-id': { field: 'account ID', test: (v) => /^\d{12}$/.test(v), rule: 'must be exactly 12 digits' },
  // IAM's roleNameType: [\w+=,.@-]+, 1 to 64 characters (the portal's roles are IAM roles).
  'role-name': {
    field: 'role name',
    test: (v) => /^[A-Za-z0-9_+=,.@-]{1,64}$/.test(v),
    rule: 'must be 1 to 64 letters, digits or + = , . @ _ - (the IAM role name rule)',
  },
  // SSO Admin's PermissionSetName: [\w+=,.@-]+, 1 to 32 characters.
  'permission-set-name': {
    field: 'permission set name',
    test: (v) => /^[A-Za-z0-9_+=,.@-]{1,32}$/.test(v),
    rule: 'must be 1 to 32 letters, digits or + = , . @ _ - (the permission set name rule)',
  },
  'profile-name': { field: 'profile name', test: readableName, rule: READABLE_NAME_RULE },
  'session-name': { field: 'session name', test: readableName, rule: READABLE_NAME_RULE },
  // Partitions' region regexes (aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc): like us-east-1, us-gov-west-1.
  region: {
    field: 'region',
    test: (v) => REGION_PATTERN.test(v),
    rule: 'must be an AWS region code such as us-east-1',
  },
  'start-url': {
    field: 'start URL',
    test: isStartUrl,
    rule: 'must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start',
  },
};

// Identity Center's start URLs are always https (the emulator serves https://d-….awsapps.com/start names too).
function isStartUrl(value: string): boolean {
  if (value.length > 1024 || !/^[!-~]+$/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && !url.hash && !!url.hostname;
}

export function isValidIdentifier(kind: IdentifierKind, value: unknown): value is string {
  return typeof value === 'string' && RULES[kind].test(value);
}

/** What AWS's rule for `kind` asks, to end a sentence that names the field: "must be exactly 12 digits". */
export function identifierRule(kind: IdentifierKind): string {
  return RULES[kind].rule;
}

/** Undefined when AWS's rule accepts the value, else the one sentence naming the field and the rule. */
export function identifierProblem(kind: IdentifierKind, value: unknown): string | undefined {
  if (isValidIdentifier(kind, value)) return undefined;
  const { field, rule } = RULES[kind];
  // Well formed, but a word the SDK's INI parser looks up as its own ("constructor"): said as the user meets it.
  if (rule === READABLE_NAME_RULE && typeof value === 'string' && INI_NAME.test(value))
    return `The ${field} ${shown(value)} is a word the AWS SDKs cannot read as a name; choose another ${field}.`;
  return `The ${field} ${shown(value)} cannot be used: it ${rule}.`;
}

/** The rejected value as a sentence may show it: quoted, at most 40 characters, controls escaped (printable). */
function shown(value: unknown): string {
  if (typeof value !== 'string') return '(not text)';
  if (value === '') return '(empty)';
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${printable(cut).replaceAll('"', '\\"')}"`;
}
