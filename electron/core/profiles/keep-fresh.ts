// Keeps the profiles a user chose valid: each is rewritten before its credentials expire, on timers, never polled.
import type { Clock, TimerHandle } from '../clock.js';
import { isSsoTrayError } from '../errors.js';
import type { CredentialsFile, OwnedProfile } from '../aws-files/credentials-file.js';
import type { RoleCredentials } from '../shapes/aws-shapes.js';

/** Rewrite this long before the credentials expire. */
const KEEP_FRESH_WINDOW_MS = 15 * 60_000;
const RETRY_MS = 60_000;
const MAX_RETRY_MS = 5 * 60_000;

export interface KeepFreshDeps {
  clock: Clock;
  credentialsFile: CredentialsFile;
  /** Credentials valid beyond the window (a fetch, or the memory cache when it is fresh enough). */
  fetchCredentials(sessionName: string, accountId: string, roleName: string): Promise<RoleCredentials>;
  onProfilesChanged(): void;
  /** Registers background work so callers can wait for it. */
  track<T>(work: Promise<T>): Promise<T>;
  onError(profile: string, error: unknown): void;
}

export class KeepFresh {
  private readonly timers = new Map<string, TimerHandle>();
  private readonly failures = new Map<string, number>();
  /** Profiles waiting for their session to be signed in again, by session. */
  private readonly waiting = new Map<string, Set<string>>();

  constructor(private readonly deps: KeepFreshDeps) {}

  /** (Re)schedules every keep-fresh profile from the record: at start, on resume, after a clock jump. */
  async recheck(): Promise<void> {
    const owned = await this.deps.credentialsFile.ownedProfiles();
    const wanted = new Set(owned.filter((p) => p.keepFresh).map((p) => p.profile));
    for (const profile of [...this.timers.keys()]) if (!wanted.has(profile)) this.untrack(profile);
    for (const profile of owned) if (profile.keepFresh) this.track(profile);
  }

  /** Schedules one profile's next rewrite from its recorded expiration. */
  track(profile: OwnedProfile): void {
    const expiration = Date.parse(profile.expiration);
    const due = Number.isFinite(expiration) ? expiration - KEEP_FRESH_WINDOW_MS : this.deps.clock.now();
    this.scheduleAt(profile.profile, due);
  }

  untrack(profile: string): void {
    const timer = this.timers.get(profile);
    if (timer) this.deps.clock.clearTimer(timer);
    this.timers.delete(profile);
    this.failures.delete(profile);
    for (const set of this.waiting.values()) set.delete(profile);
  }

  /** The session is signed in again: rewrite what waited for it now. */
  sessionSignedIn(sessionName: string): void {
    const profiles = this.waiting.get(sessionName);
    if (!profiles) return;
    this.waiting.delete(sessionName);
    for (const profile of profiles) this.scheduleAt(profile, this.deps.clock.now());
  }

  dispose(): void {
    for (const timer of this.timers.values()) this.deps.clock.clearTimer(timer);
    this.timers.clear();
  }

  private scheduleAt(profile: string, due: number): void {
    const existing = this.timers.get(profile);
    if (existing) this.deps.clock.clearTimer(existing);
    const delay = Math.max(0, due - this.deps.clock.now());
    this.timers.set(
      profile,
      this.deps.clock.setTimer(() => void this.deps.track(this.rewrite(profile)), delay),
    );
  }

  private async rewrite(name: string): Promise<void> {
    this.timers.delete(name);
    const profile = (await this.deps.credentialsFile.ownedProfiles()).find((p) => p.profile === name);
    if (!profile?.keepFresh) return; // removed or no longer kept fresh, perhaps by the CLI
    try {
      const credentials = await this.deps.fetchCredentials(
        profile.session,
        profile.accountId,
        profile.roleName,
      );
      await this.deps.credentialsFile.writeProfile(name, credentials, {
        session: profile.session,
        keepFresh: true,
      });
      this.failures.delete(name);
      this.deps.onProfilesChanged();
      const due = Math.max(
        credentials.expiration.getTime() - KEEP_FRESH_WINDOW_MS,
        this.deps.clock.now() + RETRY_MS,
      );
      this.scheduleAt(name, due);
    } catch (error) {
      if (isSsoTrayError(error, 'sign-in-needed') || isSsoTrayError(error, 'session-ended')) {
        // Nothing can be done until the user signs in; the session announces that once.
        const set = this.waiting.get(profile.session) ?? new Set<string>();
        set.add(name);
        this.waiting.set(profile.session, set);
        return;
      }
      this.deps.onError(name, error);
      const attempts = (this.failures.get(name) ?? 0) + 1;
      this.failures.set(name, attempts);
      this.scheduleAt(name, this.deps.clock.now() + Math.min(RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS));
    }
  }
}
