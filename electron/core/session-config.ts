// A session the app keeps in its settings (name, start URL, region), and the sentence when one entered is refused.
import { z } from 'zod';
import { SsoTrayError } from './errors.js';
import { fieldMessages } from './settings-messages.js';
import { REGION_PATTERN } from './identifiers.js';
import type { SessionConfig } from './types.js';

export const printable = z
  .string()
  .min(1)
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, { error: 'must not hold control characters' });

export const sessionConfigSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, {
    error: 'may use only letters, digits, dots, dashes and underscores',
  }),
  startUrl: z.string().refine(isHttpsUrl, {
    error: 'must be an https:// address, like https://d-1234567890.awsapps.com/start',
  }),
  region: z.string().regex(REGION_PATTERN, { error: 'must look like us-east-1' }),
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

function isHttpsUrl(value: string): boolean {
  if (!URL.canParse(value) || /\s/.test(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname !== '';
}
