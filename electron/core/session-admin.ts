// Adding, removing and signing out of sessions: the settings, ~/.aws/config's [sso-session] and every cache kept in step.
import { SsoTrayError } from './errors.js';
import { removeSsoSession, writeSsoSession } from './aws-files/aws-config.js';
import type { CoreParts } from './core-parts.js';
import type { AccountListing } from './account-listing.js';
import type { ProfileWriter } from './profile-writer.js';
import type { RoleCredentialsSource } from './role-credentials.js';
import type { SessionRegistry } from './session-registry.js';
import type { SessionView } from './views.js';
import type { SessionConfig } from './types.js';

export class SessionAdmin {
  constructor(
    private readonly parts: CoreParts,
    private readonly deps: {
      registry: SessionRegistry;
      listing: AccountListing;
      credentials: RoleCredentialsSource;
      profiles: ProfileWriter;
    },
  ) {}

  async add(input: { name: string; startUrl: string; region: string }): Promise<SessionView> {
    const { registry } = this.deps;
    const session: SessionConfig = { ...input, registrationScopes: ['sso:account:access'], source: 'app' };
    if (registry.has(session.name)) {
      throw new SsoTrayError(
        'invalid-input',
        `A session named "${session.name}" exists already; choose another name.`,
      );
    }
    const settings = await this.parts.settingsFile.update((s) => ({
      ...s,
      sessions: [...s.sessions, session],
    }));
    // Shared sign-ins are usable by the AWS CLI and SDKs only through an [sso-session] in ~/.aws/config.
    if (settings.shareTokenCacheWithAwsCli) await writeSsoSession(this.parts.options.paths, session);
    await registry.reload();
    return registry.get(session.name).view();
  }

  async remove(name: string): Promise<void> {
    const { paths } = this.parts.options;
    const runtime = this.deps.registry.get(name);
    if (runtime.config.source !== 'app') {
      throw new SsoTrayError(
        'invalid-input',
        `The session "${name}" comes from ${paths.configFile}; remove it there.`,
      );
    }
    await this.signOut(name).catch(() => undefined);
    await this.parts.settingsFile.update((s) => ({
      ...s,
      sessions: s.sessions.filter((x) => x.name !== name),
    }));
    // The [sso-session] written for the AWS CLI goes too, unless a profile there uses it.
    await removeSsoSession(paths, runtime.config);
    await this.deps.registry.reload();
  }

  /** Identity Center Logout, the cached token removed, and (by the setting) the app's profiles removed. */
  signOut(name: string): Promise<{ removedProfiles: string[] }> {
    return this.parts.work.track(this.signOutNow(name)); // a quit waits for its file edits
  }

  private async signOutNow(name: string): Promise<{ removedProfiles: string[] }> {
    const runtime = this.deps.registry.get(name);
    await runtime.signOut();
    const listing = await this.deps.listing.stored(runtime.config);
    await this.deps.credentials.forget(runtime.config, listing?.accounts ?? []);
    const settings = await this.parts.settingsFile.read();
    const removedProfiles = settings.removeProfilesOnSignOut
      ? await this.deps.profiles.removeOfSession(name)
      : [];
    return { removedProfiles };
  }
}
