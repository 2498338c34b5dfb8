// "A profile for every role": the config sync over a session's listing, planned (dry run) or applied, on request and,
// when the setting is on, after each listing.
import { SsoTrayError } from '../errors.js';
import { fileLabel } from '../aws-files/file-label.js';
import { writeSsoSession } from '../aws-files/sso-session-writer.js';
import { syncConfigProfiles } from './config-sync.js';
import { syncSummary } from './sync-summary.js';
import { processCommandFor } from '../profiles/config-profiles.js';
import { problemOf, type CoreParts } from '../assembly/shared-parts.js';
import type { AccountListing } from '../accounts/account-listing.js';
import type { SessionRegistry } from '../session/session-registry.js';
import type {
  AccountWithRoles,
  ConfigSyncChoices,
  Listing,
  ProfileKind,
  ConfigSyncResult,
} from '../shapes/front-end-shapes.js';

export interface ConfigSyncRequest {
  session?: string;
  /** Each choice left out is the saved one (settings' configSync); region '' is none for this run. */
  kind?: ProfileKind;
  template?: string;
  region?: string;
  prune?: boolean;
  dryRun?: boolean;
  /** Use the cached listing when younger than this; default a fresh listing. */
  maxAgeMs?: number;
}

/** A request's choices, the saved ones where it has none ('' region: none for this run). */
function choicesOf(request: ConfigSyncRequest, saved: ConfigSyncChoices): ConfigSyncChoices {
  const region = request.region ?? saved.region;
  return {
    template: request.template ?? saved.template,
    kind: request.kind ?? saved.kind,
    prune: request.prune ?? saved.prune,
    ...(region ? { region } : {}),
  };
}

export class ConfigSync {
  /** The sync a listing started: a plan or apply asked meanwhile waits for it, so it sees its result. */
  private following: Promise<void> = Promise.resolve();

  constructor(
    private readonly parts: CoreParts,
    private readonly deps: { registry: SessionRegistry; listing: AccountListing },
  ) {}

  async sync(request: ConfigSyncRequest): Promise<ConfigSyncResult> {
    await this.following;
    const runtime = this.deps.registry.get(request.session);
    const listing = await this.deps.listing.accounts(runtime.config.name, {
      maxAgeMs: request.maxAgeMs ?? 0,
    });
    const { configSync } = await this.parts.settingsFile.read();
    const result = await this.syncListing(
      runtime.config.name,
      choicesOf(request, configSync),
      listing.accounts,
      {
        dryRun: request.dryRun ?? false,
      },
    );
    return { ...result, listedAt: listing.fetchedAt };
  }

  /** With the setting on, the profiles follow each new listing; a failure is one 'problem' sentence. */
  afterListing(listing: Listing): Promise<void> {
    this.following = this.following.then(() => this.follow(listing));
    return this.following;
  }

  private async follow(listing: Listing): Promise<void> {
    const settings = await this.parts.settingsFile.read();
    if (!settings.syncConfigProfiles) return;
    const choices = settings.configSync;
    try {
      // A legacy SSO profile has no [sso-session] for SSO profiles to share: only credential_process ones follow it.
      const legacy = this.deps.registry.get(listing.session).config.source === 'legacy-profile';
      if (legacy && choices.kind === 'sso') return;
      await this.syncListing(listing.session, choices, listing.accounts, { dryRun: false });
    } catch (error) {
      this.parts.emit('problem', problemOf(error, 'The profiles in ~/.aws/config were not kept in sync: '));
    }
  }

  private async syncListing(
    session: string,
    choices: ConfigSyncChoices,
    accounts: AccountWithRoles[],
    { dryRun }: { dryRun: boolean },
  ): Promise<ConfigSyncResult> {
    const { paths } = this.parts.options;
    const runtime = this.deps.registry.get(session);
    const { kind } = choices;
    if (kind === 'sso' && runtime.config.source === 'legacy-profile')
      throw new SsoTrayError(
        'invalid-input',
        `The session "${session}" is a legacy SSO profile, not an [sso-session]`,
        { next: { do: 'choose-process-kind' } },
      );
    // An app session reaches ~/.aws/config as an [sso-session] once, before profiles that sign in through it.
    if (kind === 'sso' && !dryRun && runtime.config.source === 'app')
      await writeSsoSession(paths, runtime.config);
    const result = await syncConfigProfiles(paths, accounts, {
      session,
      ...choices,
      dryRun,
      // The launcher is looked up only for credential_process profiles; without one, its sentence says what to install.
      ...(kind === 'process' ? { processCommand: processCommandFor(this.parts.options) } : {}),
    });
    const label = fileLabel(paths.configFile, paths.homeDir);
    return {
      session,
      file: label,
      diff: result.diff,
      summary: syncSummary(result, label, dryRun),
      added: result.added.map((p) => p.profile),
      changed: result.changed.map((p) => p.profile),
      removed: result.removed.map((p) => p.profile),
      stale: result.stale,
      skipped: result.skipped.map((p) => p.profile),
      unchanged: result.unchanged,
      ...(result.example ? { example: exampleOf(result.example, accounts) } : {}),
      written: result.written,
    };
  }
}

/** The example profile with the account name the user knows it by. */
function exampleOf(
  profile: { profile: string; accountId: string; roleName: string },
  accounts: AccountWithRoles[],
): NonNullable<ConfigSyncResult['example']> {
  const account = accounts.find((a) => a.accountId === profile.accountId);
  return {
    profile: profile.profile,
    accountName: account?.accountName ?? profile.accountId,
    roleName: profile.roleName,
  };
}
