// Profiles the app writes into the credentials file: written (kept fresh when asked), removed, listed, announced.
import { SsoTrayError } from '../errors.js';
import { parseProfileNameTemplate, profileNameFor } from './profile-name-template.js';
import type { OwnedProfile } from '../aws-files/credentials-file.js';
import type { CoreParts, RoleRef } from '../assembly/shared-parts.js';
import type { AccountListing } from '../accounts/account-listing.js';
import type { KeepFresh } from './keep-fresh.js';
import type { RoleCredentialsSource } from '../role-credentials/role-credentials-source.js';
import type { SessionRegistry } from '../session/session-registry.js';
import type { RecentRoles } from '../settings/recent-roles.js';

export type WriteProfileRequest = RoleRef & { profile?: string; keepFresh?: boolean; overwrite?: boolean };

export class ProfileWriter {
  constructor(
    private readonly parts: CoreParts,
    private readonly deps: {
      registry: SessionRegistry;
      listing: AccountListing;
      credentials: RoleCredentialsSource;
      keepFresh: KeepFresh;
      recent: RecentRoles;
    },
  ) {}

  /** Writes a profile into the credentials file, kept fresh when asked; a quit waits for the write to land. */
  write(role: WriteProfileRequest): Promise<OwnedProfile> {
    return this.parts.work.track(this.writeNow(role));
  }

  private async writeNow(role: WriteProfileRequest): Promise<OwnedProfile> {
    const { credentialsFile, options } = this.parts;
    const credentials = await this.deps.credentials.get(role);
    const profile = role.profile ?? (await this.nameFor(role));
    await credentialsFile.writeProfile(profile, credentials, {
      session: this.deps.registry.get(role.session).config.name,
      keepFresh: role.keepFresh ?? false,
      ...(role.overwrite ? { overwrite: true } : {}),
    });
    const owned = (await credentialsFile.ownedProfiles()).find((p) => p.profile === profile);
    if (!owned)
      throw new SsoTrayError(
        'internal',
        `The profile ${profile} was written but not recorded; write it again.`,
      );
    if (owned.keepFresh && options.background) this.deps.keepFresh.track(owned);
    else this.deps.keepFresh.untrack(profile);
    await this.deps.recent.markUsed(role);
    await this.announce();
    return owned;
  }

  remove(profile: string, options: { force?: boolean } = {}): Promise<boolean> {
    return this.parts.work.track(this.removeNow(profile, options));
  }

  private async removeNow(profile: string, options: { force?: boolean }): Promise<boolean> {
    const removed = await this.parts.credentialsFile.removeProfile(profile, options);
    this.deps.keepFresh.untrack(profile);
    if (removed) await this.announce();
    return removed;
  }

  /** The profiles of a session go (at sign-out, by the setting); returns their names. */
  async removeOfSession(session: string): Promise<string[]> {
    const removed = await this.parts.credentialsFile.removeProfilesOfSession(session);
    for (const profile of removed) this.deps.keepFresh.untrack(profile);
    if (removed.length) await this.announce();
    return removed;
  }

  list(): Promise<OwnedProfile[]> {
    return this.parts.credentialsFile.ownedProfiles();
  }

  async announce(): Promise<void> {
    this.parts.emit('profiles-changed', await this.parts.credentialsFile.ownedProfiles());
  }

  /** The profile name the settings' template gives a role (the account's name and e-mail from the cached listing). */
  async nameFor(role: RoleRef): Promise<string> {
    const settings = await this.parts.settingsFile.read();
    const template = parseProfileNameTemplate(settings.profileNameTemplate, 'credentials');
    const listing = await this.deps.listing.stored(this.deps.registry.get(role.session).config);
    const account = listing?.accounts.find((a) => a.accountId === role.accountId);
    return profileNameFor(template, {
      accountId: role.accountId,
      accountName: account?.accountName ?? role.accountId,
      emailAddress: account?.emailAddress ?? '',
      roleName: role.roleName,
      session: role.session,
    });
  }
}
