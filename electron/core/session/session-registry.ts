// The sessions the core knows: the app's (settings.json) and ~/.aws/config's, each with its runtime, and the one
// rule for "which session does this mean".
import { SsoTrayError } from '../errors.js';
import { SessionRuntime } from './session-runtime.js';
import type { SessionView } from '../shapes/front-end-shapes.js';
import { readSessionsFromConfig } from '../aws-files/config-reader.js';
import { problemOf, type CoreParts } from '../assembly/shared-parts.js';
import type { TokenStore } from './token-store.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { mergeSessions } from './session-merge.js';

export class SessionRegistry {
  private readonly runtimes = new Map<string, SessionRuntime>();

  constructor(
    private readonly parts: CoreParts,
    private readonly tokens: TokenStore,
    private readonly onSignedIn: (session: string) => void,
  ) {}

  /** The sessions of the app and of ~/.aws/config (those win on a name clash, as the AWS CLI reads them). */
  async reload(): Promise<void> {
    const { settingsFile, options, emit } = this.parts;
    const settings = await settingsFile.read();
    let configured: SessionConfig[] = [];
    try {
      configured = await readSessionsFromConfig(options.paths);
    } catch (error) {
      emit('problem', problemOf(error));
    }
    const byName = new Map(mergeSessions(settings.sessions, configured).map((s) => [s.name, s]));
    for (const [name, runtime] of this.runtimes) {
      const next = byName.get(name);
      if (!next || JSON.stringify(next) !== JSON.stringify(runtime.config)) {
        runtime.dispose();
        this.runtimes.delete(name);
      }
    }
    for (const session of byName.values()) {
      if (this.runtimes.has(session.name)) continue;
      const runtime = this.createRuntime(session);
      this.runtimes.set(session.name, runtime);
      await runtime.load().catch((error: unknown) => emit('problem', problemOf(error)));
    }
    emit('sessions-changed', this.views());
  }

  private createRuntime(session: SessionConfig): SessionRuntime {
    const { options, clock, work, emit } = this.parts;
    return new SessionRuntime(session, {
      clock,
      background: options.background ?? false,
      endpoints: options.endpoints ?? {},
      cache: this.tokens.cache,
      ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
      ...(this.tokens.shared ? { tokenLockDir: options.paths.ssoCacheDir } : {}),
      track: (job) => work.track(job),
      onChange: (view) => {
        if (view.state === 'signed-in') this.onSignedIn(view.name);
        emit('session-changed', view);
      },
      onSignInNeeded: (name, reason) => emit('sign-in-needed', { session: name, ...reason }),
      onSignInProgress: (name, progress) => emit('sign-in-progress', { session: name, progress }),
    });
  }

  views(): SessionView[] {
    return [...this.runtimes.values()]
      .map((runtime) => runtime.view())
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  has(name: string): boolean {
    return this.runtimes.has(name);
  }

  all(): SessionRuntime[] {
    return [...this.runtimes.values()];
  }

  /** The session a name means; with no name, the only one (else a sentence naming them). */
  get(name: string | undefined): SessionRuntime {
    const all = this.all();
    if (name === undefined) {
      if (all.length === 1 && all[0]) return all[0];
      throw all.length === 0
        ? new SsoTrayError('not-found', 'No Identity Center session is configured', {
            next: { do: 'add-session' },
          })
        : new SsoTrayError(
            'invalid-input',
            `Several sessions are configured (${all.map((r) => r.config.name).join(', ')})`,
            { next: { do: 'name-session' } },
          );
    }
    const runtime = this.runtimes.get(name);
    if (runtime) return runtime;
    throw all.length
      ? new SsoTrayError(
          'not-found',
          `There is no session named "${name}"; the sessions are: ${all.map((r) => r.config.name).join(', ')}.`,
        )
      : new SsoTrayError('not-found', `There is no session named "${name}"`, {
          next: { do: 'add-session', session: name },
        });
  }

  /** Drops every runtime (the token store changed, or the core ends). */
  clear(): void {
    for (const runtime of this.runtimes.values()) runtime.dispose();
    this.runtimes.clear();
  }
}
