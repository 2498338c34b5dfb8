// A portal call made with a session's valid token: a rejected token ends the session, every error becomes a sentence.
import { isSsoTrayError } from '../errors.js';
import { toUserError } from '../identity-center/service-errors.js';
import type { PortalToken } from '../identity-center/portal-send.js';
import type { SessionRuntime } from './session-runtime.js';

/** A token Identity Center has never accepted is passed whole, so a rejection of it reads as a wrong region. */
export async function withToken<T>(
  runtime: SessionRuntime,
  action: string,
  call: (token: PortalToken) => Promise<T>,
): Promise<T> {
  const token = await runtime.validToken();
  const firstUse = !runtime.isConfirmed(token);
  try {
    const result = await call(firstUse ? token : token.accessToken);
    runtime.confirm(token);
    return result;
  } catch (error) {
    const userError = isSsoTrayError(error) ? error : toUserError(error, { session: runtime.config, action });
    if (userError.code === 'session-ended') await runtime.rejected(token, userError.problem());
    throw userError;
  }
}
