// Accounts with their roles per session: the listing cached on disk, a fresh one fetched one at a time per session.
import path from 'node:path';
import { ListingCache } from './listing-cache.js';
import type { Listing } from '../shapes/front-end-shapes.js';
import { listAccountsWithRoles } from '../identity-center/portal-listing.js';
import { listAccountsUntil, listRoles } from '../identity-center/portal-pages.js';
import { withToken } from '../session/portal-call.js';
import { problemOf, type CoreParts } from '../assembly/shared-parts.js';
import type { SessionRegistry } from '../session/session-registry.js';
import type { Account, SessionConfig } from '../shapes/aws-shapes.js';

export class AccountListing {
  private readonly cache: ListingCache;
  private readonly inFlight = new Map<string, Promise<Listing>>();
  /** While a session's listing runs: one account's roles, sent ahead of the listing's queue. */
  private readonly askNow = new Map<string, (accountId: string) => Promise<string[]>>();

  constructor(
    private readonly parts: CoreParts,
    private readonly registry: SessionRegistry,
  ) {
    this.cache = new ListingCache(path.join(parts.options.paths.appDataDir, 'accounts'));
  }

  /** The listing on disk for a session (undefined before the first one). */
  stored(session: SessionConfig): Promise<Listing | undefined> {
    return this.cache.read(session.name, session.startUrl);
  }

  /** The cached listing when younger than maxAgeMs, else a fresh one. */
  async accounts(name: string | undefined, options: { maxAgeMs?: number } = {}): Promise<Listing> {
    const runtime = this.registry.get(name);
    const cached = await this.stored(runtime.config);
    const maxAge = options.maxAgeMs ?? 0;
    if (cached && this.parts.clock.now() - Date.parse(cached.fetchedAt) <= maxAge) return cached;
    return this.refresh(runtime.config.name);
  }

  /**
   * One account's roles now: ahead of the queue while a listing runs, else one ListAccountRoles call (what the user
   * opens or searches for does not wait for the rest).
   */
  async roles(name: string, accountId: string): Promise<string[]> {
    const ask = this.askNow.get(name);
    if (ask) return ask(accountId);
    const { options, clock } = this.parts;
    const runtime = this.registry.get(name);
    const roles = await withToken(runtime, `list your roles in account ${accountId}`, (accessToken) =>
      listRoles(runtime.config, accessToken, accountId, { endpoints: options.endpoints ?? {}, clock }),
    );
    return roles.map((r) => r.roleName).sort();
  }

  /** The accounts of the session's favourites and recent roles: their roles are listed first. */
  private async usedAccounts(name: string): Promise<Set<string>> {
    const settings = await this.parts.settingsFile.read();
    return new Set(
      [...settings.favourites, ...settings.recent].filter((r) => r.session === name).map((r) => r.accountId),
    );
  }

  /**
   * An account by id or name (any case) without listing roles: ListAccounts pages until the page that has it. Returns
   * the accounts read, so a caller can name similar ones when none matches (then every page was read).
   */
  find(name: string, query: string): Promise<Account[]> {
    const { options, clock } = this.parts;
    const runtime = this.registry.get(name);
    const lower = query.toLowerCase();
    return withToken(runtime, 'list your accounts', (accessToken) =>
      listAccountsUntil(
        runtime.config,
        accessToken,
        { endpoints: options.endpoints ?? {}, clock },
        (a) => a.accountId === query || a.accountName.toLowerCase() === lower,
      ),
    );
  }

  /** Fetches the listing (one at a time per session), stores it and announces it. */
  refresh(name: string): Promise<Listing> {
    const existing = this.inFlight.get(name);
    if (existing) return existing;
    const { options, clock, emit } = this.parts;
    const runtime = this.registry.get(name);
    const run = withToken(runtime, 'list your accounts', async (accessToken) => {
      const accounts = await listAccountsWithRoles(
        runtime.config,
        accessToken,
        { endpoints: options.endpoints ?? {}, clock },
        {
          ...(options.listingConcurrency ? { concurrency: options.listingConcurrency } : {}),
          first: await this.usedAccounts(name),
          onProgress: (progress) => emit('listing-progress', { session: name, progress }),
          onAccounts: (page) => emit('accounts-listed', { session: name, accounts: page }),
          onRoles: (accountId, roles) => emit('roles-listed', { session: name, accountId, roles }),
          onStart: (askNow) => this.askNow.set(name, askNow),
        },
      );
      const listing: Listing = {
        session: name,
        startUrl: runtime.config.startUrl,
        fetchedAt: new Date(clock.now()).toISOString(),
        accounts,
      };
      await this.cache.write(listing);
      emit('accounts-changed', listing);
      return listing;
    }).finally(() => {
      this.inFlight.delete(name);
      this.askNow.delete(name);
    });
    this.inFlight.set(name, run);
    return run;
  }

  /**
   * The listing cached on disk, instantly, without a call. When it is older than `refreshAfterMs` and the session is
   * signed in, a fresh listing starts in the background and arrives as 'accounts-changed' (a failure as 'problem').
   */
  async cached(name: string, options: { refreshAfterMs?: number } = {}): Promise<Listing | undefined> {
    const { clock, work, emit } = this.parts;
    const runtime = this.registry.get(name);
    const cached = await this.stored(runtime.config);
    const age = cached ? clock.now() - Date.parse(cached.fetchedAt) : Infinity;
    const signedIn = runtime.view().state === 'signed-in';
    if (options.refreshAfterMs !== undefined && age > options.refreshAfterMs && signedIn) {
      void work.track(
        this.refresh(runtime.config.name).catch((error: unknown) =>
          emit('problem', { ...problemOf(error), listing: runtime.config.name }),
        ),
      );
    }
    return cached;
  }
}
