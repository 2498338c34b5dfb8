// Role credentials kept in memory only, until 15 minutes before they expire, so a second copy needs no call.
import type { Clock } from '../clock.js';
import type { RoleCredentials } from '../shapes/aws-shapes.js';
import type { RoleRef } from '../shapes/front-end-shapes.js';

/** As the AWS CLI: credentials within 15 minutes of expiry are fetched again. */
const ROLE_CREDENTIALS_REFRESH_WINDOW_MS = 15 * 60_000;

const keyOf = (key: RoleRef): string => JSON.stringify([key.session, key.accountId, key.roleName]);

export class RoleCredentialsCache {
  private readonly entries = new Map<string, { session: string; credentials: RoleCredentials }>();
  private readonly inFlight = new Map<string, { session: string; promise: Promise<RoleCredentials> }>();
  // Bumped by clearSession, so a fetch that started before a sign-out does not repopulate the cache.
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly refreshWindowMs: number = ROLE_CREDENTIALS_REFRESH_WINDOW_MS,
  ) {}

  /** The cached credentials when still valid; otherwise one `fetch`, shared by every concurrent caller. */
  get(key: RoleRef, fetch: () => Promise<RoleCredentials>): Promise<RoleCredentials> {
    const cached = this.peek(key);
    if (cached) return Promise.resolve(cached);
    const id = keyOf(key);
    const pending = this.inFlight.get(id);
    if (pending) return pending.promise;
    const generation = this.generations.get(key.session) ?? 0;
    const flight = { session: key.session } as {
      session: string;
      promise: Promise<RoleCredentials>;
    };
    this.inFlight.set(id, flight);
    flight.promise = (async () => {
      try {
        const credentials = await fetch();
        if ((this.generations.get(key.session) ?? 0) === generation)
          this.entries.set(id, { session: key.session, credentials });
        return credentials;
      } finally {
        if (this.inFlight.get(id) === flight) this.inFlight.delete(id);
      }
    })();
    return flight.promise;
  }

  /** Valid credentials (outside the refresh window), or undefined. */
  peek(key: RoleRef): RoleCredentials | undefined {
    const id = keyOf(key);
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.credentials.expiration.getTime() - this.clock.now() > this.refreshWindowMs)
      return entry.credentials;
    this.entries.delete(id);
    return undefined;
  }

  /** Forgets one role's credentials (a service refused them), so the next get fetches anew. */
  forget(key: RoleRef): void {
    this.entries.delete(keyOf(key));
  }

  /** Forgets every role of a session, e.g. on sign-out. */
  clearSession(session: string): void {
    this.generations.set(session, (this.generations.get(session) ?? 0) + 1);
    for (const [id, entry] of this.entries) if (entry.session === session) this.entries.delete(id);
    for (const [id, entry] of this.inFlight) if (entry.session === session) this.inFlight.delete(id);
  }
}
