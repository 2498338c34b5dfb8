// The endpoints the running app serves (the window's "Served credentials", the tray's list): one per role, on
// 127.0.0.1 only, each with its own token, which never leaves this module except as the variables the main process
// puts on the clipboard. Signing out of a session stops its endpoints; quitting stops them all.
import { randomUUID } from 'node:crypto';
import { startCredentialEndpoint, type RunningEndpoint } from './credential-endpoint.js';
import type { EndpointCredentials } from './endpoint-types.js';
import type { RoleRef, ServedEndpoint } from '../core/shapes/front-end-shapes.js';
import type { Clock, TimerHandle } from '../core/clock.js';
import { SsoTrayError, isSsoTrayError } from '../core/errors.js';

export interface ServedEndpointsDeps {
  clock: Clock;
  /** The role's credentials through the core (its cache, renewed within its window). */
  credentials(role: RoleRef): Promise<EndpointCredentials>;
  /** The list changed, or what it shows did (requests answered, a problem). */
  changed(list: ServedEndpoint[]): void;
  /** One sentence for the user (the app shows it as a notification). */
  notice(message: string): void;
}

interface Entry {
  view: ServedEndpoint;
  endpoint: RunningEndpoint;
}

/** Requests answered are counted at once but announced at most this often (200 clients are not 200 events). */
const ANNOUNCE_EVERY_MS = 1_000;

export class ServedEndpoints {
  private readonly entries = new Map<string, Entry>();
  private readonly starting = new Map<string, Promise<ServedEndpoint>>();
  private announceTimer: TimerHandle | undefined;
  private disposed = false;

  constructor(private readonly deps: ServedEndpointsDeps) {}

  list(): ServedEndpoint[] {
    return [...this.entries.values()].map(({ view, endpoint }) => ({
      ...view,
      served: endpoint.served(),
      ...(endpoint.expiration() ? { expiration: endpoint.expiration() } : {}),
    }));
  }

  /** Serves the role; a role already served keeps its endpoint (and its token), so programs using it go on. */
  start(role: RoleRef): Promise<ServedEndpoint> {
    const key = roleKey(role);
    const running = [...this.entries.values()].find((e) => roleKey(e.view) === key);
    if (running) return Promise.resolve(this.viewOf(running));
    let pending = this.starting.get(key);
    if (!pending) {
      pending = this.open(role).finally(() => this.starting.delete(key));
      this.starting.set(key, pending);
    }
    return pending;
  }

  async stop(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) throw notServed();
    this.entries.delete(id);
    await entry.endpoint.close();
    this.announce();
  }

  /** AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN: only for the clipboard. */
  variables(id: string): Array<[string, string]> {
    const entry = this.entries.get(id);
    if (!entry) throw notServed();
    return [
      ['AWS_CONTAINER_CREDENTIALS_FULL_URI', entry.endpoint.url],
      ['AWS_CONTAINER_AUTHORIZATION_TOKEN', entry.endpoint.token],
    ];
  }

  /** The session's credentials are gone (signed out, removed): its endpoints stop, and the user hears it once. */
  async sessionEnded(session: string, why: string): Promise<void> {
    const ended = [...this.entries.values()].filter((e) => e.view.session === session);
    if (ended.length === 0) return;
    for (const entry of ended) this.entries.delete(entry.view.id);
    await Promise.all(ended.map((e) => e.endpoint.close()));
    const roles = ended.map((e) => `${e.view.roleName} in ${e.view.accountId}`).join(', ');
    this.deps.notice(
      `Stopped serving ${roles} to local programs: ${why}; sign in and serve ${ended.length > 1 ? 'them' : 'it'} again from the window.`,
    );
    this.announce();
  }

  /** Quit: every endpoint closes (a program using one gets connection refused, as when the app is not running). */
  dispose(): void {
    this.disposed = true;
    if (this.announceTimer) this.deps.clock.clearTimer(this.announceTimer);
    for (const { endpoint } of this.entries.values()) void endpoint.close();
    this.entries.clear();
  }

  private async open(role: RoleRef): Promise<ServedEndpoint> {
    const id = randomUUID();
    const { clock } = this.deps;
    const plain = { session: role.session, accountId: role.accountId, roleName: role.roleName };
    const endpoint = await startCredentialEndpoint({
      fetch: () =>
        this.deps.credentials(plain).catch((error: unknown) => Promise.reject(forPrograms(error, role))),
      accountId: role.accountId,
      now: () => clock.now(),
      onAnswered: () => {
        const entry = this.entries.get(id);
        if (entry) entry.view.lastRequestAt = new Date(clock.now()).toISOString();
        this.announceSoon();
      },
      onProblem: (sentence) => {
        const entry = this.entries.get(id);
        if (!entry) return;
        entry.view.problem = sentence;
        this.deps.notice(`Serving ${role.roleName} in ${role.accountId} to local programs: ${sentence}`);
        this.announce();
      },
      onRecovered: () => {
        const entry = this.entries.get(id);
        if (entry) delete entry.view.problem;
        this.announce();
      },
    });
    if (this.disposed) {
      // The app quit while this one was starting: it must not outlive the app.
      await endpoint.close();
      throw new SsoTrayError('invalid-input', 'SSO Tray is quitting; start it again to serve this role.');
    }
    const entry: Entry = {
      endpoint,
      view: {
        id,
        ...plain,
        url: endpoint.url,
        startedAt: new Date(clock.now()).toISOString(),
        served: 0,
      },
    };
    this.entries.set(id, entry);
    this.announce();
    return this.viewOf(entry);
  }

  private viewOf(entry: Entry): ServedEndpoint {
    return this.list().find((v) => v.id === entry.view.id) ?? entry.view;
  }

  private announceSoon(): void {
    if (this.announceTimer) return;
    this.announceTimer = this.deps.clock.setTimer(() => {
      this.announceTimer = undefined;
      this.announce();
    }, ANNOUNCE_EVERY_MS);
  }

  private announce(): void {
    this.deps.changed(this.list());
  }
}

/** A session that ended, told to a program's SDK (which shows it to its user) in terms of where to act: SSO Tray. */
function forPrograms(error: unknown, role: RoleRef): unknown {
  if (!isSsoTrayError(error, 'session-ended') && !isSsoTrayError(error, 'sign-in-needed')) return error;
  return new SsoTrayError(
    error.code,
    `The SSO Tray session ${role.session} has ended; sign in to it again in SSO Tray, and this endpoint serves ${role.roleName} again.`,
  );
}

function roleKey(role: RoleRef): string {
  return `${role.session}\n${role.accountId}\n${role.roleName}`;
}

function notServed(): SsoTrayError {
  return new SsoTrayError(
    'invalid-input',
    'That endpoint is no longer served; start it again with Serve to local programs.',
  );
}
