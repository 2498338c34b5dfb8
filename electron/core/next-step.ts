// What a user can do about a failure, as data: the core states the problem, and each front end (the CLI, the window,
// the tray) words the step once, in its own terms (a command, a button, a menu item). The schema is what crosses IPC.
import { z } from 'zod';
import { LABELLED_SETTINGS } from '../../shared/setting-labels.js';

const session = z.string().min(1);
const profile = z.string().min(1);

export const nextStepSchema = z.discriminatedUnion('do', [
  /** Sign in to the session: for the first time, again (it ended), or again to replace an unreadable saved sign-in. */
  z.object({ do: z.literal('sign-in'), session, when: z.enum(['first', 'again', 'to-replace']) }).strict(),
  /** Identity Center refused a request it should not have: sign in again, and report it if it keeps happening. */
  z.object({ do: z.literal('sign-in-then-report'), session }).strict(),
  /** A sign-in was denied, cancelled or ran out of time: start it again. */
  z.object({ do: z.literal('restart-sign-in'), session }).strict(),
  /** The token was not accepted in the session's region: check the region, then sign in. */
  z.object({ do: z.literal('check-region'), session }).strict(),
  /** Identity Center does not know the start URL in that region: check both, then sign in. */
  z.object({ do: z.literal('check-start-url'), session }).strict(),
  /** An account or role is no longer assigned: list the accounts again and choose. */
  z.object({ do: z.literal('refresh-list') }).strict(),
  /** No session is set up (none at all, or none by the name given): add it. */
  z.object({ do: z.literal('add-session'), session: session.optional() }).strict(),
  /** Several sessions are set up and nothing said which one. */
  z.object({ do: z.literal('name-session') }).strict(),
  /** The session name is taken (in SSO Tray, or by an [sso-session] of ~/.aws/config that `orChangeItThere`). */
  z.object({ do: z.literal('choose-session-name'), orChangeItThere: z.boolean().optional() }).strict(),
  /** A profile of that name is not SSO Tray's: pick another name, or replace it deliberately. */
  z.object({ do: z.literal('choose-profile-name-or-overwrite'), profile }).strict(),
  /** SSO profiles cannot sign in through this session (a legacy SSO profile): credential_process ones can. */
  z.object({ do: z.literal('choose-process-kind') }).strict(),
  /** A setting of the Settings form was refused: change it (the sentence names it by its label). */
  z.object({ do: z.literal('fix-setting'), setting: z.enum(LABELLED_SETTINGS) }).strict(),
  /** A profile SSO Tray did not write is kept unless its removal is asked for deliberately. */
  z.object({ do: z.literal('allow-remove'), profile }).strict(),
]);

export type NextStep = z.infer<typeof nextStepSchema>;

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
