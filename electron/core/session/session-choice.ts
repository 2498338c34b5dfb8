// The one rule for "which session does this mean", for every command (the credential_process fast path included).
import { profilesInConfig } from '../aws-files/config-reader.js';
import type { AwsPaths } from '../shapes/aws-shapes.js';

export interface SessionChoice {
  /** Named by the caller (--session, else SSO_TRAY_SESSION). */
  session?: string | undefined;
  /** The profile the caller runs under (AWS_PROFILE, else AWS_DEFAULT_PROFILE). */
  profile?: string | undefined;
}

/**
 * The session named, then the sso_session of the profile (when it is a known session), then the only session there
 * is; undefined when none of these applies (the registry then says which sessions exist).
 */
export async function chooseSession(
  choice: SessionChoice,
  paths: AwsPaths,
  known: () => Promise<string[]>,
): Promise<string | undefined> {
  if (choice.session) return choice.session;
  const names = await known();
  const profileName = choice.profile;
  if (profileName) {
    const profiles = await profilesInConfig(paths);
    const profile =
      profiles[profileName === 'default' ? 'default' : `profile ${profileName}`] ?? profiles[profileName];
    const fromProfile = profile?.sso_session ?? (profile?.sso_start_url ? profileName : undefined);
    if (fromProfile && names.includes(fromProfile)) return fromProfile;
  }
  return names.length === 1 ? names[0] : undefined;
}
