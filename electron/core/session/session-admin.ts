// Adding, removing and signing out of sessions: the settings, ~/.aws/config's [sso-session] and every cache kept in step.
import { SsoTrayError } from '../errors.js';
import { parseSessionConfig } from './session-config.js';
import { profilesInConfig } from '../aws-files/config-reader.js';
import { removeSsoSession, writeSsoSession } from '../aws-files/sso-session-writer.js';
import { fileLabel } from '../aws-files/file-label.js';
import { processCommandSession } from '../aws-files/credential-process-command.js';
import { syncConfigProfiles } from '../config-sync/config-sync.js';
import type { CoreParts } from '../assembly/shared-parts.js';
import type { AccountListing } from '../accounts/account-listing.js';
import type { ProfileWriter } from '../profiles/profile-writer.js';
import type { RoleCredentialsSource } from '../role-credentials/role-credentials-source.js';
import type { SessionRegistry } from './session-registry.js';
import type { SessionRemoval, SessionView, Settings } from '../shapes/front-end-shapes.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';

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
    // Checked as the settings file will check it before anything is written anywhere.
    const session = parseSessionConfig({
      ...input,
      registrationScopes: ['sso:account:access'],
      source: 'app',
    });
    if (registry.has(session.name)) {
      throw new SsoTrayError('invalid-input', `A session named "${session.name}" exists already`, {
        next: { do: 'choose-session-name' },
      });
    }
    // Shared sign-ins are usable by the AWS CLI and SDKs only through an [sso-session] in ~/.aws/config; it is
    // written first, so a config that cannot be written leaves no session behind in the settings.
    if ((await this.parts.settingsFile.read()).shareTokenCacheWithAwsCli)
      await writeSsoSession(this.parts.options.paths, session);
    await this.parts.settingsFile.update((s) => ({ ...s, sessions: [...s.sessions, session] }));
    await registry.reload();
    return registry.get(session.name).view();
  }

  /**
   * Signs out of an app-added session and removes it: from the settings, its generated profiles (config sync's block)
   * and its [sso-session] from ~/.aws/config. Refused, with nothing changed, while a profile SSO Tray did not generate
   * signs in through it (the session would stay in the config and keep being listed). A dry run only says what goes.
   */
  async remove(name: string, options: { dryRun?: boolean } = {}): Promise<SessionRemoval> {
    const { paths } = this.parts.options;
    const runtime = this.deps.registry.get(name);
    const label = fileLabel(paths.configFile, paths.homeDir);
    if (runtime.config.source !== 'app') {
      throw new SsoTrayError('invalid-input', `The session "${name}" comes from ${label}; remove it there.`);
    }
    // Config sync's block for the session is SSO Tray's own: pruning it to nothing removes its profiles, markers and all
    // (kind 'process' needs no [sso-session]; with no roles wanted, no command line is ever built).
    const prune = (dryRun: boolean) =>
      syncConfigProfiles(paths, [], {
        ...{ session: name, kind: 'process', processCommand: () => '' },
        ...{ prune: true, dryRun },
      });
    const generated = (await prune(true)).removed.map((p) => p.profile);
    // Profiles `config-profile` wrote (SSO or credential_process) are the user's: SSO Tray keeps no record of them and
    // the user may have edited them since, so they are named, never removed with the session.
    const users = Object.entries(await profilesInConfig(paths))
      .filter(
        ([profile, keys]) =>
          (keys.sso_session === name || processCommandSession(keys.credential_process, name)) &&
          !generated.includes(profile),
      )
      .map(([profile]) => profile);
    if (users.length) {
      const [them, those] = users.length === 1 ? ['it', 'the profile'] : ['them', 'the profiles'];
      throw new SsoTrayError(
        'invalid-input',
        `The session "${name}" is still used by ${those} ${users.join(', ')} in ${label} (outside the profiles config sync generates); remove ${them} there or point ${them} to another session, then remove the session.`,
      );
    }
    if (options.dryRun) return { removedProfiles: generated };
    await this.signOut(name).catch(() => undefined);
    await this.parts.settingsFile.update((s) => ({
      ...s,
      sessions: s.sessions.filter((x) => x.name !== name),
    }));
    const removedProfiles = generated.length ? (await prune(false)).removed.map((p) => p.profile) : [];
    // The [sso-session] written for the AWS CLI goes too (it stays only if a profile written since uses it).
    await removeSsoSession(paths, runtime.config);
    await this.deps.registry.reload();
    return { removedProfiles };
  }

  /** Identity Center Logout, the cached token removed, and (by the setting) the app's profiles removed. */
  signOut(name: string): Promise<{ removedProfiles: string[] }> {
    return this.parts.work.track(this.signOutNow(name)); // a quit waits for its file edits
  }

  private async signOutNow(name: string): Promise<{ removedProfiles: string[] }> {
    const runtime = this.deps.registry.get(name);
    await runtime.signOut();
    const settings = await this.parts.settingsFile.read();
    await this.deps.credentials.forget(runtime.config, await this.knownRoles(runtime.config, settings));
    const removedProfiles = settings.removeProfilesOnSignOut
      ? await this.deps.profiles.removeOfSession(name)
      : [];
    return { removedProfiles };
  }

  /** Every role the session is known to reach: its listing, favourites and recents, profiles here and in ~/.aws/config. */
  private async knownRoles(session: SessionConfig, settings: Settings): Promise<RoleRefOnly[]> {
    const listing = await this.deps.listing.stored(session).catch(() => undefined);
    const config = await profilesInConfig(this.parts.options.paths).catch(() => ({}));
    const owned = await this.deps.profiles.list().catch(() => []);
    return [
      ...(listing?.accounts ?? []).flatMap((a) =>
        a.roles.map((roleName) => ({ accountId: a.accountId, roleName })),
      ),
      ...[...settings.favourites, ...settings.recent].filter((r) => r.session === session.name),
      ...owned.filter((p) => p.session === session.name),
      ...Object.values(config)
        .filter((p) => p.sso_session === session.name || p.sso_start_url === session.startUrl)
        .flatMap((p) =>
          p.sso_account_id && p.sso_role_name
            ? [{ accountId: p.sso_account_id, roleName: p.sso_role_name }]
            : [],
        ),
    ];
  }
}

type RoleRefOnly = { accountId: string; roleName: string };
