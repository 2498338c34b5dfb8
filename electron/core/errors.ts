// Every failure a user can meet is one SsoTrayError: a code for programs, one sentence for people.

export type ErrorCode =
  | 'sign-in-needed' // no usable token: never signed in, signed out, or the session ended
  | 'session-ended' // the token expired or was revoked and could not be refreshed
  | 'sign-in-cancelled' // the user denied the request in the browser, or the app cancelled it
  | 'sign-in-timed-out' // the browser approval or device code was not completed in time
  | 'sign-in-failed' // the service rejected the sign-in (bad state, verifier, client)
  | 'wrong-region' // the token is not valid in the region asked
  | 'not-assigned' // the account or permission set is not assigned to the user
  | 'not-found' // an account, role, session or profile the user named does not exist
  | 'throttled' // Identity Center kept throttling after the retries
  | 'network' // Identity Center could not be reached
  | 'service' // Identity Center answered with a server error after the retries
  | 'file-unreadable' // a file (config, credentials, cache) could not be parsed
  | 'file-busy' // another writer held the lock for too long
  | 'foreign-profile' // a profile exists that SSO Tray did not write
  | 'invalid-input' // the caller asked for something that cannot be done
  | 'internal';

export class SsoTrayError extends Error {
  override readonly name = 'SsoTrayError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** What crosses IPC or a CLI boundary: never the cause, which may carry service details. */
  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isSsoTrayError(error: unknown, code?: ErrorCode): error is SsoTrayError {
  return error instanceof SsoTrayError && (code === undefined || error.code === code);
}

/** A session as users name it in sentences: "acme (us-east-1)". */
export function sessionLabel(session: { name: string; region: string }): string {
  return `${session.name} (${session.region})`;
}
