// The one rule for putting a front end's wording of a next step after the core's problem: a problem that is a whole
// sentence (it ends with a full stop) gets the step as a sentence of its own; a clause gets it after a semicolon.
import { printable } from './printable-text.js';

/** "Your session for acme has ended." + "sign in again" -> "Your session for acme has ended. Sign in again." */
export function withStep(problem: string, clause: string | undefined): string {
  if (!clause) return problem;
  // The clause echoes names (a session, a profile): one line, controls escaped, like the problem itself.
  const step = printable(clause);
  return problem.endsWith('.')
    ? `${problem} ${step.charAt(0).toUpperCase()}${step.slice(1)}.`
    : `${problem}; ${step}.`;
}
