// The endpoints the running app serves (the window's "Served credentials", the tray's list): one per role, on
// 127.0.0.1 only, each with its own token, which never leaves this module except as the variables the main process
// puts on the clipboard. Signing out of a session stops its endpoints; quitting stops them all.
import { randomUUID } from 'node:crypto';
import { startCredentialEndpoint, type RunningEndpoint } from './credential-endpoint.js';
import type { EndpointCredentials } from './endpoint-types.js';
import type { RoleRef, ServedEndpoint } from '../core/shapes/front-end-shapes.js';
import type { Clock, TimerHandle } from '../core/clock.js';
import { SsoTrayError, isSsoTrayError } from '../core/errors.js';
import type { Problem } from '../core/next-step.js';
import { programErrorSentence } from './program-next-step-words.js';

export interface ServedEndpointsDeps {
  clock: Clock;
  /** The role's credentials through the core (its cache, renewed within its window). */
  credentials(role: RoleRef): Promise<EndpointCredentials>;
  /** The list changed, or what it shows did (requests answered, a problem). */
  changed(list: ServedEndpoint[]): void;
  /** One problem for the user, with its next step (the app words it and shows it as a notification). */
  notice(problem: Problem): void;
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
    this.deps.notice({
      message: `Stopped serving ${roles} to local programs: ${why}; sign in and serve ${ended.length > 1 ? 'them' : 'it'} again from the window.`,
    });
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
      fetch: () => this.deps.credentials(plain),
      tokenFrom: 'Copy variables in SSO Tray gives',
      // A program's SDK shows the answer's Message to whoever reads its log: the step is worded as done in the app.
      sentenceOf: programErrorSentence,
      accountId: role.accountId,
      now: () => clock.now(),
      onAnswered: () => {
        const entry = this.entries.get(id);
        if (entry) entry.view.lastRequestAt = new Date(clock.now()).toISOString();
        this.announceSoon();
      },
      onProblem: (sentence, error) => {
        const entry = this.entries.get(id);
        if (!entry) return;
        // The window, the tray and the notification are the app's own: the problem, its step worded by each.
        const problem = isSsoTrayError(error) ? error.problem() : { message: sentence };
        entry.view.problem = problem;
        this.deps.notice({
          ...problem,
          message: `Serving ${role.roleName} in ${role.accountId} to local programs: ${problem.message}`,
        });
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

function roleKey(role: RoleRef): string {
  return `${role.session}\n${role.accountId}\n${role.roleName}`;
}

function notServed(): SsoTrayError {
  return new SsoTrayError(
    'invalid-input',
    'That endpoint is no longer served; start it again with Serve to local programs.',
  );
}
