// A session's state in words for its card, and the listing's progress line. Pure, so tested under Node.
import type { ListingProgress, SessionView } from './api.js';
import { momentText } from './time-text.js';
import { windowSentence } from './next-step-words.js';

type Tone = 'ok' | 'busy' | 'warn' | 'off';

export interface SessionStatus {
  label: string;
  detail?: string;
  tone: Tone;
}

export function sessionStatus(view: SessionView, now: number): SessionStatus {
  switch (view.state) {
    case 'signed-in': {
      // The tray words the same fact the same way (electron/tray/session-menu.ts): it renews some minutes before.
      const at = view.expiresAt ? momentText(view.expiresAt, now) : undefined;
      const detail = view.renewable
        ? `Renews automatically${at ? ` before ${at}` : ''}`
        : at
          ? `Ends ${at}; sign in again then`
          : 'Sign in again when it ends';
      return { label: 'Signed in', tone: 'ok', detail };
    }
    case 'refreshing':
      return { label: 'Renewing the sign-in…', tone: 'busy' };
    case 'signing-in':
      return { label: 'Signing in…', tone: 'busy' };
    case 'expired':
      return {
        label: 'Expired',
        tone: 'warn',
        detail: view.reason ? windowSentence(view.reason) : 'Sign in again.',
      };
    case 'signed-out':
      return {
        label: 'Signed out',
        tone: 'off',
        ...(view.reason ? { detail: windowSentence(view.reason) } : {}),
      };
  }
}

const count = new Intl.NumberFormat('en-US');

/** "Listing roles: 340 of 2,000 accounts" once the accounts are known, before that how many so far. */
export function listingProgressText(progress: ListingProgress): string {
  if (progress.totalAccounts === undefined) {
    return `Listing accounts: ${count.format(progress.accountsListed)} so far`;
  }
  return `Listing roles: ${count.format(progress.accountsWithRoles)} of ${count.format(progress.totalAccounts)} accounts`;
}

/** "1 account" / "2,000 accounts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}
