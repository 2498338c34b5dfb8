// The credentials an endpoint serves: held between requests, renewed through the core before they expire (so a
// client's request is answered at once), and fetched on demand when no timer could keep them fresh (after sleep).
import type { EndpointCredentials } from './endpoint-types.js';

/** The core's own window: credentials within 15 minutes of expiry are fetched again (role-credentials-window.ts). */
const CORE_WINDOW_MS = 15 * 60_000;

/** When to renew: 15 minutes before expiry, or half-way through credentials that live less than 30 minutes. */
export function renewalDelay(remainingMs: number): number {
  return remainingMs > 2 * CORE_WINDOW_MS ? remainingMs - CORE_WINDOW_MS : Math.max(0, remainingMs / 2);
}

export class HeldCredentials {
  private current?: { credentials: EndpointCredentials; renewAt: number; expiresAt: number };
  private pending?: Promise<EndpointCredentials>;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(
    private readonly fetch: () => Promise<EndpointCredentials>,
    private readonly now: () => number = Date.now,
    private readonly onRenewalFailed: (error: unknown) => void = () => undefined,
  ) {}

  /** Valid credentials before their renewal point; past it, renewed ones (or the held ones if renewal fails). */
  async get(): Promise<EndpointCredentials> {
    const held = this.current;
    if (held && this.now() < held.renewAt) return held.credentials;
    try {
      return await this.renew();
    } catch (error) {
      if (held && this.now() < held.expiresAt) return held.credentials;
      throw error;
    }
  }

  /** One renewal at a time, shared by every request that arrives meanwhile. */
  renew(): Promise<EndpointCredentials> {
    this.pending ??= this.fetch()
      .then((credentials) => {
        const expiresAt = Date.parse(credentials.expiration);
        const now = this.now();
        this.current = { credentials, expiresAt, renewAt: now + renewalDelay(expiresAt - now) };
        this.schedule(this.current.renewAt - now);
        return credentials;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    // A timer is capped at 2^31-1 ms (about 24.8 days): https://nodejs.org/api/timers.html#settimeoutcallback-delay-args
    this.timer = setTimeout(
      () => void this.renew().catch((error: unknown) => this.onRenewalFailed(error)),
      Math.min(delayMs, 2 ** 31 - 1),
    );
    // The endpoint's server keeps a `serve` alive; the renewal timer alone must not keep the tray app or a test up.
    this.timer.unref();
  }
}
