import { describe, expect, it } from 'vitest';
import { nextSessionState, type SessionEvent, type SessionState } from './session-state.js';

function run(start: SessionState, ...events: SessionEvent[]): SessionState {
  return events.reduce(nextSessionState, start);
}

describe('a session’s states', () => {
  it('goes signed out -> signing in -> signed in on a successful sign-in', () => {
    expect(run('signed-out', { type: 'sign-in-started' })).toBe('signing-in');
    expect(run('signed-out', { type: 'sign-in-started' }, { type: 'sign-in-succeeded' })).toBe('signed-in');
  });

  it('returns to signed out when a first sign-in fails, but keeps a valid session when a second one fails', () => {
    expect(run('signed-out', { type: 'sign-in-started' }, { type: 'sign-in-failed' })).toBe('signed-out');
    expect(run('signed-in', { type: 'sign-in-failed' })).toBe('signed-in');
  });

  it('refreshes from signed in and from expired (a renewable token), and fails to expired when no longer valid', () => {
    expect(run('signed-in', { type: 'refresh-started' })).toBe('refreshing');
    expect(run('expired', { type: 'refresh-started' }, { type: 'refresh-succeeded' })).toBe('signed-in');
    expect(run('signed-in', { type: 'refresh-started' }, { type: 'refresh-failed', stillValid: true })).toBe(
      'signed-in',
    );
    expect(run('signed-in', { type: 'refresh-started' }, { type: 'refresh-failed', stillValid: false })).toBe(
      'expired',
    );
  });

  it('does not let a cached token or expiry interrupt a sign-in in progress', () => {
    expect(run('signing-in', { type: 'token-found', valid: false })).toBe('signing-in');
    expect(run('signing-in', { type: 'token-expired' })).toBe('signing-in');
    expect(run('signing-in', { type: 'token-missing' })).toBe('signing-in');
  });

  it('adopts a token found in the cache (another tool signed in) and forgets one that vanished', () => {
    expect(run('signed-out', { type: 'token-found', valid: true })).toBe('signed-in');
    expect(run('signed-out', { type: 'token-found', valid: false })).toBe('expired');
    expect(run('signed-in', { type: 'token-missing' })).toBe('signed-out');
  });

  it('signs out from any state', () => {
    for (const state of ['signed-out', 'signing-in', 'signed-in', 'refreshing', 'expired'] as const) {
      expect(run(state, { type: 'signed-out' })).toBe('signed-out');
    }
  });
});
