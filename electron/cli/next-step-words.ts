// How the command line words each next step the core gives: the flag to add or the command to run, with the session
// the error is about. The table is complete by type: a new kind of step does not compile until it is worded here.
import { isSsoTrayError, wordStep, type NextStep, type NextStepWords, type Problem } from '../core/public.js';
import { withStep } from '../../shared/step-sentence.js';
import { SETTING_LABELS } from '../../shared/setting-labels.js';

const addSession = (name = 'NAME') => `\`sso-tray login --start-url URL --region REGION --session ${name}\``;
const login = (session: string) => `\`sso-tray login --session ${session}\``;
const SIGN_IN_WHEN = {
  first: 'sign in first',
  again: 'sign in again',
  'to-replace': 'sign in again to replace it',
};

export const CLI_WORDS: NextStepWords<string> = {
  'sign-in': ({ session, when }) => `${SIGN_IN_WHEN[when]}: run ${login(session)}`,
  'sign-in-then-report': ({ session }) =>
    `sign in again (${login(session)}), and report it if it keeps happening`,
  'restart-sign-in': ({ session }) => `run ${login(session)} again`,
  'check-region': ({ session }) =>
    `check the region of ${session}: run \`sso-tray sessions remove ${session}\`, then ${addSession(session)}`,
  'check-start-url': () =>
    `check the start URL and the region your Identity Center is in, then run ${addSession()} with the right ones`,
  'refresh-list': () => 'run `sso-tray accounts` to see what is assigned to you now',
  'add-session': ({ session }) =>
    session ? `add it with ${addSession(session)}` : `add one with ${addSession()}`,
  'name-session': () => 'name the one to use with --session NAME (or SSO_TRAY_SESSION)',
  'choose-session-name': ({ orChangeItThere }) =>
    orChangeItThere ? 'choose another --session name, or change it there' : 'choose another --session name',
  'choose-profile-name-or-overwrite': () => 'choose another --profile name, or add --overwrite to replace it',
  'choose-process-kind': () => 'generate credential_process profiles with --kind process',
  'fix-setting': ({ setting }) => `change ${SETTING_LABELS[setting]} in the SSO Tray app's Settings`,
  'allow-remove': () => 'add --force to remove it anyway',
  'fix-sync-choice': ({ choice }) => `change --${choice}`,
};

/** The clause for one step, as the command line says it. */
export function cliStep(step: NextStep): string {
  return wordStep(CLI_WORDS, step);
}

/** A problem (an error, an event's reason) with its next step, as one sentence for the terminal. */
export function cliSentence(problem: Problem): string {
  return withStep(problem.message, problem.next && cliStep(problem.next));
}

/** An SsoTrayError's sentence for the terminal or a program the CLI serves; undefined for anything else. */
export function cliErrorSentence(error: unknown): string | undefined {
  return isSsoTrayError(error) ? cliSentence(error) : undefined;
}
