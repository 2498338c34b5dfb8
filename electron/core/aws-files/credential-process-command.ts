// The `credential_process` command line, quoted so that no input can escape it. Two kinds of reader run it:
// the JS SDK (child_process.exec: /bin/sh -c on POSIX, cmd.exe /d /s /c on Windows) and botocore / the AWS CLI
// (shlex.split on POSIX, CommandLineToArgvW-style splitting on Windows, then no shell). Every argument must reach
// `sso-tray process` as itself through all four.
import path from 'node:path';
import { SsoTrayError } from '../errors.js';
import { checkIdentifier } from '../identifiers.js';

export type CommandPlatform = 'posix' | 'win32';

/** How to start `sso-tray` from any shell: an absolute program, and absolute script when the program is node. */
export interface ProcessLauncher {
  /** Absolute path of node (or of the installed `sso-tray` bin, when `script` is absent). */
  program: string;
  /** Absolute path of bin/sso-tray.js, run by `program`. */
  script?: string;
}

// Means the same unquoted to sh, shlex, cmd.exe and CommandLineToArgvW.
const PLAIN = /^[A-Za-z0-9_@+=,.:/-]+$/;

// INI readers cut a value at whitespace followed by # or ; and end it at a line break: never let either appear.
const COMMENT_AFTER_BLANK = /(\s)([#;])/g;
const LINE_BREAKING = /[\p{Cc}\p{Cs}\u2028\u2029]/u;

/**
 * One argument for /bin/sh and for shlex.split: single quotes, each ' written as '\'', and a # or ; after a blank
 * taken out of the quotes as \# so that the INI line keeps it.
 */
export function quotePosix(value: string): string {
  if (LINE_BREAKING.test(value) || value === '') throw unsafe(value, 'an INI line');
  if (PLAIN.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`).replace(COMMENT_AFTER_BLANK, `$1'\\$2'`)}'`;
}

/**
 * One argument for cmd.exe and then CommandLineToArgvW: "…" with backslashes before a quote or the end doubled.
 * cmd.exe expands %NAME% and (with delayed expansion) !NAME! even inside quotes, and " would end the quoting,
 * so such a value is refused instead of escaped.
 */
export function quoteWindows(value: string): string {
  if (/["%!]/.test(value) || LINE_BREAKING.test(value) || value === '') throw unsafe(value, 'cmd.exe');
  if (PLAIN.test(value) && !value.includes('\\')) return value;
  return `"${value.replace(/(\\*)$/, '$1$1').replace(COMMENT_AFTER_BLANK, '$1"$2"')}"`;
}

function unsafe(value: string, reader: string): SsoTrayError {
  // Controls are escaped by SsoTrayError (shared/printable-text.ts), like every sentence's.
  const shown = value.replaceAll('"', '\\"');
  return new SsoTrayError(
    'invalid-input',
    `"${shown}" cannot pass safely through ${reader} in a credential_process command; use a session name and an install folder without " % ! or control characters.`,
  );
}

/**
 * `<node> <script> process ACCOUNT ROLE --session SESSION`, every identifier checked with AWS's rules first and the
 * launcher required to be absolute, so the line works from any shell and not only inside npx.
 */
export function credentialProcessCommand(
  launcher: ProcessLauncher,
  role: { accountId: string; roleName: string; session: string },
  platform: CommandPlatform = process.platform === 'win32' ? 'win32' : 'posix',
): string {
  const accountId = checkIdentifier('account-id', role.accountId);
  const roleName = checkIdentifier('role-name', role.roleName);
  const sessionName = checkIdentifier('session-name', role.session);
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const launch = [launcher.program, ...(launcher.script === undefined ? [] : [launcher.script])];
  for (const file of launch) {
    if (!pathApi.isAbsolute(file))
      throw new SsoTrayError(
        'invalid-input',
        `The credential_process command needs the absolute path of sso-tray, not "${file.replace(/[\p{Cc}"]/gu, '?')}"; run it from its installed location.`,
      );
  }
  const quote = platform === 'win32' ? quoteWindows : quotePosix;
  return [...launch, 'process', accountId, roleName, '--session', sessionName].map(quote).join(' ');
}

/** Whether a credential_process line asks `sso-tray process … --session NAME` (as written above, on either platform). */
export function processCommandSession(command: string | undefined, session: string): boolean {
  if (!command || !/\sprocess\s/.test(command)) return false;
  return [quotePosix, quoteWindows].some((quote) => {
    try {
      return command.endsWith(` --session ${quote(session)}`);
    } catch {
      return false; // a name that one platform's quoting refuses was never written for it
    }
  });
}
