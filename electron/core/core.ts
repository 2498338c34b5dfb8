// The one way into the core: its modules (wired in build-modules.ts) as one object with an event for every change.
// The IPC handler table is its only caller in the product (the window, the tray and the CLI go through it).
import { systemClock, type Clock } from './clock.js';
import { TypedEmitter } from './events.js';
import type { Account, RoleCredentials } from './shapes/aws-shapes.js';
import type {
  CoreEvents,
  Listing,
  OwnedProfile,
  ConfigSyncResult,
  SessionRemoval,
  ServedEndpoint,
  SessionView,
  Settings,
  SignInFlow,
} from './shapes/front-end-shapes.js';
import type { CoreOptions, RoleRef } from './assembly/shared-parts.js';
import { assembleCore, type CoreModules } from './assembly/build-modules.js';
import type { WriteProfileRequest } from './profiles/profile-writer.js';
import type { CredentialsTextRequest } from './role-credentials/credentials-text.js';
import type { ConfigProfileRequest } from './profiles/config-profiles.js';
import type { ConsoleOpener, ConsoleRequest } from './console/console-access.js';
import type { ConfigSyncRequest } from './config-sync/config-sync-runner.js';
import { chooseSession, type SessionChoice } from './session/session-choice.js';
import type { ServedEndpoints } from '../endpoint/served-endpoints.js';

export class SsoTrayCore extends TypedEmitter<CoreEvents> {
  readonly clock: Clock;
  private readonly m: CoreModules;

  constructor(options: CoreOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.m = assembleCore(
      options,
      this.clock,
      (event, payload) => this.emit(event, payload),
      (role) => this.credentials(role),
    );
    // The setting "keep them in sync": every new listing is followed by a sync (a no-op write when nothing changed).
    this.on(
      'accounts-changed',
      (listing) => void this.m.parts.work.track(this.m.configSync.afterListing(listing)),
    );
    // Signed out (here, or by the AWS CLI's logout): the session's role credentials are no longer served.
    this.on('session-changed', (view) => {
      if (view.state === 'signed-out')
        void this.m.endpoints.sessionEnded(view.name, `${view.name} was signed out`);
    });
  }

  /** Reads settings, sessions and cached tokens; schedules what is due. Safe to call more than once. */
  start(): Promise<void> {
    return this.m.lifecycle.start();
  }

  sessions(): SessionView[] {
    return this.m.registry.views();
  }

  /** The one rule for "which session does this mean" (session-choice.ts), or the sentence naming the sessions there are. */
  chooseSession(choice: SessionChoice): Promise<string> {
    return this.ready(async () => {
      const known = async () => this.m.registry.views().map((s) => s.name);
      const chosen = await chooseSession(choice, this.m.parts.options.paths, known);
      return chosen ?? this.m.registry.get(undefined).config.name;
    });
  }

  addSession(input: { name: string; startUrl: string; region: string }): Promise<SessionView> {
    return this.ready(() => this.m.admin.add(input));
  }

  removeSession(name: string, options: { dryRun?: boolean } = {}): Promise<SessionRemoval> {
    return this.ready(() => this.m.admin.remove(name, options));
  }

  signIn(
    name: string | undefined,
    flow: SignInFlow,
    options: { timeoutMs?: number; fallbackToDeviceCode?: boolean } = {},
  ): Promise<SessionView> {
    return this.ready(() => this.m.registry.get(name).signIn(flow, options));
  }

  cancelSignIn(name: string): boolean {
    return this.m.registry.get(name).cancelSignIn();
  }

  /** Identity Center Logout, the cached token removed, and (by the setting) the app's profiles removed. */
  signOut(name: string): Promise<{ removedProfiles: string[] }> {
    return this.ready(() => this.m.admin.signOut(name));
  }

  /** Accounts with their roles: the cached listing when younger than maxAgeMs, else a fresh one. */
  accounts(name: string | undefined, options: { maxAgeMs?: number } = {}): Promise<Listing> {
    return this.ready(() => this.m.listing.accounts(name, options));
  }

  /** One account's roles now: ahead of a running listing's queue, else one call. */
  accountRoles(name: string, accountId: string): Promise<string[]> {
    return this.ready(() => this.m.listing.roles(name, accountId));
  }

  /** The accounts ListAccounts returns up to the page with the one asked for (by id or name): no role is listed. */
  findAccount(name: string, query: string): Promise<Account[]> {
    return this.ready(() => this.m.listing.find(name, query));
  }

  /** The listing cached on disk, instantly; an old one is refreshed in the background ('accounts-changed'). */
  cachedAccounts(name: string, options: { refreshAfterMs?: number } = {}): Promise<Listing | undefined> {
    return this.ready(() => this.m.listing.cached(name, options));
  }

  /** Role credentials, from memory while they are valid beyond the 15-minute window. */
  credentials(role: RoleRef): Promise<RoleCredentials> {
    return this.ready(() => this.m.roleCredentials.get(role));
  }

  /** One of the copy formats, byte for byte; records the role as recently used. */
  credentialsText(role: CredentialsTextRequest): Promise<{ text: string; expiration: string }> {
    return this.ready(() => this.m.credentialsText(role));
  }

  /** Writes a profile into the credentials file, kept fresh when asked. */
  writeProfile(role: WriteProfileRequest): Promise<OwnedProfile> {
    return this.m.parts.work.track(this.ready(() => this.m.profileWriter.write(role)));
  }

  /** Adds an SSO or credential_process profile to ~/.aws/config. */
  writeConfigProfile(role: ConfigProfileRequest): Promise<{ profile: string; file: string }> {
    return this.ready(() => this.m.writeConfigProfile(role));
  }

  /** Signs in to the role's Management console and hands the login URL to the opener only. */
  openConsole(request: ConsoleRequest, opener: ConsoleOpener | undefined): Promise<void> {
    return this.ready(() => this.m.console.open(request, opener));
  }

  /** The access portal's shortcut link to the role's console. */
  consoleLink(request: ConsoleRequest): Promise<string> {
    return this.ready(() => this.m.console.portalLink(request));
  }

  /** A profile for every role in ~/.aws/config: the plan (dry run) or the write. */
  syncConfigProfiles(request: ConfigSyncRequest): Promise<ConfigSyncResult> {
    return this.m.parts.work.track(this.ready(() => this.m.configSync.sync(request)));
  }

  removeProfile(profile: string, options: { force?: boolean } = {}): Promise<boolean> {
    return this.m.profileWriter.remove(profile, options);
  }

  profiles(): Promise<OwnedProfile[]> {
    return this.m.profileWriter.list();
  }

  settings(): Promise<Settings> {
    return this.m.parts.settingsFile.read();
  }

  /** Saves a change of settings (a switch of token store reloads every session from the new one). */
  updateSettings(change: Partial<Omit<Settings, 'version' | 'sessions'>>): Promise<Settings> {
    return this.m.lifecycle.updateSettings(change);
  }

  toggleFavourite(role: RoleRef): Promise<Settings> {
    return this.m.recent.toggleFavourite(role);
  }

  /** The region a favourite's console opens in (none: the default region, then the session's). */
  setFavouriteRegion(role: RoleRef, region: string | undefined): Promise<Settings> {
    return this.m.recent.setFavouriteRegion(role, region);
  }

  /** The roles served to local programs (electron/endpoint/served-endpoints.ts); no token in the views. */
  get endpoints(): Pick<ServedEndpoints, 'list' | 'stop' | 'variables'> & {
    start(role: RoleRef): Promise<ServedEndpoint>;
  } {
    const { endpoints } = this.m;
    return {
      list: () => endpoints.list(),
      start: (role) => this.ready(() => endpoints.start(role)),
      stop: (id) => endpoints.stop(id),
      variables: (id) => endpoints.variables(id),
    };
  }

  /** After resume from sleep or a clock jump: re-read tokens and reschedule everything. */
  recheck(): Promise<void> {
    return this.m.lifecycle.recheck();
  }

  /** Resolves when no refresh, rewrite or edit of the AWS files is in flight (before quitting; in tests after moving the clock). */
  whenIdle(): Promise<void> {
    return this.m.parts.work.idle();
  }

  dispose(): void {
    this.m.endpoints.dispose();
    this.m.lifecycle.dispose();
  }

  /** Runs a call once settings, sessions and tokens are loaded. */
  private async ready<T>(call: () => T | Promise<T>): Promise<T> {
    await this.start();
    return call();
  }
}
