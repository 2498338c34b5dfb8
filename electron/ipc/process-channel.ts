// The quick answers' own channel (credential_process's warm answer, `exec` with cached credentials). Its input is
// checked by the very rules the contract's schema applies (shared/identifier-rules.ts), without loading zod: the AWS
// SDKs run `sso-tray process` for every process a user starts. A miss (undefined) sends the caller to the contract's
// `credentials:process` / `credentials:values` through the door.
import { isValidIdentifier } from '../../shared/identifier-rules.js';
import {
  cachedProcessAnswer,
  cachedRole,
  type CachedProcessRequest,
} from '../core/role-credentials/cached-process-answer.js';
import { awsPathsFromEnv, type Env } from '../core/environment.js';

const isValid = (input: CachedProcessRequest) =>
  isValidIdentifier('account-id', input.accountId) &&
  isValidIdentifier('role-name', input.roleName) &&
  (input.session === undefined || isValidIdentifier('session-name', input.session));

/** credential_process's answer from the caches. */
export function callCachedProcess(env: Env, input: CachedProcessRequest, now: number = Date.now()) {
  return whenValid(input, () => cachedProcessAnswer(input, awsPathsFromEnv(env), now));
}

/** The role's cached credentials with their session and the settings' region choice, for `exec`. */
export function callCachedRole(env: Env, input: CachedProcessRequest, now: number = Date.now()) {
  return whenValid(input, () => cachedRole(input, awsPathsFromEnv(env), now));
}

// A name rather than an id, or a refusal: the door's schema and the listing answer those in their own words.
function whenValid<T>(
  input: CachedProcessRequest,
  answer: () => Promise<T | undefined>,
): Promise<T | undefined> {
  return isValid(input) ? answer() : Promise.resolve(undefined);
}
