// What a user can do about a failure, as data: the core states the problem, and each front end (the CLI, the window,
// the tray) words the step once, in its own terms (a command, a button, a menu item). No zod here: the CLI's --help
// and warm paths load this module; the schema that checks a step crossing IPC is electron/ipc/next-step-schema.ts.
import type { LabelledSetting } from '../../shared/setting-labels.js';

export type NextStep =
  /** Sign in to the session: for the first time, again (it ended), or again to replace an unreadable saved sign-in. */
  | { do: 'sign-in'; session: string; when: 'first' | 'again' | 'to-replace' }
  /** Identity Center refused a request it should not have: sign in again, and report it if it keeps happening. */
  | { do: 'sign-in-then-report'; session: string }
  /** A sign-in was denied, cancelled or ran out of time: start it again. */
  | { do: 'restart-sign-in'; session: string }
  /** The token was not accepted in the session's region: check the region, then sign in. */
  | { do: 'check-region'; session: string }
  /** Identity Center does not know the start URL in that region: check both, then sign in. */
  | { do: 'check-start-url'; session: string }
  /** An account or role is no longer assigned: list the accounts again and choose. */
  | { do: 'refresh-list' }
  /** No session is set up (none at all, or none by the name given): add it. */
  | { do: 'add-session'; session?: string }
  /** Several sessions are set up and nothing said which one. */
  | { do: 'name-session' }
  /** The session name is taken (in SSO Tray, or by an [sso-session] of ~/.aws/config that `orChangeItThere`). */
  | { do: 'choose-session-name'; orChangeItThere?: boolean }
  /** A profile of that name is not SSO Tray's: pick another name, or replace it deliberately. */
  | { do: 'choose-profile-name-or-overwrite'; profile: string }
  /** SSO profiles cannot sign in through this session (a legacy SSO profile): credential_process ones can. */
  | { do: 'choose-process-kind' }
  /** A setting of the Settings form was refused: change it (the sentence names it by its label). */
  | { do: 'fix-setting'; setting: LabelledSetting }
  /** A profile SSO Tray did not write is kept unless its removal is asked for deliberately. */
  | { do: 'allow-remove'; profile: string }
  /** A config sync's choice (its profile name template or its region) was refused: change that choice. */
  | { do: 'fix-sync-choice'; choice: SyncChoice };

/** The config sync's choices a refusal can be about. */
export type SyncChoice = 'template' | 'region';

/** A problem as the core states it, with what to do about it (when there is something to do). */
export interface Problem {
  message: string;
  next?: NextStep;
}

/** One table per front end: a new kind of step is a type error until every front end words it. */
export type NextStepWords<Words> = {
  [Kind in NextStep['do']]: (step: Extract<NextStep, { do: Kind }>) => Words;
};

/** The step worded through a front end's table. */
export function wordStep<Words>(table: NextStepWords<Words>, step: NextStep): Words {
  return (table[step.do] as (step: NextStep) => Words)(step);
}
