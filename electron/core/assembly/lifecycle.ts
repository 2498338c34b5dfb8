// What the core loads and when: at start, again after sleep or a switch of token store, and what it stops at quit.
import type { ChangeWatch } from './change-watch.js';
import type { CoreParts } from './shared-parts.js';
import type { KeepFresh } from '../profiles/keep-fresh.js';
import { watchOtherPrograms } from './other-programs-watch.js';
import type { SessionRegistry } from '../session/session-registry.js';
import type { TokenStore } from '../session/token-store.js';
import type { Settings } from '../shapes/front-end-shapes.js';

export class CoreLifecycle {
  private started: Promise<void> | undefined;
  private changeWatch: ChangeWatch | undefined;

  constructor(
    private readonly parts: CoreParts,
    private readonly deps: { tokens: TokenStore; registry: SessionRegistry; keepFresh: KeepFresh },
  ) {}

  /** Reads settings, sessions and cached tokens; schedules what is due. Safe to call more than once. */
  start(): Promise<void> {
    this.started ??= this.load();
    return this.started;
  }

  private async load(): Promise<void> {
    const { tokens, registry, keepFresh } = this.deps;
    tokens.follow(await this.parts.settingsFile.read());
    await registry.reload();
    if (this.parts.options.background) {
      await keepFresh.recheck();
      this.changeWatch = await watchOtherPrograms(this.parts, {
        sharing: tokens.sharing,
        registry,
        keepFresh,
      });
    }
  }

  /** After resume from sleep or a clock jump: re-read tokens and reschedule everything. */
  async recheck(): Promise<void> {
    await this.start();
    await this.deps.registry.reload();
    for (const runtime of this.deps.registry.all()) await runtime.recheck();
    if (this.parts.options.background) await this.deps.keepFresh.recheck();
  }

  /** Saves a change of settings; when tokens move to the other store, every session is reloaded from it. */
  async updateSettings(change: Partial<Omit<Settings, 'version' | 'sessions'>>): Promise<Settings> {
    const { settingsFile } = this.parts;
    const before = await settingsFile.read();
    const after = await settingsFile.update((s) => ({ ...s, ...change }));
    if (before.shareTokenCacheWithAwsCli !== after.shareTokenCacheWithAwsCli) {
      this.deps.tokens.follow(after);
      this.deps.registry.clear();
      await this.deps.registry.reload();
    }
    return after;
  }

  dispose(): void {
    this.changeWatch?.close();
    for (const runtime of this.deps.registry.all()) runtime.dispose();
    this.deps.keepFresh.dispose();
  }
}
