import { describe, expect, it } from 'vitest';
import type { SessionView } from './api.js';
import { listingProgressText, plural, sessionStatus } from './session-text.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const base: SessionView = {
  name: 'acme',
  startUrl: 'https://d-1.awsapps.com/start',
  region: 'us-east-1',
  source: 'app',
  state: 'signed-out',
  renewable: false,
};

describe("a session card's status line", () => {
  it('signed in: when it ends, and whether it renews itself', () => {
    const view = { ...base, state: 'signed-in', expiresAt: '2025-03-01T20:00:00Z', renewable: true } as const;
    expect(sessionStatus(view, NOW)).toMatchObject({ label: 'Signed in', tone: 'ok' });
    // The time of day is the user's time zone's: only its place in the sentence is asserted, never the hour.
    expect(sessionStatus(view, NOW).detail).toMatch(/^Renews automatically before \S.* \(in 8 h\)$/);
    expect(sessionStatus({ ...view, renewable: false }, NOW).detail).toMatch(
      /^Ends \S.* \(in 8 h\); sign in again then$/,
    );
  });

  it("expired or signed out: the core's reason, its next step in the window's words", () => {
    const reason = {
      message: 'Your session for acme (us-east-1) has ended.',
      next: { do: 'sign-in', session: 'acme', when: 'again' },
    } as const;
    expect(sessionStatus({ ...base, state: 'expired', reason }, NOW)).toEqual({
      label: 'Expired',
      tone: 'warn',
      detail: 'Your session for acme (us-east-1) has ended. Sign in again.',
    });
    expect(sessionStatus(base, NOW)).toEqual({ label: 'Signed out', tone: 'off' });
    expect(sessionStatus({ ...base, state: 'refreshing' }, NOW).tone).toBe('busy');
  });
});

describe("the listing's progress line", () => {
  it('counts accounts first, then roles of all of them', () => {
    expect(listingProgressText({ accountsListed: 1200, accountsWithRoles: 0 })).toBe(
      'Listing accounts: 1,200 so far',
    );
    expect(listingProgressText({ accountsListed: 2000, accountsWithRoles: 340, totalAccounts: 2000 })).toBe(
      'Listing roles: 340 of 2,000 accounts',
    );
    expect(plural(1, 'account')).toBe('1 account');
    expect(plural(5000, 'account')).toBe('5,000 accounts');
  });
});
