// The credential_process fast path's own channel. Its input is checked by the very rules the contract's schema applies
// (shared/identifier-rules.ts), without loading zod: the AWS SDKs run `sso-tray process` for every process a user
// starts. A miss (undefined) sends the caller to the contract's `credentials:process` through the door.
import { isValidIdentifier } from '../../shared/identifier-rules.js';
import {
  cachedProcessAnswer,
  type CachedProcessRequest,
} from '../core/role-credentials/cached-process-answer.js';
import { awsPathsFromEnv, type Env } from '../core/environment.js';

export async function callCachedProcess(
  env: Env,
  input: CachedProcessRequest,
  now: number = Date.now(),
): Promise<string | undefined> {
  const valid =
    isValidIdentifier('account-id', input.accountId) &&
    isValidIdentifier('role-name', input.roleName) &&
    (input.session === undefined || isValidIdentifier('session-name', input.session));
  // A name rather than an id, or a refusal: the door's schema and the listing answer those in their own words.
  return valid ? cachedProcessAnswer(input, awsPathsFromEnv(env), now) : undefined;
}
