// The one rule for "which session does this command mean", for every command (the `process` fast path included).
import { profilesInConfig } from '../core/aws-files/config-reader.js';
import type { AwsPaths } from '../core/types.js';
import type { Env } from '../core/environment.js';

/**
 * --session, then SSO_TRAY_SESSION, then the sso_session of AWS_PROFILE (when it is a known session), then the only
 * session there is; undefined when none of these applies (the core then says which sessions exist).
 */
export async function chooseSession(
  option: string | undefined,
  env: Env,
  paths: AwsPaths,
  known: () => Promise<string[]>,
): Promise<string | undefined> {
  if (option) return option;
  if (env.SSO_TRAY_SESSION) return env.SSO_TRAY_SESSION;
  const names = await known();
  const profileName = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
  if (profileName) {
    const profiles = await profilesInConfig(paths);
    const profile =
      profiles[profileName === 'default' ? 'default' : `profile ${profileName}`] ?? profiles[profileName];
    const fromProfile = profile?.sso_session ?? (profile?.sso_start_url ? profileName : undefined);
    if (fromProfile && names.includes(fromProfile)) return fromProfile;
  }
  return names.length === 1 ? names[0] : undefined;
}
