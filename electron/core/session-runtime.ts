// One sign-in's life: its token (read fresh from the shared cache), its state, and the refresh that is due next.
import path from 'node:path';
import type { Clock, TimerHandle } from './clock.js';
import { SsoTrayError, isSsoTrayError, sessionLabel } from './errors.js';
import { nextSessionState, type SessionEvent, type SessionState } from './session-state.js';
import type { SessionConfig, SsoToken } from './types.js';
import type { SessionView } from './views.js';

import { tokenCacheFileName } from './aws-files/token-cache.js';
import { withFileLock } from './aws-files/locked-write.js';
import { signIn } from './identity-center/sign-in.js';
import type { SignInDeps } from './identity-center/sign-in-deps.js';
import { refreshAccessToken } from './identity-center/token-refresh.js';
import { logout } from './identity-center/sign-out.js';
import type { SignInFlow, SignInProgress } from './views.js';

/** Refresh this long before the access token expires, as the AWS CLI does. */
const REFRESH_WINDOW_MS = 15 * 60_000;
/** At most one refresh attempt a minute per session. */
const REFRESH_RETRY_MS = 60_000;

export interface SessionRuntimeDeps extends SignInDeps {
  clock: Clock;
  /** Schedule refreshes and expiry (the app); a one-shot CLI call only acts when asked. */
  background: boolean;
  /** The folder of the token files, for the refresh lock; undefined when tokens are not in files. */
  tokenLockDir?: string;
  /** Registers background work so callers can wait for it. */
  track<T>(work: Promise<T>): Promise<T>;
  onChange(view: SessionView): void;
  onSignInNeeded(session: string, message: string): void;
}

export class SessionRuntime {
  private state: SessionState = 'signed-out';
  private token: SsoToken | undefined;
  private reason: string | undefined;
  private timer: TimerHandle | undefined;
  private lastRefreshAttempt = -Infinity;
  private refreshing: Promise<SsoToken | undefined> | undefined;
  private signInAbort: AbortController | undefined;
  private announcedEnd = false;
  /** The access token Identity Center last accepted (a reference to the one held, not a copy). */
  private confirmed: string | undefined;

  constructor(
    readonly config: SessionConfig,
    private readonly deps: SessionRuntimeDeps,
  ) {}

  view(): SessionView {
    const view: SessionView = {
      name: this.config.name,
      startUrl: this.config.startUrl,
      region: this.config.region,
      source: this.config.source,
      state: this.state,
      renewable: this.token ? isRenewable(this.token, this.deps.clock.now()) : false,
    };
    if (this.token) view.expiresAt = this.token.expiresAt.toISOString();
    if (this.reason && (this.state === 'expired' || this.state === 'signed-out')) view.reason = this.reason;
    return view;
  }

  /** Reads the cached token (the app's or `aws sso login`'s) and schedules what is due. */
  async load(): Promise<SessionView> {
    const token = await this.deps.cache.readToken(this.config);
    this.adopt(token);
    return this.view();
  }

  /** A token valid for at least the refresh window, refreshing it when due; throws a sentence when none can be had. */
  async validToken(): Promise<SsoToken> {
    const now = this.deps.clock.now();
    const cached = await this.deps.cache.readToken(this.config);
    if (!sameToken(cached, this.token)) this.adopt(cached);
    const token = this.token;
    if (!token) throw this.signInNeeded();
    if (token.expiresAt.getTime() - now > REFRESH_WINDOW_MS) return token;
    const refreshed = await this.refresh();
    const usable = refreshed ?? this.token;
    if (usable && usable.expiresAt.getTime() > this.deps.clock.now()) return usable;
    throw this.ended();
  }

  /** Whether Identity Center has accepted this token before (then a rejection means it ended). */
  isConfirmed(token: SsoToken): boolean {
    return this.confirmed === token.accessToken;
  }

  confirm(token: SsoToken): void {
    this.confirmed = token.accessToken;
  }

  /** Called when Identity Center rejects the token: the session has ended. */
  markEnded(reason?: string): void {
    this.reason = reason ?? this.ended().message;
    this.clearTimer();
    this.apply({ type: 'token-expired' });
    this.announceEnd();
  }

  async signIn(
    flow: SignInFlow,
    onProgress: (progress: SignInProgress) => void,
    options: { timeoutMs?: number; fallbackToDeviceCode?: boolean } = {},
  ): Promise<SessionView> {
    this.signInAbort?.abort(new SsoTrayError('sign-in-cancelled', 'A new sign-in replaced this one.'));
    const abort = new AbortController();
    this.signInAbort = abort;
    this.apply({ type: 'sign-in-started' });
    try {
      const token = await signIn(
        this.config,
        { flow, signal: abort.signal, onProgress, ...options },
        this.deps,
      );
      this.reason = undefined;
      this.announcedEnd = false;
      this.token = token;
      this.confirmed = token.accessToken; // issued just now by this session's own Identity Center
      this.apply({ type: 'sign-in-succeeded' });
      this.schedule();
      return this.view();
    } catch (error) {
      this.apply({ type: 'sign-in-failed' });
      throw error;
    } finally {
      if (this.signInAbort === abort) this.signInAbort = undefined;
    }
  }

  cancelSignIn(): boolean {
    if (!this.signInAbort) return false;
    this.signInAbort.abort(
      new SsoTrayError('sign-in-cancelled', `Sign-in for ${sessionLabel(this.config)} was cancelled.`),
    );
    return true;
  }

  async signOut(): Promise<void> {
    this.cancelSignIn();
    this.clearTimer();
    const token = this.token ?? (await this.deps.cache.readToken(this.config).catch(() => undefined));
    await logout(this.config, token, this.deps);
    this.token = undefined;
    this.reason = undefined;
    this.announcedEnd = false;
    this.apply({ type: 'signed-out' });
  }

  /** Re-evaluates after a clock jump or resume from sleep. */
  async recheck(): Promise<void> {
    await this.load().catch(() => undefined);
  }

  dispose(): void {
    this.clearTimer();
    this.signInAbort?.abort(new SsoTrayError('sign-in-cancelled', 'SSO Tray is closing.'));
  }

  private adopt(token: SsoToken | undefined): void {
    this.token = token;
    if (!token) {
      this.clearTimer();
      this.apply({ type: 'token-missing' });
      return;
    }
    const valid = token.expiresAt.getTime() > this.deps.clock.now();
    if (valid) this.announcedEnd = false;
    this.apply({ type: 'token-found', valid: valid || isRenewable(token, this.deps.clock.now()) });
    this.schedule();
  }

  /** One timer: the next refresh when renewable, else the moment the token expires. */
  private schedule(): void {
    this.clearTimer();
    const token = this.token;
    if (!token || !this.deps.background) return;
    const now = this.deps.clock.now();
    const expiry = token.expiresAt.getTime();
    if (isRenewable(token, now)) {
      const due = Math.max(expiry - REFRESH_WINDOW_MS, this.lastRefreshAttempt + REFRESH_RETRY_MS, now);
      this.timer = this.deps.clock.setTimer(() => void this.deps.track(this.backgroundRefresh()), due - now);
    } else if (expiry > now) {
      this.timer = this.deps.clock.setTimer(() => this.markEnded(), expiry - now);
    } else if (this.state !== 'expired') {
      this.markEnded();
    }
  }

  private async backgroundRefresh(): Promise<void> {
    this.timer = undefined;
    await this.refresh().catch(() => undefined);
    if (!this.timer && this.state !== 'expired' && this.state !== 'signed-out') this.schedule();
  }

  /** Refreshes once (shared by concurrent callers), at most once a minute; never opens a browser. */
  private refresh(): Promise<SsoToken | undefined> {
    if (this.refreshing) return this.refreshing;
    const now = this.deps.clock.now();
    const token = this.token;
    if (!token || !isRenewable(token, now) || now - this.lastRefreshAttempt < REFRESH_RETRY_MS) {
      return Promise.resolve(undefined);
    }
    this.lastRefreshAttempt = now;
    this.apply({ type: 'refresh-started' });
    this.refreshing = this.lockedRefresh(token)
      .then((fresh) => {
        this.confirmed = fresh.accessToken; // issued by this session's Identity Center for its refresh token
        this.token = fresh;
        this.reason = undefined;
        this.apply({ type: 'refresh-succeeded' });
        this.schedule();
        return fresh;
      })
      .catch((error: unknown) => {
        const stillValid = token.expiresAt.getTime() > this.deps.clock.now();
        // The refresh token is dead: the session ends; the access token may serve until it expires.
        if (isSsoTrayError(error, 'session-ended')) this.token = { ...token, refreshToken: undefined };
        this.reason = isSsoTrayError(error) ? error.message : this.ended().message;
        this.apply({ type: 'refresh-failed', stillValid });
        if (!stillValid) this.announceEnd();
        this.schedule();
        return undefined;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** Another process (the CLI, a second app) may have refreshed already: re-read under the lock first. */
  private async lockedRefresh(token: SsoToken): Promise<SsoToken> {
    const run = async () => {
      const latest = (await this.deps.cache.readToken(this.config)) ?? token;
      if (latest.expiresAt.getTime() - this.deps.clock.now() > REFRESH_WINDOW_MS) return latest;
      return refreshAccessToken(this.config, latest, this.deps);
    };
    if (!this.deps.tokenLockDir) return run();
    return withFileLock(path.join(this.deps.tokenLockDir, tokenCacheFileName(this.config)), run);
  }

  private signInNeeded(): SsoTrayError {
    return new SsoTrayError(
      'sign-in-needed',
      this.reason ?? `You are not signed in to ${sessionLabel(this.config)}. Sign in first.`,
    );
  }

  private ended(): SsoTrayError {
    return new SsoTrayError(
      'session-ended',
      `Your session for ${sessionLabel(this.config)} has ended. Sign in again.`,
    );
  }

  private announceEnd(): void {
    if (this.announcedEnd) return;
    this.announcedEnd = true;
    this.deps.onSignInNeeded(this.config.name, this.reason ?? this.ended().message);
  }

  private apply(event: SessionEvent): void {
    const next = nextSessionState(this.state, event);
    if (next === this.state && event.type !== 'refresh-succeeded' && event.type !== 'sign-in-succeeded')
      return;
    this.state = next;
    this.deps.onChange(this.view());
  }

  private clearTimer(): void {
    if (this.timer) this.deps.clock.clearTimer(this.timer);
    this.timer = undefined;
  }
}

/** A refresh is possible: a refresh token and a registration that has not expired. */
function isRenewable(token: SsoToken, now: number): boolean {
  return Boolean(
    token.refreshToken &&
    token.clientId &&
    token.clientSecret &&
    (!token.registrationExpiresAt || token.registrationExpiresAt.getTime() > now),
  );
}

function sameToken(a: SsoToken | undefined, b: SsoToken | undefined): boolean {
  return a?.accessToken === b?.accessToken && a?.expiresAt.getTime() === b?.expiresAt.getTime();
}
