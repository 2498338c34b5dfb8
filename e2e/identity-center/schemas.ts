// The shapes the emulator accepts from outside (fixture files, the admin API), each checked with zod.
import { z } from 'zod';
import { API_NAMES } from './model.js';

const apiName = z.enum(API_NAMES);

export const organisationSchema = z.strictObject({
  accounts: z.array(
    z.strictObject({
      accountId: z.string().regex(/^\d{12}$/, 'must be 12 digits'),
      accountName: z.string().min(1, 'must not be empty'),
      emailAddress: z.email('must be an e-mail address'),
      roles: z.array(z.string().regex(/^[\w+=,.@-]{1,32}$/, 'must be a permission set name')),
    }),
  ),
});

const directorySchema = z.strictObject({
  startUrl: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region such as us-east-1'),
  organisation: organisationSchema,
});

const positiveSeconds = z.number().int('must be whole seconds').positive('must be more than 0');

const lifetimesSchema = z
  .strictObject({
    accessTokenSeconds: positiveSeconds,
    refreshTokenSeconds: positiveSeconds,
    clientSecretSeconds: positiveSeconds,
    deviceCodeSeconds: positiveSeconds,
    deviceIntervalSeconds: z.number().int('must be whole seconds').min(0, 'must not be negative'),
    roleCredentialSeconds: positiveSeconds,
  })
  .partial();

const rateLimitSchema = z.strictObject({
  perSecond: z.number().positive('must be more than 0'),
  burst: z.number().int().min(1, 'must be at least 1'),
});

const perApi = <T extends z.ZodType>(value: T) => z.partialRecord(apiName, value);

export const faultSchema = z.strictObject({
  api: z.union([apiName, z.literal('*')]),
  kind: z.enum(['server-error', 'throttle', 'drop', 'slow']),
  count: z.number().int().min(1, 'must be at least 1').optional(),
  rate: z.number().min(0).max(1, 'must be between 0 and 1').optional(),
  delayMs: z.number().int().min(0).optional(),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
});

export const fixtureSchema = z.strictObject({
  organisation: organisationSchema.optional(),
  directories: z.array(directorySchema).optional(),
  lifetimes: lifetimesSchema.optional(),
  latencyMs: perApi(z.number().int().min(0, 'must not be negative')).optional(),
  rateLimits: perApi(rateLimitSchema).optional(),
});

export const adminSchemas = {
  rateLimit: z.strictObject({
    api: apiName,
    perSecond: z.number().positive().optional(),
    burst: z.number().int().min(1).optional(),
  }),
  latency: z.strictObject({ api: apiName, ms: z.number().int().min(0) }),
  clock: z.strictObject({ advanceMs: z.number().int().min(0) }),
  revoke: z.strictObject({ startUrl: z.string().optional() }),
  userCode: z.strictObject({ userCode: z.string().min(1) }),
};

/** The first problem as one line that names the field: `lifetimes.accessTokenSeconds: must be more than 0`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is not valid';
  const field = issue.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('');
  const name = field.replace(/^\./, '') || '(top level)';
  return `${name}: ${issue.message}`;
}
