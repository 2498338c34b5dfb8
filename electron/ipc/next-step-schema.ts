// The shape a next step (electron/core/next-step.ts) must have to cross IPC: checked on the way out of the door, so
// a step of an unknown kind, or one with a field too many, never reaches a front end.
import * as z from 'zod';
import type { NextStep } from '../core/next-step.js';
import { LABELLED_SETTINGS } from '../../shared/setting-labels.js';

const session = z.string().min(1);
const profile = z.string().min(1);

export const nextStepSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('sign-in'), session, when: z.enum(['first', 'again', 'to-replace']) }).strict(),
  z.object({ do: z.literal('sign-in-then-report'), session }).strict(),
  z.object({ do: z.literal('restart-sign-in'), session }).strict(),
  z.object({ do: z.literal('check-region'), session }).strict(),
  z.object({ do: z.literal('check-start-url'), session }).strict(),
  z.object({ do: z.literal('refresh-list') }).strict(),
  z.object({ do: z.literal('add-session'), session: session.optional() }).strict(),
  z.object({ do: z.literal('name-session') }).strict(),
  z.object({ do: z.literal('choose-session-name'), orChangeItThere: z.boolean().optional() }).strict(),
  z.object({ do: z.literal('choose-profile-name-or-overwrite'), profile }).strict(),
  z.object({ do: z.literal('choose-process-kind') }).strict(),
  z.object({ do: z.literal('fix-setting'), setting: z.enum(LABELLED_SETTINGS) }).strict(),
  z.object({ do: z.literal('allow-remove'), profile }).strict(),
  z.object({ do: z.literal('fix-sync-choice'), choice: z.enum(['template', 'region']) }).strict(),
]);

// The schema and the type state one set of steps: either drifting from the other is a type error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesType: Same<z.infer<typeof nextStepSchema>, NextStep> = true;
