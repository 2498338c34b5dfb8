// Profiles in ~/.aws/config for the AWS CLI and SDKs: an SSO profile on the session's [sso-session] (they sign in
// and refresh themselves), or a credential_process profile that asks `sso-tray process`.
import { SsoTrayError } from './errors.js';
import { writeProcessProfile, writeSsoProfile, writeSsoSession } from './aws-files/aws-config.js';
import type { CoreOptions, RoleRef } from './core-parts.js';
import type { SessionRegistry } from './session-registry.js';

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
    // An app session reaches ~/.aws/config as an [sso-session] once; make sure it is there.
    if (runtime.config.source === 'app') await writeSsoSession(options.paths, runtime.config);
    await writeSsoProfile(options.paths, role.profile, {
      sessionName: runtime.config.name,
      accountId: role.accountId,
      roleName: role.roleName,
      ...written,
    });
  } else {
    if (!options.processCommand) {
      throw new SsoTrayError(
        'invalid-input',
        'The sso-tray command is not available here to serve credential_process.',
      );
    }
    const command = credentialProcessCommand(options.processCommand, {
      ...role,
      session: runtime.config.name,
    });
    await writeProcessProfile(options.paths, role.profile, command, role.region, {
      overwrite: written.overwrite,
    });
  }
  return { profile: role.profile, file: options.paths.configFile };
}

/** The credential_process command line that asks `sso-tray process` for a role (config-profile and config sync). */
export function credentialProcessCommand(processCommand: string, role: RoleRef): string {
  return `${processCommand} process ${role.accountId} ${quoteArgument(role.roleName)} --session ${role.session}`;
}

/** Quotes one argument the way credential_process commands are split (shell-style, no shell). */
export function quoteArgument(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}
