// "A profile for every role": the config sync over a session's listing, planned (dry run) or applied, on request and,
// when the setting is on, after each listing.
import { SsoTrayError } from './errors.js';
import { fileLabel } from './aws-files/file-label.js';
import { writeSsoSession } from './aws-files/sso-session-writer.js';
import { syncConfigProfiles } from './config-sync/config-sync.js';
import type { ProfileKind } from './config-sync/desired-profiles.js';
import { syncSummary } from './config-sync/sync-summary.js';
import { processCommandFor } from './config-profiles.js';
import { messageOf, type CoreParts } from './core-parts.js';
import type { AccountListing } from './account-listing.js';
import type { SessionRegistry } from './session-registry.js';
import type { AccountWithRoles, Listing, ProfileSyncResult } from './views.js';

export interface ProfileSyncRequest {
  session?: string;
  kind?: ProfileKind;
  template?: string;
  region?: string;
  prune?: boolean;
  dryRun?: boolean;
  /** Use the cached listing when younger than this; default a fresh listing. */
  maxAgeMs?: number;
}

export class ProfileSync {
  /** The sync a listing started: a plan or apply asked meanwhile waits for it, so it sees its result. */
  private following: Promise<void> = Promise.resolve();

  constructor(
    private readonly parts: CoreParts,
    private readonly deps: { registry: SessionRegistry; listing: AccountListing },
  ) {}

  async sync(request: ProfileSyncRequest): Promise<ProfileSyncResult> {
    await this.following;
    const runtime = this.deps.registry.get(request.session);
    const listing = await this.deps.listing.accounts(runtime.config.name, {
      maxAgeMs: request.maxAgeMs ?? 0,
    });
    return this.syncListing(request, listing.accounts);
  }

  /** With the setting on, the profiles follow each new listing; a failure is one 'problem' sentence. */
  afterListing(listing: Listing): Promise<void> {
    this.following = this.following.then(() => this.follow(listing));
    return this.following;
  }

  private async follow(listing: Listing): Promise<void> {
    const settings = await this.parts.settingsFile.read();
    if (!settings.syncConfigProfiles) return;
    try {
      // A legacy SSO profile has no [sso-session] for generated profiles to share: nothing to follow.
      if (this.deps.registry.get(listing.session).config.source === 'legacy-profile') return;
      await this.syncListing({ session: listing.session, kind: 'sso' }, listing.accounts);
    } catch (error) {
      this.parts.emit('problem', {
        message: `The profiles in ~/.aws/config were not kept in sync: ${messageOf(error)}`,
      });
    }
  }

  private async syncListing(
    request: ProfileSyncRequest,
    accounts: AccountWithRoles[],
  ): Promise<ProfileSyncResult> {
    const { paths } = this.parts.options;
    const runtime = this.deps.registry.get(request.session);
    const session = runtime.config.name;
    const kind = request.kind ?? 'sso';
    if (kind === 'sso' && runtime.config.source === 'legacy-profile')
      throw new SsoTrayError(
        'invalid-input',
        `The session "${session}" is a legacy SSO profile, not an [sso-session]; generate credential_process profiles with --kind process.`,
      );
    // An app session reaches ~/.aws/config as an [sso-session] once, before profiles that sign in through it.
    if (kind === 'sso' && !request.dryRun && runtime.config.source === 'app')
      await writeSsoSession(paths, runtime.config);
    const result = await syncConfigProfiles(paths, accounts, {
      session,
      kind,
      ...(request.template ? { template: request.template } : {}),
      ...(request.region ? { region: request.region } : {}),
      ...(request.prune ? { prune: true } : {}),
      ...(request.dryRun ? { dryRun: true } : {}),
      // The launcher is looked up only for credential_process profiles; without one, its sentence says what to install.
      ...(kind === 'process' ? { processCommand: processCommandFor(this.parts.options) } : {}),
    });
    const label = fileLabel(paths.configFile, paths.homeDir);
    return {
      session,
      file: label,
      diff: result.diff,
      summary: syncSummary(result, label, request.dryRun ?? false),
      added: result.added.map((p) => p.profile),
      changed: result.changed.map((p) => p.profile),
      removed: result.removed.map((p) => p.profile),
      stale: result.stale,
      skipped: result.skipped.map((p) => p.profile),
      unchanged: result.unchanged,
      written: result.written,
    };
  }
}
