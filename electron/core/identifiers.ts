// Every name a user, the renderer or Identity Center hands us, checked at the boundary with AWS's own rules, so no
// identifier can reach a shell, an INI line or a JS object key as anything but itself. The rules and their sentences
// live in shared/identifier-rules.ts, which the window's form hints use too; here a refusal becomes an SsoTrayError.
import { identifierProblem, type IdentifierKind } from '../../shared/identifier-rules.js';
import { SsoTrayError } from './errors.js';
import type { RoleRef } from './shapes/front-end-shapes.js';

export {
  REGION_PATTERN,
  identifierProblem,
  identifierRule,
  isObjectKey,
  isValidIdentifier,
  type IdentifierKind,
} from '../../shared/identifier-rules.js';

/** The same role of the same session (extra fields, such as a favourite's region, do not count). */
export function sameRole(a: RoleRef, b: RoleRef): boolean {
  return a.session === b.session && a.accountId === b.accountId && a.roleName === b.roleName;
}

/** Returns the value, or throws SsoTrayError('invalid-input') with one sentence naming the field and the rule. */
export function checkIdentifier(kind: IdentifierKind, value: unknown): string {
  const problem = identifierProblem(kind, value);
  if (problem === undefined) return value as string;
  throw new SsoTrayError('invalid-input', problem);
}
