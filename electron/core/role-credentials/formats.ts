// The copy formats, byte for byte. Shapes follow `aws configure export-credentials` (https://docs.aws.amazon.com/cli/latest/reference/configure/export-credentials.html) and the
// access portal's "Command line or programmatic access" dialog (https://docs.aws.amazon.com/singlesignon/latest/userguide/howtogetcredentials.html):
//
// | format        | each line                               | a value outside [A-Za-z0-9+/=:._-] (or starting '=') |
// |---------------|-----------------------------------------|------------------------------------------------------|
// | env           | export NAME=value                       | POSIX single quotes, ' written as '\''               |
// | env-no-export | NAME=value                              | POSIX single quotes, ' written as '\''               |
// | powershell    | $Env:NAME="value"                       | always "…"; ` before ` $ " and the “ ” „ quotes      |
// | windows-cmd   | set NAME=value                          | ^ before ^ & | < > ( ) " and before the char after % |
// | fish          | set -gx NAME "value"                    | always "…"; \ before \ " $                           |
// | dotenv        | NAME=value                              | '…'; else "…" (no " or \ in it); else `…`            |
// | profile       | [PROFILE] then key=value, no spaces     | none in INI: such a value is refused                 |
// | values        | Label: value                            | none: for reading, not for a shell                   |
// | process       | JSON, indent 2, one trailing newline    | JSON                                                 |
//
// Variables, in the CLI's order: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
// AWS_CREDENTIAL_EXPIRATION, then AWS_REGION and AWS_DEFAULT_REGION only when a region is given.
// Expiration is written as the CLI prints SSO credentials: whole seconds, `+00:00` (2024-01-01T08:00:00+00:00).
// `env` follows the CLI (`export NAME=value`), not the portal (`export NAME="value"`): its bytes are then those of
// `aws configure export-credentials --format env`, and single quotes, unlike double quotes, leave nothing to
// expand ($, `, \, ! in interactive bash). The profile block is the portal's `key=value` without spaces.
// Any line format refuses control characters: no shell line, INI line or .env line holds them safely.
import { SsoTrayError } from '../errors.js';
import { isObjectKey } from '../identifiers.js';
import { cmdQuote, dotenvQuote, fishQuote, posixQuote, powershellQuote } from './shell-quoting.js';
import type { RoleCredentials } from '../shapes/aws-shapes.js';
import { FORMAT_LABELS, type CredentialFormat } from '../../../shared/credential-formats.js';

export {
  CREDENTIAL_FORMATS,
  FORMAT_LABELS,
  type CredentialFormat,
} from '../../../shared/credential-formats.js';

/** The portal's name for the profile block: `[111122223333_AdministratorAccess]`. */
export function defaultProfileName(accountId: string, roleName: string): string {
  return `${accountId}_${roleName}`;
}

/**
 * A name that every reader of the credentials file takes as one section: no blanks, brackets or controls, and no
 * JS object key (the SDK's parser would write `[toString]`'s keys onto Object.prototype.toString).
 */
export function isValidProfileName(name: string): boolean {
  return /^[^\s[\]\p{Cc}\p{Cs}]+$/u.test(name) && !isObjectKey(name);
}

/** The portal's "individual values" (Option 3), each with the variable it would go into. */
export function individualValues(
  creds: RoleCredentials,
): Array<{ label: string; name: string; value: string }> {
  return [
    { label: 'AWS access key ID', name: 'AWS_ACCESS_KEY_ID', value: creds.accessKeyId },
    { label: 'AWS secret access key', name: 'AWS_SECRET_ACCESS_KEY', value: creds.secretAccessKey },
    { label: 'AWS session token', name: 'AWS_SESSION_TOKEN', value: creds.sessionToken },
  ];
}

export function formatCredentials(
  format: CredentialFormat,
  creds: RoleCredentials,
  options: { profileName?: string; region?: string } = {},
): string {
  if (format === 'process') return processJson(creds);
  if (format === 'values') {
    return lines(
      format,
      individualValues(creds).map(({ label, value }) => `${label}: ${value}`),
    );
  }
  if (format === 'profile') return profileBlock(creds, options.profileName);
  const line = LINE_WRITERS[format];
  return lines(
    format,
    variables(creds, options.region).map(([name, value]) => line(name, value)),
  );
}

type LineFormat = Exclude<CredentialFormat, 'process' | 'values' | 'profile'>;

/** The formats that are a line per variable: a shell's, or a .env file. */
export const VARIABLE_FORMATS = [
  'env',
  'env-no-export',
  'powershell',
  'windows-cmd',
  'fish',
  'dotenv',
] as const satisfies readonly LineFormat[];

/** Any variables (a credential endpoint's two) as `format` writes them, quoted as the credentials are. */
export function formatVariables(format: LineFormat, variables: Array<[string, string]>): string {
  const line = LINE_WRITERS[format];
  return lines(
    format,
    variables.map(([name, value]) => line(name, value)),
  );
}

const CONTROL = /[\p{Cc}\p{Cs}\u2028\u2029]/u;

const LINE_WRITERS: Record<LineFormat, (name: string, value: string) => string | undefined> = {
  env: (name, value) => `export ${name}=${posixQuote(value)}`,
  'env-no-export': (name, value) => `${name}=${posixQuote(value)}`,
  powershell: (name, value) => `$Env:${name}=${powershellQuote(value)}`,
  'windows-cmd': (name, value) => `set ${name}=${cmdQuote(value)}`,
  fish: (name, value) => `set -gx ${name} ${fishQuote(value)}`,
  dotenv: (name, value) => {
    const quoted = dotenvQuote(value);
    return quoted === undefined ? undefined : `${name}=${quoted}`;
  },
};

function variables(creds: RoleCredentials, region: string | undefined): Array<[string, string]> {
  const vars: Array<[string, string]> = [
    ['AWS_ACCESS_KEY_ID', creds.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', creds.secretAccessKey],
    ['AWS_SESSION_TOKEN', creds.sessionToken],
    ['AWS_CREDENTIAL_EXPIRATION', expirationText(creds.expiration)],
  ];
  if (region) vars.push(['AWS_REGION', region], ['AWS_DEFAULT_REGION', region]);
  return vars;
}

/** Joins lines, each ending in \n; refuses a value the format cannot hold (never quoting it in the message). */
function lines(format: CredentialFormat, rendered: Array<string | undefined>): string {
  if (rendered.some((line) => line === undefined || CONTROL.test(line))) throw unwritable(format);
  return rendered.map((line) => `${line}\n`).join('');
}

function unwritable(format: CredentialFormat): SsoTrayError {
  return new SsoTrayError(
    'invalid-input',
    `These credentials hold a character that cannot be written safely as ${FORMAT_LABELS[format]}; copy the individual values instead.`,
  );
}

function profileBlock(creds: RoleCredentials, profileName?: string): string {
  const name = profileName ?? defaultProfileName(creds.accountId, creds.roleName);
  if (!isValidProfileName(name)) {
    throw new SsoTrayError(
      'invalid-input',
      `"${name.replace(/[\p{Cc}\p{Cs}\u2028\u2029]/gu, '?')}" cannot be a profile name; use letters, digits and - _ . without spaces or brackets, and not a word the AWS SDKs cannot read as a name (such as "constructor").`,
    );
  }
  const entries: Array<[string, string]> = [
    ['aws_access_key_id', creds.accessKeyId],
    ['aws_secret_access_key', creds.secretAccessKey],
    ['aws_session_token', creds.sessionToken],
  ];
  // The SDKs trim values, cut them at " #" or " ;", and take an empty value as a sub-section.
  const fits = (value: string) => value !== '' && value.trim() === value && !/\s[#;]/.test(value);
  return lines('profile', [
    `[${name}]`,
    ...entries.map(([key, value]) => (fits(value) ? `${key}=${value}` : undefined)),
  ]);
}

/** The credential_process document as `aws configure export-credentials` prints it. */
function processJson(creds: RoleCredentials): string {
  const document = {
    Version: 1,
    AccessKeyId: creds.accessKeyId,
    SecretAccessKey: creds.secretAccessKey,
    SessionToken: creds.sessionToken,
    Expiration: expirationText(creds.expiration),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Python's isoformat() of the whole-second UTC expiry the CLI holds for SSO credentials. */
function expirationText(expiration: Date): string {
  if (Number.isNaN(expiration.getTime())) {
    throw new SsoTrayError('invalid-input', 'These credentials have no valid expiry time; get them again.');
  }
  return `${expiration.toISOString().slice(0, 19)}+00:00`;
}
