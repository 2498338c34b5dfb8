// Profiles in ~/.aws/config for the AWS CLI and SDKs: an SSO profile on the session's [sso-session] (they sign in
// and refresh themselves), or a credential_process profile that asks `sso-tray process`.
import { SsoTrayError } from '../errors.js';
import { writeProcessProfile, writeSsoProfile } from '../aws-files/config-profile-writer.js';
import { credentialProcessCommand } from '../aws-files/credential-process-command.js';
import type { CoreOptions, RoleRef } from '../assembly/shared-parts.js';
import type { SessionRegistry } from '../session/session-registry.js';

export type ConfigProfileRequest = RoleRef & {
  profile: string;
  kind: 'sso' | 'credential-process';
  region?: string;
  overwrite?: boolean;
};

export async function writeConfigProfile(
  options: CoreOptions,
  registry: SessionRegistry,
  role: ConfigProfileRequest,
): Promise<{ profile: string; file: string }> {
  const runtime = registry.get(role.session);
  const written = { ...(role.region ? { region: role.region } : {}), overwrite: role.overwrite ?? false };
  if (role.kind === 'sso') {
    if (runtime.config.source === 'legacy-profile') {
      throw new SsoTrayError(
        'invalid-input',
        `The session "${runtime.config.name}" is a legacy SSO profile, not an [sso-session]; use a credential_process profile instead.`,
      );
    }
    // An app session reaches ~/.aws/config as an [sso-session] in the same edit, so a refused profile adds none.
    await writeSsoProfile(options.paths, role.profile, {
      session: runtime.config.name,
      accountId: role.accountId,
      roleName: role.roleName,
      ...written,
      ...(runtime.config.source === 'app' ? { withSession: runtime.config } : {}),
    });
  } else {
    const command = processCommandFor(options)({ ...role, session: runtime.config.name });
    await writeProcessProfile(options.paths, role.profile, command, role.region, {
      overwrite: written.overwrite,
    });
  }
  return { profile: role.profile, file: options.paths.configFile };
}

/**
 * The credential_process command of a role on this machine (absolute launcher, every argument quoted), or the one
 * sentence saying to install the CLI when there is none: the packaged app cannot run itself as Node (fuses).
 */
export function processCommandFor(
  options: Pick<CoreOptions, 'processLauncher'>,
): (role: { accountId: string; roleName: string; session: string }) => string {
  const launcher = options.processLauncher?.();
  if (!launcher) {
    throw new SsoTrayError(
      'invalid-input',
      'A credential_process profile runs the sso-tray command, which is not installed: install it with `npm install -g sso-tray`, or write an SSO profile instead.',
    );
  }
  return (role) =>
    credentialProcessCommand(launcher, {
      accountId: role.accountId,
      roleName: role.roleName,
      session: role.session,
    });
}
