// zod's findings on settings as the sentences SSO Tray shows: "<path> <what it must be>".
import type { z } from 'zod';

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

/** The first finding as "sessions[1].startUrl must be …". */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'they are not valid';
  const where = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return where ? `${where} ${issue.message}` : issue.message;
}
