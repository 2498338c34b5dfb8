// The tray icon's tooltip: each session's status in one line, cut where Windows cuts it.
import type { SessionView } from '../core/shapes/front-end-shapes.js';
import { clockTime, type TimeStyle } from './tray-text.js';

// Windows cuts a tray tooltip at 127 characters.
const WINDOWS_TOOLTIP_MAX = 127;

/**
 * "SSO Tray — acme: signed in, ends 16:05; beta: signed out". Clock times, not "in 7h 12m": a tooltip is set once
 * per rebuild and read later, and a time of day stays true (tray-owner.ts rebuilds when one is reached).
 */
export function trayTooltip(
  state: TimeStyle & { sessions: SessionView[]; now: number; platform: NodeJS.Platform },
): string {
  const parts = state.sessions.map((view) => `${view.name}: ${tooltipStatus(view, state)}`);
  const text = `SSO Tray — ${parts.length ? parts.join('; ') : 'no sign-in set up'}`;
  if (state.platform !== 'win32' || text.length <= WINDOWS_TOOLTIP_MAX) return text;
  return `${text.slice(0, WINDOWS_TOOLTIP_MAX - 1)}…`;
}

function tooltipStatus(view: SessionView, state: TimeStyle & { now: number }): string {
  switch (view.state) {
    case 'signed-in':
      if (!view.expiresAt) return 'signed in';
      return `signed in, ${view.renewable ? 'renews automatically before' : 'ends'} ${clockTime(Date.parse(view.expiresAt), state.now, state)}`;
    case 'refreshing':
      return 'signed in, renewing';
    case 'signing-in':
      return 'signing in';
    case 'expired':
      return 'expired, sign in again';
    case 'signed-out':
      return 'signed out';
  }
}
