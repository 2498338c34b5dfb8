// The composition root of the core: sessions, listing, credentials, profiles and settings behind one object,
// with an event for every change. The IPC handler table and the CLI both call it; it knows neither.
import path from 'node:path';
import { systemClock, type Clock } from './clock.js';
import { SsoTrayError, isSsoTrayError, sessionLabel } from './errors.js';
import { TypedEmitter } from './events.js';
import { KeepFresh } from './keep-fresh.js';
import { WorkTracker } from './work-tracker.js';
import { ChangeWatch } from './change-watch.js';
import { ListingCache, type Listing } from './listing-cache.js';
import { SessionRuntime, type SessionView } from './session-runtime.js';
import { formatCredentials, type CredentialFormat } from './formats.js';
import { SettingsFile, profileNameFor, recordRecent, toggleFavourite, type Settings } from './settings.js';
import {
  AwsCliSsoCache,
  MemorySsoCache,
  tokenCacheFileName,
  type SsoCache,
} from './aws-files/token-cache.js';
import { CredentialsFile, type OwnedProfile } from './aws-files/credentials-file.js';
import {
  readSessionsFromConfig,
  removeSsoSession,
  writeProcessProfile,
  writeSsoProfile,
  writeSsoSession,
} from './aws-files/aws-config.js';
import { getRoleCredentials, listAccountsWithRoles, type PortalToken } from './identity-center/portal.js';
import { RoleCredentialsCache } from './identity-center/role-credentials-cache.js';
import { RoleCredentialsFileCache } from './role-credentials-file-cache.js';
import { ROLE_CREDENTIALS_WINDOW_MS } from './role-credentials-window.js';
import { toUserError } from './identity-center/service-errors.js';
import type { SignInFlow } from './identity-center/sign-in.js';
import type { AwsPaths, Endpoints, RoleCredentials, SessionConfig } from './types.js';
import type { CoreEvents } from './views.js';

export type { CoreEvents } from './views.js';

export interface CoreOptions {
  paths: AwsPaths;
  endpoints?: Endpoints;
  clock?: Clock;
  /** The command line that runs `sso-tray process` on this machine, for credential_process profiles. */
  processCommand?: string;
  /** Opens the system browser; absent where none can be opened (then sign-in uses a device code). */
  openBrowser?: (url: string) => Promise<void>;
  /** Where tokens go when sharing with the AWS CLI is off (the shell backs it with safeStorage). */
  secretStore?: SsoCache;
  /** Concurrent ListAccountRoles calls while listing. */
  listingConcurrency?: number;
  /** Schedule refreshes and keep-fresh rewrites (the app, `sso-tray keep-fresh`); one-shot CLI calls do not. */
  background?: boolean;
}

export interface RoleRef {
  session: string;
  accountId: string;
  roleName: string;
}

export class SsoTrayCore extends TypedEmitter<CoreEvents> {
  readonly clock: Clock;
  readonly settingsFile: SettingsFile;
  readonly credentialsFile: CredentialsFile;
  private readonly listingCache: ListingCache;
  private readonly roleCredentials: RoleCredentialsCache;
  private readonly roleCredentialsOnDisk: RoleCredentialsFileCache;
  private sharing = true;
  private readonly keepFresh: KeepFresh;
  private readonly runtimes = new Map<string, SessionRuntime>();
  private readonly listings = new Map<string, Promise<Listing>>();
  private readonly work = new WorkTracker();
  private changeWatch: ChangeWatch | undefined;
  private cache: SsoCache;
  private started: Promise<void> | undefined;

  constructor(private readonly options: CoreOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.settingsFile = new SettingsFile(options.paths.appDataDir);
    this.credentialsFile = new CredentialsFile({
      file: options.paths.credentialsFile,
      appDataDir: options.paths.appDataDir,
      clock: this.clock,
    });
    this.listingCache = new ListingCache(path.join(options.paths.appDataDir, 'accounts'));
    this.roleCredentials = new RoleCredentialsCache(this.clock);
    this.roleCredentialsOnDisk = new RoleCredentialsFileCache(
      path.join(options.paths.homeDir, '.aws', 'cli', 'cache'),
    );
    this.cache = new AwsCliSsoCache(options.paths.ssoCacheDir);
    this.keepFresh = new KeepFresh({
      clock: this.clock,
      credentialsFile: this.credentialsFile,
      fetchCredentials: (session, accountId, roleName) => this.credentials({ session, accountId, roleName }),
      onProfilesChanged: () => void this.emitProfiles(),
      track: (work) => this.work.track(work),
      onError: (profile, message) =>
        this.emit('problem', { message: `Profile ${profile} could not be refreshed: ${message}` }),
    });
  }

  /** Reads settings, sessions and cached tokens; schedules what is due. Safe to call more than once. */
  start(): Promise<void> {
    this.started ??= this.load();
    return this.started;
  }

  private async load(): Promise<void> {
    const settings = await this.settingsFile.read();
    this.cache = this.tokenStore(settings);
    await this.reloadSessions();
    if (this.options.background) {
      await this.keepFresh.recheck();
      await this.watchOtherPrograms();
    }
  }

  /** Sign-ins and sign-outs by the AWS CLI, and profiles marked by `sso-tray write --keep-fresh`, seen as they happen. */
  private async watchOtherPrograms(): Promise<void> {
    this.changeWatch = new ChangeWatch(this.clock);
    if (this.sharing)
      await this.changeWatch.add({
        dir: this.options.paths.ssoCacheDir,
        onChange: (files) => {
          for (const runtime of this.runtimes.values()) {
            if (files.has('') || files.has(tokenCacheFileName(runtime.config)))
              void this.work.track(runtime.recheck());
          }
        },
      });
    await this.changeWatch.add({
      dir: this.options.paths.appDataDir,
      onChange: (files) => {
        if (files.has('') || files.has('owned-profiles.json')) {
          void this.work.track(
            this.keepFresh
              .recheck()
              .catch((error: unknown) => this.emit('problem', { message: messageOf(error) })),
          );
        }
        if (files.has('') || files.has('settings.json')) void this.work.track(this.reloadSessions());
      },
    });
  }

  private tokenStore(settings: Settings): SsoCache {
    this.sharing = settings.shareTokenCacheWithAwsCli;
    return settings.shareTokenCacheWithAwsCli
      ? new AwsCliSsoCache(this.options.paths.ssoCacheDir)
      : (this.options.secretStore ?? new MemorySsoCache());
  }

  /** The sessions of the app and of ~/.aws/config (those win on a name clash, as the AWS CLI reads them). */
  private async reloadSessions(): Promise<void> {
    const settings = await this.settingsFile.read();
    let configured: SessionConfig[] = [];
    try {
      configured = await readSessionsFromConfig(this.options.paths);
    } catch (error) {
      this.emit('problem', { message: error instanceof Error ? error.message : String(error) });
    }
    const byName = new Map<string, SessionConfig>();
    for (const session of settings.sessions) byName.set(session.name, session);
    for (const session of configured) {
      // The app's own session is also in ~/.aws/config (for the AWS CLI): it stays the app's, removable in the app.
      const own = byName.get(session.name);
      if (own?.source === 'app' && own.startUrl === session.startUrl && own.region === session.region)
        continue;
      byName.set(session.name, session);
    }
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
      await runtime.load().catch((error: unknown) => this.emit('problem', { message: messageOf(error) }));
    }
    this.emit('sessions-changed', this.sessions());
  }

  private createRuntime(session: SessionConfig): SessionRuntime {
    const shared = this.cache instanceof AwsCliSsoCache;
    return new SessionRuntime(session, {
      clock: this.clock,
      background: this.options.background ?? false,
      endpoints: this.options.endpoints ?? {},
      cache: this.cache,
      ...(this.options.openBrowser ? { openBrowser: this.options.openBrowser } : {}),
      ...(shared ? { tokenLockDir: this.options.paths.ssoCacheDir } : {}),
      track: (work) => this.work.track(work),
      onChange: (view) => {
        if (view.state === 'signed-in') this.keepFresh.sessionSignedIn(view.name);
        this.emit('session-changed', view);
      },
      onSignInNeeded: (name, message) => this.emit('sign-in-needed', { session: name, message }),
    });
  }

  sessions(): SessionView[] {
    return [...this.runtimes.values()]
      .map((runtime) => runtime.view())
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  session(name: string | undefined): SessionRuntime {
    const all = [...this.runtimes.values()];
    if (name === undefined) {
      if (all.length === 1 && all[0]) return all[0];
      throw new SsoTrayError(
        all.length === 0 ? 'not-found' : 'invalid-input',
        all.length === 0
          ? 'No Identity Center session is configured; add one with its start URL and region first.'
          : `Several sessions are configured (${all.map((r) => r.config.name).join(', ')}); name the one to use.`,
      );
    }
    const runtime = this.runtimes.get(name);
    if (runtime) return runtime;
    throw new SsoTrayError(
      'not-found',
      `There is no session named "${name}"` +
        (all.length ? `; the sessions are: ${all.map((r) => r.config.name).join(', ')}.` : '; add it first.'),
    );
  }

  async addSession(input: { name: string; startUrl: string; region: string }): Promise<SessionView> {
    await this.start();
    const session: SessionConfig = { ...input, registrationScopes: ['sso:account:access'], source: 'app' };
    if (this.runtimes.has(session.name)) {
      throw new SsoTrayError(
        'invalid-input',
        `A session named "${session.name}" exists already; choose another name.`,
      );
    }
    const settings = await this.settingsFile.update((s) => ({ ...s, sessions: [...s.sessions, session] }));
    // Shared sign-ins are usable by the AWS CLI and SDKs only through an [sso-session] in ~/.aws/config.
    if (settings.shareTokenCacheWithAwsCli) await writeSsoSession(this.options.paths, session);
    await this.reloadSessions();
    return this.session(session.name).view();
  }

  async removeSession(name: string): Promise<void> {
    await this.start();
    const runtime = this.session(name);
    if (runtime.config.source !== 'app') {
      throw new SsoTrayError(
        'invalid-input',
        `The session "${name}" comes from ${this.options.paths.configFile}; remove it there.`,
      );
    }
    await this.signOut(name).catch(() => undefined);
    await this.settingsFile.update((s) => ({ ...s, sessions: s.sessions.filter((x) => x.name !== name) }));
    // The [sso-session] written for the AWS CLI goes too, unless a profile there uses it.
    await removeSsoSession(this.options.paths, runtime.config);
    await this.reloadSessions();
  }

  async signIn(
    name: string | undefined,
    flow: SignInFlow,
    options: { timeoutMs?: number; fallbackToDeviceCode?: boolean } = {},
  ): Promise<SessionView> {
    await this.start();
    const runtime = this.session(name);
    return runtime.signIn(
      flow,
      (progress) => this.emit('sign-in-progress', { session: runtime.config.name, progress }),
      options,
    );
  }

  cancelSignIn(name: string): boolean {
    return this.session(name).cancelSignIn();
  }

  /** Identity Center Logout, the cached token removed, and (by the setting) the app's profiles removed. */
  signOut(name: string): Promise<{ removedProfiles: string[] }> {
    return this.work.track(this.signOutNow(name)); // a quit waits for its file edits
  }

  private async signOutNow(name: string): Promise<{ removedProfiles: string[] }> {
    await this.start();
    const runtime = this.session(name);
    await runtime.signOut();
    this.roleCredentials.clearSession(name);
    const listing = await this.listingCache.read(runtime.config.name, runtime.config.startUrl);
    for (const account of listing?.accounts ?? []) {
      for (const roleName of account.roles) {
        await this.roleCredentialsOnDisk.remove(runtime.config, account.accountId, roleName);
      }
    }
    const settings = await this.settingsFile.read();
    let removedProfiles: string[] = [];
    if (settings.removeProfilesOnSignOut) {
      removedProfiles = await this.credentialsFile.removeProfilesOfSession(name);
      for (const profile of removedProfiles) this.keepFresh.untrack(profile);
      if (removedProfiles.length) await this.emitProfiles();
    }
    return { removedProfiles };
  }

  /** Accounts with their roles: the cached listing when younger than maxAgeMs, else a fresh one. */
  async accounts(name: string | undefined, options: { maxAgeMs?: number } = {}): Promise<Listing> {
    await this.start();
    const runtime = this.session(name);
    const cached = await this.listingCache.read(runtime.config.name, runtime.config.startUrl);
    const maxAge = options.maxAgeMs ?? 0;
    if (cached && this.clock.now() - Date.parse(cached.fetchedAt) <= maxAge) return cached;
    return this.refreshAccounts(runtime.config.name);
  }

  /** Fetches the listing (one at a time per session), stores it and announces it. */
  refreshAccounts(name: string): Promise<Listing> {
    const existing = this.listings.get(name);
    if (existing) return existing;
    const runtime = this.session(name);
    const run = this.withToken(runtime, 'list your accounts', async (accessToken) => {
      const accounts = await listAccountsWithRoles(runtime.config, accessToken, this.serviceDeps(), {
        ...(this.options.listingConcurrency ? { concurrency: this.options.listingConcurrency } : {}),
        onProgress: (progress) => this.emit('listing-progress', { session: name, progress }),
      });
      const listing: Listing = {
        session: name,
        startUrl: runtime.config.startUrl,
        fetchedAt: new Date(this.clock.now()).toISOString(),
        accounts,
      };
      await this.listingCache.write(listing);
      this.emit('accounts-changed', listing);
      return listing;
    }).finally(() => this.listings.delete(name));
    this.listings.set(name, run);
    return run;
  }

  /**
   * The listing cached on disk, instantly, without a call (undefined before the first listing). When it is older
   * than `refreshAfterMs` and the session is signed in, a fresh listing starts in the background and arrives as
   * 'accounts-changed'; its failure arrives as 'problem'.
   */
  async cachedAccounts(
    name: string,
    options: { refreshAfterMs?: number } = {},
  ): Promise<Listing | undefined> {
    await this.start();
    const runtime = this.session(name);
    const cached = await this.listingCache.read(runtime.config.name, runtime.config.startUrl);
    const age = cached ? this.clock.now() - Date.parse(cached.fetchedAt) : Infinity;
    const signedIn = runtime.view().state === 'signed-in';
    if (options.refreshAfterMs !== undefined && age > options.refreshAfterMs && signedIn) {
      void this.work.track(
        this.refreshAccounts(runtime.config.name).catch((error: unknown) =>
          this.emit('problem', { message: messageOf(error) }),
        ),
      );
    }
    return cached;
  }

  /** Role credentials, from memory while they are valid beyond the 15-minute window. */
  async credentials(role: RoleRef): Promise<RoleCredentials> {
    await this.start();
    const runtime = this.session(role.session);
    const key = { sessionName: runtime.config.name, accountId: role.accountId, roleName: role.roleName };
    return this.roleCredentials.get(key, async () => {
      if (this.sharing) {
        const onDisk = await this.roleCredentialsOnDisk.read(
          runtime.config,
          role.accountId,
          role.roleName,
          this.clock.now(),
          ROLE_CREDENTIALS_WINDOW_MS,
        );
        if (onDisk) return onDisk;
      }
      const fresh = await this.withToken(
        runtime,
        `get credentials for ${role.roleName} in ${role.accountId}`,
        (token) =>
          getRoleCredentials(runtime.config, token, role.accountId, role.roleName, this.serviceDeps()),
      );
      if (this.sharing) await this.roleCredentialsOnDisk.write(runtime.config, fresh);
      return fresh;
    });
  }

  /** One of the copy formats, byte for byte; records the role as recently used. */
  async formatted(
    role: RoleRef & { format: CredentialFormat; profileName?: string },
  ): Promise<{ text: string; expiration: string }> {
    const credentials = await this.credentials(role);
    const settings = await this.settingsFile.read();
    const profileName = role.profileName ?? (await this.profileName(role));
    const text = formatCredentials(role.format, credentials, {
      profileName,
      ...(settings.defaultRegion ? { region: settings.defaultRegion } : {}),
    });
    await this.markUsed(role);
    return { text, expiration: credentials.expiration.toISOString() };
  }

  /** Writes a profile into the credentials file, kept fresh when asked. */
  writeProfile(role: Parameters<SsoTrayCore['writeProfileNow']>[0]): Promise<OwnedProfile> {
    return this.work.track(this.writeProfileNow(role)); // a quit waits for the write to land
  }

  private async writeProfileNow(
    role: RoleRef & { profile?: string; keepFresh?: boolean; overwrite?: boolean },
  ): Promise<OwnedProfile> {
    const credentials = await this.credentials(role);
    const profile = role.profile ?? (await this.profileName(role));
    await this.credentialsFile.writeProfile(profile, credentials, {
      sessionName: this.session(role.session).config.name,
      keepFresh: role.keepFresh ?? false,
      ...(role.overwrite ? { overwrite: true } : {}),
    });
    const owned = (await this.credentialsFile.ownedProfiles()).find((p) => p.profile === profile);
    if (!owned)
      throw new SsoTrayError(
        'internal',
        `The profile ${profile} was written but not recorded; write it again.`,
      );
    if (owned.keepFresh && this.options.background) this.keepFresh.track(owned);
    else this.keepFresh.untrack(profile);
    await this.markUsed(role);
    await this.emitProfiles();
    return owned;
  }

  /**
   * Adds a profile to ~/.aws/config for the AWS CLI and SDKs: an SSO profile on the session's [sso-session] (they
   * sign in and refresh themselves), or a credential_process profile that asks `sso-tray process`.
   */
  async writeConfigProfile(
    role: RoleRef & {
      profile: string;
      kind: 'sso' | 'credential-process';
      region?: string;
      overwrite?: boolean;
    },
  ): Promise<{ profile: string; file: string }> {
    await this.start();
    const runtime = this.session(role.session);
    const options = { ...(role.region ? { region: role.region } : {}), overwrite: role.overwrite ?? false };
    if (role.kind === 'sso') {
      if (runtime.config.source === 'legacy-profile') {
        throw new SsoTrayError(
          'invalid-input',
          `The session "${runtime.config.name}" is a legacy SSO profile, not an [sso-session]; use a credential_process profile instead.`,
        );
      }
      // An app session reaches ~/.aws/config as an [sso-session] once; make sure it is there.
      if (runtime.config.source === 'app') await writeSsoSession(this.options.paths, runtime.config);
      await writeSsoProfile(this.options.paths, role.profile, {
        sessionName: runtime.config.name,
        accountId: role.accountId,
        roleName: role.roleName,
        ...options,
      });
    } else {
      if (!this.options.processCommand) {
        throw new SsoTrayError(
          'invalid-input',
          'The sso-tray command is not available here to serve credential_process.',
        );
      }
      const command = `${this.options.processCommand} process ${role.accountId} ${quoteArgument(role.roleName)} --session ${runtime.config.name}`;
      await writeProcessProfile(this.options.paths, role.profile, command, role.region, {
        overwrite: options.overwrite,
      });
    }
    return { profile: role.profile, file: this.options.paths.configFile };
  }

  removeProfile(profile: string, options: { force?: boolean } = {}): Promise<boolean> {
    return this.work.track(this.removeProfileNow(profile, options));
  }

  private async removeProfileNow(profile: string, options: { force?: boolean }): Promise<boolean> {
    const removed = await this.credentialsFile.removeProfile(profile, options);
    this.keepFresh.untrack(profile);
    if (removed) await this.emitProfiles();
    return removed;
  }

  profiles(): Promise<OwnedProfile[]> {
    return this.credentialsFile.ownedProfiles();
  }

  settings(): Promise<Settings> {
    return this.settingsFile.read();
  }

  async updateSettings(change: Partial<Omit<Settings, 'version' | 'sessions'>>): Promise<Settings> {
    const before = await this.settingsFile.read();
    const after = await this.settingsFile.update((s) => ({ ...s, ...change }));
    if (before.shareTokenCacheWithAwsCli !== after.shareTokenCacheWithAwsCli) {
      this.cache = this.tokenStore(after);
      for (const runtime of this.runtimes.values()) runtime.dispose();
      this.runtimes.clear();
      await this.reloadSessions();
    }
    return after;
  }

  async toggleFavourite(role: RoleRef): Promise<Settings> {
    return this.settingsFile.update((s) => toggleFavourite(s, { sessionName: role.session, ...role }));
  }

  /** After resume from sleep or a clock jump: re-read tokens and reschedule everything. */
  async recheck(): Promise<void> {
    await this.start();
    await this.reloadSessions();
    for (const runtime of this.runtimes.values()) await runtime.recheck();
    if (this.options.background) await this.keepFresh.recheck();
  }

  /** What the app is waiting for: one timer per renewable session and per kept-fresh profile. */
  scheduledProfiles(): string[] {
    return this.keepFresh.scheduled();
  }

  /**
   * Resolves when no refresh, rewrite or edit of the AWS files is in flight (before quitting, and in tests after
   * moving the clock).
   */
  whenIdle(): Promise<void> {
    return this.work.idle();
  }

  dispose(): void {
    this.changeWatch?.close();
    for (const runtime of this.runtimes.values()) runtime.dispose();
    this.keepFresh.dispose();
  }

  private serviceDeps() {
    return { endpoints: this.options.endpoints ?? {}, clock: this.clock };
  }

  private async profileName(role: RoleRef): Promise<string> {
    const settings = await this.settingsFile.read();
    const listing = await this.listingCache.read(role.session, this.session(role.session).config.startUrl);
    const account = listing?.accounts.find((a) => a.accountId === role.accountId);
    return profileNameFor(settings.profileNameTemplate, {
      accountId: role.accountId,
      accountName: account?.accountName ?? role.accountId,
      roleName: role.roleName,
      session: role.session,
    });
  }

  /** Puts the role first in Recent; no write when it is first already (the window copies several formats in a row). */
  private async markUsed(role: RoleRef): Promise<void> {
    const latest = (await this.settingsFile.read()).recent[0];
    if (
      latest?.sessionName === role.session &&
      latest.accountId === role.accountId &&
      latest.roleName === role.roleName
    ) {
      return;
    }
    await this.settingsFile.update((s) =>
      recordRecent(
        s,
        { sessionName: role.session, accountId: role.accountId, roleName: role.roleName },
        new Date(this.clock.now()),
      ),
    );
  }

  private async emitProfiles(): Promise<void> {
    this.emit('profiles-changed', await this.credentialsFile.ownedProfiles());
  }

  /**
   * Runs a portal call with a valid token; a rejected token ends the session, every error becomes a sentence.
   * A token Identity Center has never accepted is passed whole, so a rejection of it reads as a wrong region.
   */
  private async withToken<T>(
    runtime: SessionRuntime,
    action: string,
    call: (token: PortalToken) => Promise<T>,
  ): Promise<T> {
    const token = await runtime.validToken();
    const firstUse = !runtime.isConfirmed(token);
    try {
      const result = await call(firstUse ? token : token.accessToken);
      runtime.confirm(token);
      return result;
    } catch (error) {
      const userError = isSsoTrayError(error)
        ? error
        : toUserError(error, { session: runtime.config, action });
      if (userError.code === 'session-ended') runtime.markEnded(userError.message);
      throw userError;
    }
  }
}

/** Quotes one argument the way credential_process commands are split (shell-style, no shell). */
export function quoteArgument(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { sessionLabel };
