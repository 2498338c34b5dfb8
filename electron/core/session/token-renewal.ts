// When a session's token is refreshed: one timer, one attempt a minute shared by every caller, under the cache's lock.
import path from 'node:path';
import type { Clock, TimerHandle } from '../clock.js';
import type { SessionState } from './session-state.js';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { tokenCacheFileName } from '../aws-files/sso-cache-format.js';
import { withFileLock } from '../aws-files/locked-write.js';
import type { SignInDeps } from '../identity-center/sign-in-deps.js';
import { refreshAccessToken } from '../identity-center/token-refresh.js';

/** Refresh this long before the access token expires, as the AWS CLI does. */
export const REFRESH_WINDOW_MS = 15 * 60_000;
/** At most one refresh attempt a minute per session. */
const REFRESH_RETRY_MS = 60_000;

export interface RenewalDeps extends SignInDeps {
  clock: Clock;
  /** Schedule refreshes and expiry (the app); a one-shot CLI call only acts when asked. */
  background: boolean;
  /** The folder of the token files, for the refresh lock; undefined when tokens are not in files. */
  tokenLockDir?: string;
  /** Registers background work so callers can wait for it. */
  track<T>(work: Promise<T>): Promise<T>;
}

/** The session a renewal serves: its token and state as they are now, and where each outcome goes. */
export interface RenewedSession {
  readonly config: SessionConfig;
  token(): SsoToken | undefined;
  state(): SessionState;
  refreshStarted(): void;
  refreshed(fresh: SsoToken): void;
  refreshFailed(token: SsoToken, error: unknown): void;
  /** The token expired and cannot be refreshed. */
  expired(): void;
}

/** A refresh is possible: a refresh token and a registration that has not expired. */
export function isRenewable(token: SsoToken, now: number): boolean {
  return Boolean(
    token.refreshToken &&
    token.clientId &&
    token.clientSecret &&
    (!token.registrationExpiresAt || token.registrationExpiresAt.getTime() > now),
  );
}

export class TokenRenewal {
  private timer: TimerHandle | undefined;
  private lastAttempt = -Infinity;
  private running: Promise<SsoToken | undefined> | undefined;

  constructor(
    private readonly session: RenewedSession,
    private readonly deps: RenewalDeps,
  ) {}

  /** One timer: the next refresh when renewable, else the moment the token expires. */
  schedule(): void {
    this.stop();
    const token = this.session.token();
    if (!token || !this.deps.background) return;
    const now = this.deps.clock.now();
    const expiry = token.expiresAt.getTime();
    if (isRenewable(token, now)) {
      const due = Math.max(expiry - REFRESH_WINDOW_MS, this.lastAttempt + REFRESH_RETRY_MS, now);
      this.timer = this.deps.clock.setTimer(() => void this.deps.track(this.inBackground()), due - now);
    } else if (expiry > now) {
      this.timer = this.deps.clock.setTimer(() => this.session.expired(), expiry - now);
    } else if (this.session.state() !== 'expired') {
      this.session.expired();
    }
  }

  stop(): void {
    if (this.timer) this.deps.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** Refreshes once (shared by concurrent callers), at most once a minute; never opens a browser. */
  refresh(): Promise<SsoToken | undefined> {
    if (this.running) return this.running;
    const now = this.deps.clock.now();
    const token = this.session.token();
    if (!token || !isRenewable(token, now) || now - this.lastAttempt < REFRESH_RETRY_MS) {
      return Promise.resolve(undefined);
    }
    this.lastAttempt = now;
    this.session.refreshStarted();
    this.running = this.underLock(token)
      .then((fresh) => {
        this.session.refreshed(fresh);
        this.schedule();
        return fresh;
      })
      .catch((error: unknown) => {
        this.session.refreshFailed(token, error);
        this.schedule();
        return undefined;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async inBackground(): Promise<void> {
    this.timer = undefined;
    await this.refresh().catch(() => undefined);
    const state = this.session.state();
    if (!this.timer && state !== 'expired' && state !== 'signed-out') this.schedule();
  }

  /** Another process (the CLI, a second app) may have refreshed already: re-read under the lock first. */
  private async underLock(token: SsoToken): Promise<SsoToken> {
    const { config } = this.session;
    const run = async () => {
      const latest = (await this.deps.cache.readToken(config)) ?? token;
      if (latest.expiresAt.getTime() - this.deps.clock.now() > REFRESH_WINDOW_MS) return latest;
      return refreshAccessToken(config, latest, this.deps);
    };
    if (!this.deps.tokenLockDir) return run();
    return withFileLock(path.join(this.deps.tokenLockDir, tokenCacheFileName(config)), run);
  }
}
