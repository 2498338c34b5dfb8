// A call that takes long on a terminal says it is waiting (Identity Center slow or retrying), instead of silence;
// a listing shows its own counting line instead, and a sign-in its own steps.
import type { Channel } from '../ipc/contract.js';
import type { CliContext } from './context.js';
import type { Io } from './output.js';

/** How long a call runs before the terminal hears that sso-tray is waiting. */
export const WAITING_NOTICE_MS = 2_000;

// These wait for the user (the browser approval), not for Identity Center: their progress lines say so.
const WAITS_FOR_THE_USER = new Set<Channel>(['sessions:sign-in']);

export function withWaitingNotice(c: CliContext, io: Io, afterMs: number = WAITING_NOTICE_MS): CliContext {
  if (!io.interactive) return c;
  const call: CliContext['call'] = async (channel, input) => {
    if (WAITS_FOR_THE_USER.has(channel)) return c.call(channel, input);
    let shown = false;
    const timer = setTimeout(() => {
      io.err('\rWaiting for Identity Center to answer… (Ctrl-C to stop)\x1b[K');
      shown = true;
    }, afterMs);
    const stop = c.on('listing-progress', () => clearTimeout(timer)); // the listing's own line takes over
    try {
      return await c.call(channel, input);
    } finally {
      clearTimeout(timer);
      stop();
      if (shown) io.err('\r\x1b[K');
    }
  };
  return { ...c, call };
}
