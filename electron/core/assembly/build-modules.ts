// Which of the core's modules depends on which: built once, in order, for SsoTrayCore to delegate to.
import type { Clock } from '../clock.js';
import { KeepFresh } from '../profiles/keep-fresh.js';
import { WorkTracker } from '../work-tracker.js';
import { SettingsFile } from '../settings/settings-file.js';
import { CredentialsFile } from '../aws-files/credentials-file.js';
import type { RoleCredentials } from '../shapes/aws-shapes.js';
import { problemOf, type CoreOptions, type CoreParts, type Emit, type RoleRef } from './shared-parts.js';
import { TokenStore } from '../session/token-store.js';
import { SessionRegistry } from '../session/session-registry.js';
import { SessionAdmin } from '../session/session-admin.js';
import { AccountListing } from '../accounts/account-listing.js';
import { RoleCredentialsSource } from '../role-credentials/role-credentials-source.js';
import { RecentRoles } from '../settings/recent-roles.js';
import { ProfileWriter } from '../profiles/profile-writer.js';
import { ConsoleAccess } from '../console/console-access.js';
import { ConfigSync } from '../config-sync/config-sync-runner.js';
import { CoreLifecycle } from './lifecycle.js';
import { credentialsText, type CredentialsTextRequest } from '../role-credentials/credentials-text.js';
import { writeConfigProfile, type ConfigProfileRequest } from '../profiles/config-profiles.js';
import { ServedEndpoints } from '../../endpoint/served-endpoints.js';

export interface CoreModules {
  parts: CoreParts;
  registry: SessionRegistry;
  admin: SessionAdmin;
  listing: AccountListing;
  roleCredentials: RoleCredentialsSource;
  recent: RecentRoles;
  profileWriter: ProfileWriter;
  keepFresh: KeepFresh;
  console: ConsoleAccess;
  configSync: ConfigSync;
  lifecycle: CoreLifecycle;
  endpoints: ServedEndpoints;
  credentialsText(role: CredentialsTextRequest): Promise<{ text: string; expiration: string }>;
  writeConfigProfile(role: ConfigProfileRequest): Promise<{ profile: string; file: string }>;
}

/** `credentials` is the core's own entry (it waits for start), which keep-fresh rewrites go through. */
export function assembleCore(
  options: CoreOptions,
  clock: Clock,
  emit: Emit,
  credentials: (role: RoleRef) => Promise<RoleCredentials>,
): CoreModules {
  const work = new WorkTracker();
  const credentialsFile = new CredentialsFile({
    file: options.paths.credentialsFile,
    appDataDir: options.paths.appDataDir,
    clock,
  });
  const parts: CoreParts = {
    options,
    clock,
    settingsFile: new SettingsFile(options.paths.appDataDir, (settings) =>
      emit('settings-changed', settings),
    ),
    credentialsFile,
    work,
    emit,
  };
  const tokens = new TokenStore(options.paths.ssoCacheDir, options.secretStore);
  const keepFresh: KeepFresh = new KeepFresh({
    clock,
    credentialsFile,
    fetchCredentials: (session, accountId, roleName) => credentials({ session, accountId, roleName }),
    onProfilesChanged: () => void profileWriter.announce(),
    track: (job) => work.track(job),
    onError: (profile, error) =>
      emit('problem', problemOf(error, `Profile ${profile} could not be refreshed: `)),
  });
  const registry = new SessionRegistry(parts, tokens, (name) => keepFresh.sessionSignedIn(name));
  const listing = new AccountListing(parts, registry);
  const roleCredentials = new RoleCredentialsSource(parts, registry, tokens);
  const recent = new RecentRoles(parts);
  const profileWriter = new ProfileWriter(parts, {
    registry,
    listing,
    credentials: roleCredentials,
    keepFresh,
    recent,
  });
  const admin = new SessionAdmin(parts, {
    registry,
    listing,
    credentials: roleCredentials,
    profiles: profileWriter,
  });
  const console = new ConsoleAccess(parts, { registry, credentials: roleCredentials, recent });
  const configSync = new ConfigSync(parts, { registry, listing });
  const lifecycle = new CoreLifecycle(parts, { tokens, registry, keepFresh });
  const endpoints = new ServedEndpoints({
    clock,
    credentials: async (role) => {
      const { accessKeyId, secretAccessKey, sessionToken, expiration } = await credentials(role);
      return { accessKeyId, secretAccessKey, sessionToken, expiration: expiration.toISOString() };
    },
    changed: (list) => emit('endpoints-changed', list),
    notice: (problem) => emit('problem', problem),
  });
  return {
    parts,
    registry,
    admin,
    listing,
    roleCredentials,
    recent,
    profileWriter,
    keepFresh,
    console,
    configSync,
    lifecycle,
    endpoints,
    credentialsText: (role) =>
      credentialsText(parts, { credentials: roleCredentials, profiles: profileWriter, recent }, role),
    writeConfigProfile: (role) => writeConfigProfile(options, registry, role),
  };
}
