// A session the app keeps in its settings (name, start URL, region, checked with AWS's rules), and the sentence when
// one entered is refused.
import * as z from 'zod';
import { SsoTrayError } from '../errors.js';
import { awsIdentifier, fieldMessages, printable } from '../settings/settings-rules.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';

export const sessionConfigSchema = z.object({
  name: awsIdentifier('session-name'),
  startUrl: awsIdentifier('start-url'),
  region: awsIdentifier('region'),
  registrationScopes: z.array(printable).optional(),
  source: z.literal('app').default('app'),
});

/** A session the user entered: the sentence names the field and what it must be. */
export function parseSessionConfig(input: unknown): SessionConfig {
  const result = sessionConfigSchema.safeParse(input, { error: fieldMessages });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const fields: Record<string, string> = {
    name: 'The session name',
    startUrl: 'The start URL',
    region: 'The region',
    registrationScopes: 'Each registration scope',
  };
  const field = fields[String(issue?.path[0])] ?? 'The session';
  throw new SsoTrayError('invalid-input', `${field} ${issue?.message ?? 'is not valid'}.`);
}
