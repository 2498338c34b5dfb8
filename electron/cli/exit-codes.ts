// Exit codes of `sso-tray`, one per kind of outcome a script may want to tell apart.
import type { ErrorCode } from '../core/errors.js';

export const EXIT = {
  ok: 0,
  /** Identity Center, the network or a file failed. */
  failed: 1,
  /** The command line or its arguments are wrong: unknown account, role, session or format. */
  usage: 2,
  /** A sign-in is needed: not signed in, or the session ended. Nothing was prompted or opened. */
  signInNeeded: 3,
  /** Interrupted (Ctrl-C); SIGTERM and SIGHUP exit 143 and 129 (cli/interrupt.ts). */
  interrupted: 130,
} as const;

export function exitCodeFor(code: ErrorCode | string): number {
  switch (code) {
    case 'invalid-input':
    case 'not-found':
    case 'foreign-profile':
      return EXIT.usage;
    case 'sign-in-needed':
    case 'session-ended':
      return EXIT.signInNeeded;
    default:
      return EXIT.failed;
  }
}

export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    Identity Center, the network or a file failed (the message says what to do)
  2    bad input: unknown command, option, session, account, role or format
  3    sign-in needed: run \`sso-tray login\` (nothing is opened or prompted)
  130  interrupted (Ctrl-C); 143 on SIGTERM, 129 on SIGHUP`;
