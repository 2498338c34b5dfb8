// How settings' fields are checked and what a refusal says: AWS's own identifier rules (identifiers.ts), and zod's
// findings as "<path> <what it must be>".
import * as z from 'zod';
import { identifierRule, isValidIdentifier, type IdentifierKind } from '../identifiers.js';

/** A string AWS's rule for `kind` accepts; a refusal reads "<path> must be …" with that rule's own words. */
export function awsIdentifier(kind: IdentifierKind) {
  return z.string().refine((value) => isValidIdentifier(kind, value), { error: identifierRule(kind) });
}

/** Free text a person typed (a registration scope): anything but control characters. */
export const printable = z
  .string()
  .min(1)
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, { error: 'must not hold control characters' });

/** Field messages read as "<path> <message>": these fill in for zod's own wording. */
export const fieldMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined
      ? 'is missing'
      : `should be ${issue.expected === 'array' ? 'a list' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}`;
  }
  if (issue.code === 'invalid_value')
    return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  if (issue.code === 'too_small') return 'must not be empty';
  return 'is not valid';
};

/** The first finding: its path ("sessions[1].startUrl") and its sentence ("sessions[1].startUrl must be …"). */
export function firstProblem(error: z.ZodError): { path: PropertyKey[]; text: string; rule: string } {
  const issue = error.issues[0];
  if (!issue) return { path: [], text: 'they are not valid', rule: 'they are not valid' };
  const where = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return { path: issue.path, text: where ? `${where} ${issue.message}` : issue.message, rule: issue.message };
}
