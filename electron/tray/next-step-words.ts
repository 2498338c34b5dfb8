// How the tray words each next step the core gives: the menu item to choose (the tray's own, or the window's through
// Open SSO Tray…). Complete by type: a new kind of step does not compile until it is worded here.
import { wordStep, type NextStep, type NextStepWords, type Problem } from '../core/public.js';
import { withStep } from '../../shared/step-sentence.js';
import { SETTING_LABELS } from '../../shared/setting-labels.js';

const signInItem = (session: string) => `Sign in to ${session}… in the tray menu`;
const SIGN_IN_WHEN = {
  first: 'sign in first',
  again: 'sign in again',
  'to-replace': 'sign in again to replace it',
};
const WINDOW = 'Open SSO Tray…';

const TRAY_WORDS: NextStepWords<string> = {
  'sign-in': ({ session, when }) => `${SIGN_IN_WHEN[when]}: choose ${signInItem(session)}`,
  'sign-in-then-report': ({ session }) =>
    `sign in again (${signInItem(session)}), and report it if it keeps happening`,
  'restart-sign-in': ({ session }) => `choose ${signInItem(session)} again`,
  'check-region': ({ session }) =>
    `check the region of ${session}: in ${WINDOW} remove the session and add it again with the right region`,
  'check-start-url': () =>
    `check the start URL and the region your Identity Center is in, then add the session again in ${WINDOW}`,
  'refresh-list': () => `choose ${WINDOW}, press Refresh and choose again`,
  'add-session': ({ session }) => (session ? `add it in ${WINDOW}` : `add one in ${WINDOW}`),
  'name-session': () => `choose the session in ${WINDOW}`,
  'choose-session-name': ({ orChangeItThere }) =>
    orChangeItThere
      ? `choose another session name in ${WINDOW}, or change it there`
      : `choose another name in ${WINDOW}`,
  'choose-profile-name-or-overwrite': () => `write it under another Profile name from ${WINDOW}`,
  'choose-process-kind': () => `choose credential_process under Kind in ${WINDOW}`,
  'fix-setting': ({ setting }) => `change ${SETTING_LABELS[setting]} in Settings of ${WINDOW}`,
  'allow-remove': () => 'remove it from the file yourself if you no longer need it',
  'fix-sync-choice': ({ choice }) =>
    `change ${choice === 'template' ? 'Profile name template' : 'Region'} under Profiles in ~/.aws/config in ${WINDOW}`,
};

export function trayStep(step: NextStep): string {
  return wordStep(TRAY_WORDS, step);
}

/** The notification that a session needs a sign-in, whose click starts one: a sign-in step is worded as that click. */
export function signInNotice(reason: Problem): string {
  if (reason.next?.do === 'sign-in') return `${reason.message} Click to ${SIGN_IN_WHEN[reason.next.when]}.`;
  return `${traySentence(reason)} Click to sign in.`;
}

/** A problem with its next step, as one sentence in a notification or a menu line. */
export function traySentence(problem: Problem): string {
  return withStep(problem.message, problem.next && trayStep(problem.next));
}
