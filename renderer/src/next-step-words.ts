// How the window words each next step the core gives: the button to press, named as it appears in the window, and
// where that button can sit in the error's own banner, which button it is. Complete by type: a new kind of step does
// not compile until it is worded here.
import type { NextStep, NextStepWords, Problem } from '../../electron/core/next-step.js';
import { withStep } from '../../shared/step-sentence.js';
import { SETTING_LABELS } from '../../shared/setting-labels.js';

/** A button the banner can offer right beside the sentence that names it. */
export type StepButton = { label: string } & ({ run: 'sign-in'; session: string } | { run: 'refresh' });

export interface WindowStep {
  /** The clause after the problem; it names the button by its label. */
  clause: string;
  button?: StepButton;
}

const SIGN_IN_LABEL = { first: 'Sign in', again: 'Sign in again', 'to-replace': 'Sign in again' } as const;
const SIGN_IN_CLAUSE = {
  first: 'sign in first',
  again: 'sign in again',
  'to-replace': 'sign in again to replace it',
};

const WINDOW_WORDS: NextStepWords<WindowStep> = {
  'sign-in': ({ session, when }) => ({
    clause: SIGN_IN_CLAUSE[when],
    button: { label: SIGN_IN_LABEL[when], run: 'sign-in', session },
  }),
  'sign-in-then-report': ({ session }) => ({
    clause: 'sign in again, and report it if it keeps happening',
    button: { label: 'Sign in again', run: 'sign-in', session },
  }),
  'restart-sign-in': () => ({
    clause: 'start the sign-in again with Sign in with the browser or a device code',
  }),
  'check-region': ({ session }) => ({ clause: `check the region of ${session} and sign in again` }),
  'check-start-url': () => ({
    clause: 'check the start URL and the region your Identity Center is in, then sign in again',
  }),
  'refresh-list': () => ({
    clause: 'press Refresh and choose again',
    button: { label: 'Refresh', run: 'refresh' },
  }),
  'add-session': ({ session }) => ({
    clause: session
      ? 'add it first with Add session'
      : 'add one with its start URL and region first (Add session)',
  }),
  'name-session': () => ({ clause: 'choose the session to use in the list' }),
  'choose-session-name': ({ orChangeItThere }) => ({
    clause: orChangeItThere ? 'choose another session name or change it there' : 'choose another name',
  }),
  // Both places that write a profile (the credentials file, ~/.aws/config) show Replace it beside the sentence.
  'choose-profile-name-or-overwrite': () => ({ clause: 'type another Profile name, or press Replace it' }),
  'choose-process-kind': () => ({ clause: 'choose credential_process under Kind' }),
  'fix-setting': ({ setting }) => ({ clause: `change ${SETTING_LABELS[setting]} and save again` }),
  'allow-remove': () => ({ clause: 'remove it from the file yourself if you no longer need it' }),
  // The sentence shows at that field, marked invalid (config-sync-actions.ts): the place is the step, no clause.
  'fix-sync-choice': () => ({ clause: '' }),
};

export function windowStep(step: NextStep): WindowStep {
  return (WINDOW_WORDS[step.do] as (step: NextStep) => WindowStep)(step);
}

/** A problem (an error, a session's reason, an event) with its next step, as one sentence in the window. */
export function windowSentence(problem: Problem): string {
  return withStep(problem.message, problem.next && windowStep(problem.next).clause);
}
