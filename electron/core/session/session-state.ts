// A session's life as a small pure state machine; the session runtime applies it and emits the result.

export type SessionState = 'signed-out' | 'signing-in' | 'signed-in' | 'refreshing' | 'expired';

export type SessionEvent =
  | { type: 'token-found'; valid: boolean } // a cached token was read (ours or the AWS CLI's)
  | { type: 'sign-in-started' }
  | { type: 'sign-in-succeeded' }
  | { type: 'sign-in-failed' }
  | { type: 'refresh-started' }
  | { type: 'refresh-succeeded' }
  | { type: 'refresh-failed'; stillValid: boolean }
  | { type: 'token-expired' }
  | { type: 'token-missing' }
  | { type: 'signed-out' };

/** The next state; an event that does not apply leaves the state as it is. */
export function nextSessionState(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'sign-in-started':
      return 'signing-in';
    case 'sign-in-succeeded':
    case 'refresh-succeeded':
      return 'signed-in';
    case 'sign-in-failed':
      // A failed attempt does not end a session that was still valid before it.
      return state === 'signing-in' ? 'signed-out' : state;
    case 'token-found':
      if (state === 'signing-in' || state === 'refreshing') return state;
      return event.valid ? 'signed-in' : 'expired';
    case 'refresh-started':
      return state === 'signed-in' || state === 'expired' ? 'refreshing' : state;
    case 'refresh-failed':
      return event.stillValid ? 'signed-in' : 'expired';
    case 'token-expired':
      return state === 'signing-in' || state === 'signed-out' ? state : 'expired';
    case 'token-missing':
      return state === 'signing-in' ? state : 'signed-out';
    case 'signed-out':
      return 'signed-out';
  }
}
