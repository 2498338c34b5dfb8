// When the tray's words change by time alone: a session or a kept-fresh profile reaching its end ("ends 16:05"
// becomes "expired"). The owner rebuilds at that moment, with one timer set for it, instead of polling.
import type { TrayState } from './menu-template.js';

/** The next moment after `state.now` that a time the tray shows is reached; undefined when none is ahead. */
export function nextTrayChange(state: Pick<TrayState, 'sessions' | 'profiles' | 'now'>): number | undefined {
  const moments = [
    ...state.sessions
      .filter((session) => session.state === 'signed-in' && session.expiresAt)
      .map((session) => Date.parse(session.expiresAt!)),
    ...state.profiles.filter((profile) => profile.keepFresh).map((profile) => Date.parse(profile.expiration)),
  ].filter((at) => Number.isFinite(at) && at > state.now);
  return moments.length ? Math.min(...moments) : undefined;
}
