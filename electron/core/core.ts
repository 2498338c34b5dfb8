// The composition root of the core: builds its parts and exposes them as one object with an event for every change.
// The IPC handler table is its only caller in the product (the window, the tray and the CLI go through it).
import { systemClock, type Clock } from './clock.js';
import { TypedEmitter } from './events.js';
import { KeepFresh } from './keep-fresh.js';
import { WorkTracker } from './work-tracker.js';
import type { ChangeWatch } from './change-watch.js';
import { SettingsFile } from './settings.js';
import { CredentialsFile, type OwnedProfile } from './aws-files/credentials-file.js';
import type { SignInFlow } from './views.js';
import type { Account, RoleCredentials } from './types.js';
import type { CoreEvents, Listing, SessionView, Settings } from './views.js';
import type { CoreOptions, CoreParts, RoleRef } from './core-parts.js';
import { TokenStore } from './token-store.js';
import { SessionRegistry } from './session-registry.js';
import { SessionAdmin } from './session-admin.js';
import { AccountListing } from './account-listing.js';
import { RoleCredentialsSource } from './role-credentials.js';
import { RecentRoles } from './recent-roles.js';
import { ProfileWriter, type WriteProfileRequest } from './profile-writer.js';
import { copyText, type CopyTextRequest } from './copy-text.js';
import { writeConfigProfile, type ConfigProfileRequest } from './config-profiles.js';
import { watchOtherPrograms } from './other-programs-watch.js';
import { ConsoleAccess, type ConsoleOpener, type ConsoleRequest } from './console-access.js';
import { ProfileSync, type ProfileSyncRequest } from './profile-sync.js';
import type { ProfileSyncResult } from './views.js';

export class SsoTrayCore extends TypedEmitter<CoreEvents> {
  readonly clock: Clock;
  private readonly parts: CoreParts;
  private readonly tokens: TokenStore;
  private readonly registry: SessionRegistry;
  private readonly admin: SessionAdmin;
  private readonly listing: AccountListing;
  private readonly roleCredentials: RoleCredentialsSource;
  private readonly recent: RecentRoles;
  private readonly profileWriter: ProfileWriter;
  private readonly keepFresh: KeepFresh;
  private readonly console: ConsoleAccess;
  private readonly profileSync: ProfileSync;
  private changeWatch: ChangeWatch | undefined;
  private started: Promise<void> | undefined;

  constructor(private readonly options: CoreOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    const work = new WorkTracker();
    const credentialsFile = new CredentialsFile({
      file: options.paths.credentialsFile,
      appDataDir: options.paths.appDataDir,
      clock: this.clock,
    });
    const parts: CoreParts = {
      options,
      clock: this.clock,
      settingsFile: new SettingsFile(options.paths.appDataDir),
      credentialsFile,
      work,
      emit: (event, payload) => this.emit(event, payload),
    };
    this.parts = parts;
    this.tokens = new TokenStore(options.paths.ssoCacheDir, options.secretStore);
    this.keepFresh = new KeepFresh({
      clock: this.clock,
      credentialsFile,
      fetchCredentials: (session, accountId, roleName) => this.credentials({ session, accountId, roleName }),
      onProfilesChanged: () => void this.profileWriter.announce(),
      track: (job) => work.track(job),
      onError: (profile, message) =>
        this.emit('problem', { message: `Profile ${profile} could not be refreshed: ${message}` }),
    });
    this.registry = new SessionRegistry(parts, this.tokens, (name) => this.keepFresh.sessionSignedIn(name));
    this.listing = new AccountListing(parts, this.registry);
    this.roleCredentials = new RoleCredentialsSource(parts, this.registry, this.tokens);
    this.recent = new RecentRoles(parts);
    this.profileWriter = new ProfileWriter(parts, {
      registry: this.registry,
      listing: this.listing,
      credentials: this.roleCredentials,
      keepFresh: this.keepFresh,
      recent: this.recent,
    });
    this.admin = new SessionAdmin(parts, {
      registry: this.registry,
      listing: this.listing,
      credentials: this.roleCredentials,
      profiles: this.profileWriter,
    });
    this.console = new ConsoleAccess(parts, {
      registry: this.registry,
      credentials: this.roleCredentials,
      recent: this.recent,
    });
    this.profileSync = new ProfileSync(parts, { registry: this.registry, listing: this.listing });
    // The setting "keep them in sync": every new listing is followed by a sync (a no-op write when nothing changed).
    this.on('accounts-changed', (listing) => void work.track(this.profileSync.afterListing(listing)));
  }

  /** Reads settings, sessions and cached tokens; schedules what is due. Safe to call more than once. */
  start(): Promise<void> {
    this.started ??= this.load();
    return this.started;
  }

  private async load(): Promise<void> {
    this.tokens.follow(await this.parts.settingsFile.read());
    await this.registry.reload();
    if (this.options.background) {
      await this.keepFresh.recheck();
      this.changeWatch = await watchOtherPrograms(this.parts, {
        sharing: this.tokens.sharing,
        registry: this.registry,
        keepFresh: this.keepFresh,
      });
    }
  }

  sessions(): SessionView[] {
    return this.registry.views();
  }

  /** The one rule for "which session does this mean": the name, or the only session there is. */
  async sessionName(name: string | undefined): Promise<string> {
    await this.start();
    return this.registry.get(name).config.name;
  }

  async addSession(input: { name: string; startUrl: string; region: string }): Promise<SessionView> {
    await this.start();
    return this.admin.add(input);
  }

  async removeSession(name: string): Promise<void> {
    await this.start();
    return this.admin.remove(name);
  }

  async signIn(
    name: string | undefined,
    flow: SignInFlow,
    options: { timeoutMs?: number; fallbackToDeviceCode?: boolean } = {},
  ): Promise<SessionView> {
    await this.start();
    const runtime = this.registry.get(name);
    return runtime.signIn(
      flow,
      (progress) => this.emit('sign-in-progress', { session: runtime.config.name, progress }),
      options,
    );
  }

  cancelSignIn(name: string): boolean {
    return this.registry.get(name).cancelSignIn();
  }

  /** Identity Center Logout, the cached token removed, and (by the setting) the app's profiles removed. */
  async signOut(name: string): Promise<{ removedProfiles: string[] }> {
    await this.start();
    return this.admin.signOut(name);
  }

  /** Accounts with their roles: the cached listing when younger than maxAgeMs, else a fresh one. */
  async accounts(name: string | undefined, options: { maxAgeMs?: number } = {}): Promise<Listing> {
    await this.start();
    return this.listing.accounts(name, options);
  }

  /** One account's roles now: ahead of a running listing's queue, else one call. */
  async accountRoles(name: string, accountId: string): Promise<string[]> {
    await this.start();
    return this.listing.roles(name, accountId);
  }

  /** The accounts ListAccounts returns up to the page with the one asked for (by id or name): no role is listed. */
  async findAccount(name: string, query: string): Promise<Account[]> {
    await this.start();
    return this.listing.find(name, query);
  }

  /** The listing cached on disk, instantly; an old one is refreshed in the background ('accounts-changed'). */
  async cachedAccounts(
    name: string,
    options: { refreshAfterMs?: number } = {},
  ): Promise<Listing | undefined> {
    await this.start();
    return this.listing.cached(name, options);
  }

  /** Role credentials, from memory while they are valid beyond the 15-minute window. */
  async credentials(role: RoleRef): Promise<RoleCredentials> {
    await this.start();
    return this.roleCredentials.get(role);
  }

  /** One of the copy formats, byte for byte; records the role as recently used. */
  async formatted(role: CopyTextRequest): Promise<{ text: string; expiration: string }> {
    await this.start();
    return copyText(
      this.parts,
      { credentials: this.roleCredentials, profiles: this.profileWriter, recent: this.recent },
      role,
    );
  }

  /** Writes a profile into the credentials file, kept fresh when asked. */
  writeProfile(role: WriteProfileRequest): Promise<OwnedProfile> {
    return this.parts.work.track(this.start().then(() => this.profileWriter.write(role)));
  }

  /** Adds an SSO or credential_process profile to ~/.aws/config. */
  async writeConfigProfile(role: ConfigProfileRequest): Promise<{ profile: string; file: string }> {
    await this.start();
    return writeConfigProfile(this.options, this.registry, role);
  }

  /** Signs in to the role's Management console and hands the login URL to the opener only. */
  async openConsole(request: ConsoleRequest, opener: ConsoleOpener | undefined): Promise<void> {
    await this.start();
    return this.console.open(request, opener);
  }

  /** The access portal's shortcut link to the role's console. */
  async consoleLink(request: ConsoleRequest): Promise<string> {
    await this.start();
    return this.console.portalLink(request);
  }

  /** A profile for every role in ~/.aws/config: the plan (dry run) or the write. */
  syncConfigProfiles(request: ProfileSyncRequest): Promise<ProfileSyncResult> {
    return this.parts.work.track(this.start().then(() => this.profileSync.sync(request)));
  }

  removeProfile(profile: string, options: { force?: boolean } = {}): Promise<boolean> {
    return this.profileWriter.remove(profile, options);
  }

  profiles(): Promise<OwnedProfile[]> {
    return this.profileWriter.list();
  }

  settings(): Promise<Settings> {
    return this.parts.settingsFile.read();
  }

  async updateSettings(change: Partial<Omit<Settings, 'version' | 'sessions'>>): Promise<Settings> {
    const { settingsFile } = this.parts;
    const before = await settingsFile.read();
    const after = await settingsFile.update((s) => ({ ...s, ...change }));
    if (before.shareTokenCacheWithAwsCli !== after.shareTokenCacheWithAwsCli) {
      this.tokens.follow(after);
      this.registry.clear();
      await this.registry.reload();
    }
    return after;
  }

  toggleFavourite(role: RoleRef): Promise<Settings> {
    return this.recent.toggleFavourite(role);
  }

  /** The region a favourite's console opens in (none: the default region, then the session's). */
  setFavouriteRegion(role: RoleRef, region: string | undefined): Promise<Settings> {
    return this.recent.setFavouriteRegion(role, region);
  }

  /** After resume from sleep or a clock jump: re-read tokens and reschedule everything. */
  async recheck(): Promise<void> {
    await this.start();
    await this.registry.reload();
    for (const runtime of this.registry.all()) await runtime.recheck();
    if (this.options.background) await this.keepFresh.recheck();
  }

  /** What the app is waiting for: the kept-fresh profiles with a rewrite scheduled. */
  scheduledProfiles(): string[] {
    return this.keepFresh.scheduled();
  }

  /** Resolves when no refresh, rewrite or edit of the AWS files is in flight (before quitting; in tests after moving the clock). */
  whenIdle(): Promise<void> {
    return this.parts.work.idle();
  }

  dispose(): void {
    this.changeWatch?.close();
    for (const runtime of this.registry.all()) runtime.dispose();
    this.keepFresh.dispose();
  }
}

export type { CoreOptions } from './core-parts.js';
