// How the running app's credential endpoint words each next step for a program it serves: the program's SDK shows
// the answer's Message to whoever reads its log, and that person acts in SSO Tray (its tray menu or its window),
// never through a flag of the command line. Complete by type: a new kind of step does not compile until it is worded here.
import { wordStep, type NextStepWords, type Problem } from '../core/next-step.js';
import { isSsoTrayError } from '../core/errors.js';
import { withStep } from '../../shared/step-sentence.js';
import { SETTING_LABELS } from '../../shared/setting-labels.js';

const APP = 'SSO Tray';
const SIGN_IN_WHEN = {
  first: (session: string) => `sign in to ${session} in ${APP}`,
  again: (session: string) => `sign in to ${session} again in ${APP}`,
  'to-replace': (session: string) => `sign in to ${session} again in ${APP}`,
};

export const PROGRAM_WORDS: NextStepWords<string> = {
  'sign-in': ({ session, when }) => SIGN_IN_WHEN[when](session),
  'sign-in-then-report': ({ session }) =>
    `sign in to ${session} again in ${APP}, and report it if it keeps happening`,
  'restart-sign-in': ({ session }) => `sign in to ${session} again in ${APP}`,
  'check-region': ({ session }) => `check the region of ${session} in ${APP}, then sign in again`,
  'check-start-url': ({ session }) =>
    `check the start URL and the region of ${session} in ${APP}, then sign in again`,
  'refresh-list': () => `press Refresh in ${APP} and serve a role that is assigned to you`,
  'add-session': ({ session }) =>
    session ? `add the session ${session} in ${APP}` : `add a session in ${APP}`,
  'name-session': () => `choose the session in ${APP}`,
  'choose-session-name': () => `choose another session name in ${APP}`,
  'choose-profile-name-or-overwrite': () => `write it under another Profile name in ${APP}`,
  'choose-process-kind': () => `choose credential_process under Kind in ${APP}`,
  'fix-setting': ({ setting }) => `change ${SETTING_LABELS[setting]} in ${APP}'s Settings`,
  'allow-remove': () => 'remove it from the file yourself if you no longer need it',
  'fix-sync-choice': ({ choice }) =>
    `change ${choice === 'template' ? 'Profile name template' : 'Region'} in ${APP}'s Profiles`,
};

/** A problem with its next step, as one sentence in the endpoint's answer to a program. */
export function programSentence(problem: Problem): string {
  return withStep(problem.message, problem.next && wordStep(PROGRAM_WORDS, problem.next));
}

/** An SsoTrayError's sentence for a program the app serves; undefined for anything else. */
export function programErrorSentence(error: unknown): string | undefined {
  return isSsoTrayError(error) ? programSentence(error) : undefined;
}
