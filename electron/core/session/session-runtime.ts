// One sign-in's life: its token (read fresh from the shared cache), its state, and what a user is told about it.
import { SsoTrayError, isSsoTrayError, sessionLabel } from '../errors.js';
import { nextSessionState, type SessionEvent, type SessionState } from './session-state.js';
import { REFRESH_WINDOW_MS, TokenRenewal, isRenewable, type RenewalDeps } from './token-renewal.js';
import type { Problem } from '../next-step.js';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import type { SessionView, SignInFlow, SignInProgress } from '../shapes/front-end-shapes.js';
import { signIn } from '../identity-center/sign-in.js';
import { logout } from '../identity-center/sign-out.js';
import { sentences } from '../identity-center/service-errors.js';

export interface SessionRuntimeDeps extends RenewalDeps {
  onChange(view: SessionView): void;
  onSignInNeeded(session: string, reason: Problem): void;
  onSignInProgress(session: string, progress: SignInProgress): void;
}

export class SessionRuntime {
  private state: SessionState = 'signed-out';
  private token: SsoToken | undefined;
  private reason: Problem | undefined;
  private signInAbort: AbortController | undefined;
  private announcedEnd = false;
  /** The access token Identity Center last accepted (a reference to the one held, not a copy). */
  private confirmed: string | undefined;
  private readonly renewal: TokenRenewal;

  constructor(
    readonly config: SessionConfig,
    private readonly deps: SessionRuntimeDeps,
  ) {
    this.renewal = new TokenRenewal(
      {
        config,
        token: () => this.token,
        state: () => this.state,
        refreshStarted: () => this.apply({ type: 'refresh-started' }),
        refreshed: (fresh) => this.refreshed(fresh),
        refreshFailed: (token, error) => this.refreshFailed(token, error),
        expired: () => this.markEnded(),
      },
      deps,
    );
  }

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
    if (!token)
      throw new SsoTrayError('sign-in-needed', this.signInReason(sentences.notSignedIn(this.config)));
    if (token.expiresAt.getTime() - now > REFRESH_WINDOW_MS) return token;
    const refreshed = await this.renewal.refresh();
    const usable = refreshed ?? this.token;
    if (usable && usable.expiresAt.getTime() > this.deps.clock.now()) return usable;
    throw new SsoTrayError('session-ended', sentences.sessionEnded(this.config));
  }

  /** Whether Identity Center has accepted this token before (then a rejection means it ended). */
  isConfirmed(token: SsoToken): boolean {
    return this.confirmed === token.accessToken;
  }

  confirm(token: SsoToken): void {
    this.confirmed = token.accessToken;
  }

  /**
   * Identity Center rejected this token: the session has ended, and the cache says so too (the token expired now,
   * its refresh token dropped), so the next command or the AWS CLI reads an ended session, not a signed-in one.
   * A token another sign-in has replaced in the cache meanwhile is left alone.
   */
  async rejected(token: SsoToken, reason: Problem): Promise<void> {
    this.markEnded(reason);
    const cached = await this.deps.cache.readToken(this.config).catch(() => undefined);
    if (cached?.accessToken !== token.accessToken) return;
    const ended: SsoToken = { ...token, expiresAt: new Date(this.deps.clock.now()), refreshToken: undefined };
    await this.deps.cache.writeToken(this.config, ended).catch(() => undefined);
    if (this.token?.accessToken === token.accessToken) this.token = ended;
  }

  /** Called when Identity Center rejects the token, or it expires unrenewable: the session has ended. */
  markEnded(reason?: Problem): void {
    this.reason = reason ?? sentences.sessionEnded(this.config);
    this.renewal.stop();
    this.apply({ type: 'token-expired' });
    this.announceEnd();
  }

  async signIn(
    flow: SignInFlow,
    options: { timeoutMs?: number; fallbackToDeviceCode?: boolean } = {},
  ): Promise<SessionView> {
    this.signInAbort?.abort(new SsoTrayError('sign-in-cancelled', 'A new sign-in replaced this one.'));
    const abort = new AbortController();
    this.signInAbort = abort;
    this.apply({ type: 'sign-in-started' });
    const onProgress = (progress: SignInProgress) => this.deps.onSignInProgress(this.config.name, progress);
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
      this.renewal.schedule();
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
    this.renewal.stop();
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
    this.renewal.stop();
    this.signInAbort?.abort(new SsoTrayError('sign-in-cancelled', 'SSO Tray is closing.'));
  }

  private adopt(token: SsoToken | undefined): void {
    this.token = token;
    if (!token) {
      this.renewal.stop();
      this.apply({ type: 'token-missing' });
      return;
    }
    const valid = token.expiresAt.getTime() > this.deps.clock.now();
    if (valid) this.announcedEnd = false;
    this.apply({ type: 'token-found', valid: valid || isRenewable(token, this.deps.clock.now()) });
    this.renewal.schedule();
  }

  private refreshed(fresh: SsoToken): void {
    this.confirmed = fresh.accessToken; // issued by this session's Identity Center for its refresh token
    this.token = fresh;
    this.reason = undefined;
    this.apply({ type: 'refresh-succeeded' });
  }

  private refreshFailed(token: SsoToken, error: unknown): void {
    const stillValid = token.expiresAt.getTime() > this.deps.clock.now();
    // The refresh token is dead: the session ends; the access token may serve until it expires.
    if (isSsoTrayError(error, 'session-ended')) this.token = { ...token, refreshToken: undefined };
    this.reason = isSsoTrayError(error) ? error.problem() : sentences.sessionEnded(this.config);
    this.apply({ type: 'refresh-failed', stillValid });
    if (!stillValid) this.announceEnd();
  }

  private announceEnd(): void {
    if (this.announcedEnd) return;
    this.announcedEnd = true;
    this.deps.onSignInNeeded(this.config.name, this.signInReason(sentences.sessionEnded(this.config)));
  }

  /** Why a sign-in is needed, with a way forward: the reason's own step (check the region...), else signing in. */
  private signInReason(otherwise: Problem): Problem {
    const reason = this.reason ?? otherwise;
    return reason.next
      ? reason
      : { ...reason, next: { do: 'sign-in', session: this.config.name, when: 'again' } };
  }

  private apply(event: SessionEvent): void {
    const next = nextSessionState(this.state, event);
    if (next === this.state && event.type !== 'refresh-succeeded' && event.type !== 'sign-in-succeeded')
      return;
    this.state = next;
    this.deps.onChange(this.view());
  }
}

function sameToken(a: SsoToken | undefined, b: SsoToken | undefined): boolean {
  return a?.accessToken === b?.accessToken && a?.expiresAt.getTime() === b?.expiresAt.getTime();
}
