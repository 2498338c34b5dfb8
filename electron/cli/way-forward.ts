// The core's refusals end with what to do in the window's words; on the command line the next step is a flag or a
// command. One table maps each closing clause to the CLI's, so every refusal the CLI prints names the way forward.
import { SsoTrayError, isSsoTrayError, type ErrorCode } from '../core/public.js';

const ADD_SESSION = '`sso-tray login --start-url URL --region REGION --session NAME`';

interface Rule {
  codes: ErrorCode[];
  /** The core's closing clause (the end of its sentence). */
  clause: RegExp;
  /** The CLI's clause; `session` is the session the command meant, when it got that far. */
  cli: (session: string | undefined, said: string) => string;
}

const login = (session: string | undefined) => `\`sso-tray login${session ? ` --session ${session}` : ''}\``;

const RULES: Rule[] = [
  {
    codes: ['foreign-profile'],
    clause: /choose another profile name or allow overwriting it\.$/,
    cli: () => 'choose another --profile name, or add --overwrite to replace it.',
  },
  {
    codes: ['foreign-profile'],
    clause: /allow removing it\.$/,
    cli: () => 'add --force to remove it anyway.',
  },
  {
    codes: ['invalid-input'],
    clause: /name the one to use\.$/,
    cli: () => 'name the one to use with --session NAME (or SSO_TRAY_SESSION).',
  },
  {
    codes: ['not-found'],
    clause: /add one with its start URL and region first\.$/,
    cli: () => `add one with ${ADD_SESSION}.`,
  },
  { codes: ['not-found'], clause: /add it first\.$/, cli: () => `add it with ${ADD_SESSION}.` },
  {
    codes: ['invalid-input'],
    clause: /choose another name\.$/,
    cli: () => 'choose another --session name.',
  },
  {
    codes: ['invalid-input'],
    clause: /choose another session name or change it there\.$/,
    cli: () => 'choose another --session name, or change it there.',
  },
  {
    codes: ['invalid-input'],
    clause: /then sign in again\.$/,
    cli: () => `then run ${ADD_SESSION} with the right ones.`,
  },
  {
    codes: ['wrong-region'],
    clause: /Check the region of (\S+) and sign in again\.$/,
    cli: (_session, name) =>
      `Check the region of ${name}: run \`sso-tray sessions remove ${name}\`, then ${ADD_SESSION.replace('NAME', name)}.`,
  },
  {
    codes: ['not-found'],
    clause: /Refresh the account list and choose again\.$/,
    cli: () => 'Run `sso-tray accounts` to see what is assigned to you now.',
  },
  {
    codes: ['service'],
    clause: /(Sign in again), and report it if it keeps happening\.$/,
    cli: (session, said) => `${said} (${login(session)}), and report it if it keeps happening.`,
  },
  {
    codes: ['sign-in-needed', 'session-ended', 'file-unreadable'],
    clause: /(Sign in (?:first|again|again to replace it))\.$/,
    cli: (session, said) => `${said}: run ${login(session)}.`,
  },
  {
    codes: ['sign-in-cancelled', 'sign-in-timed-out'],
    clause: /Start the sign-in again(?: to retry| when you are ready)?\.$/,
    cli: (session) => `Run ${login(session)} again.`,
  },
];

/** The error with the CLI's way forward in place of the window's, or the error as it was. */
export function withWayForward(error: unknown, session: string | undefined): unknown {
  if (!isSsoTrayError(error)) return error;
  for (const rule of RULES) {
    const match = rule.codes.includes(error.code) ? rule.clause.exec(error.message) : null;
    if (!match) continue;
    const said = match[1] ?? match[0];
    return new SsoTrayError(error.code, error.message.slice(0, match.index) + rule.cli(session, said));
  }
  return error;
}
