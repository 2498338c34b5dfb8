// The `[profile NAME]` sections SSO Tray writes to ~/.aws/config: SSO profiles and credential_process profiles.
import { SsoTrayError } from '../errors.js';
import { checkIdentifier } from '../identifiers.js';
import type { AwsPaths, SessionConfig } from '../shapes/aws-shapes.js';
import { editConfig } from './config-edit.js';
import { checkProfileName } from './credentials-file.js';
import type { IniDocument } from './ini-document.js';
import { checkSession, sessionEdit } from './sso-session-writer.js';

/**
 * Writes a profile: updated in place when it already has the same identity (keys of the user's own, such as
 * `output`, stay), refused when it is something else unless `overwrite`, which replaces its keys.
 */
async function writeProfile(
  paths: AwsPaths,
  profile: string,
  identity: Array<[string, string]>,
  extra: Array<[string, string]>,
  options: { overwrite: boolean; withSession?: SessionConfig },
): Promise<void> {
  checkProfileName(profile);
  if (options.withSession) checkSession(options.withSession);
  // One read, one write: a refused profile leaves no [sso-session] behind.
  await editConfig(paths, (document, label) => {
    const session = options.withSession ? sessionEdit(document, label, options.withSession) : false;
    return profileEdit(document, label, profile, identity, extra, options.overwrite) || session;
  });
}

function profileEdit(
  document: IniDocument,
  label: string,
  profile: string,
  identity: Array<[string, string]>,
  extra: Array<[string, string]>,
  overwrite: boolean,
): boolean {
  const name = configSectionOf(profile, document, label);
  const existing = document.getSection(name);
  const wanted = [...identity, ...extra];
  if (!existing || overwrite) {
    document.setSection(name, wanted);
    return true;
  }
  if (identity.some(([key, value]) => existing[key] !== value))
    throw new SsoTrayError(
      'foreign-profile',
      `The profile "${profile}" in ${label} already exists with other settings`,
      { next: { do: 'choose-profile-name-or-overwrite', profile } },
    );
  if (wanted.every(([key, value]) => existing[key] === value)) return false;
  document.updateSection(name, wanted);
  return true;
}

/**
 * The section a profile lives in. The SDKs read `[profile default]` over `[default]`, so an existing
 * `[profile default]` is the default profile; with both, botocore takes the later one and the SDKs the first, so
 * no write can mean the same to both and it is refused.
 */
function configSectionOf(profile: string, document: IniDocument, label: string): string {
  if (profile !== 'default') return `profile ${profile}`;
  const prefixed = document.hasSection('profile default');
  if (prefixed && document.hasSection('default'))
    throw new SsoTrayError(
      'invalid-input',
      `${label} has both [default] and [profile default], which the AWS CLI and the SDKs read differently; merge them into one section, then try again.`,
    );
  return prefixed ? 'profile default' : 'default';
}

/**
 * `[profile NAME]` signing in through an sso-session: sso_session, sso_account_id, sso_role_name (, region). With
 * `withSession`, its `[sso-session]` is ensured in the same edit, so a refusal of either changes nothing.
 */
export async function writeSsoProfile(
  paths: AwsPaths,
  profile: string,
  p: {
    session: string;
    accountId: string;
    roleName: string;
    region?: string;
    overwrite?: boolean;
    withSession?: SessionConfig;
  },
): Promise<void> {
  checkIdentifier('session-name', p.session);
  checkIdentifier('account-id', p.accountId);
  checkIdentifier('role-name', p.roleName);
  if (p.region !== undefined) checkIdentifier('region', p.region);
  const identity: Array<[string, string]> = [
    ['sso_session', p.session],
    ['sso_account_id', p.accountId],
    ['sso_role_name', p.roleName],
  ];
  const extra: Array<[string, string]> = p.region ? [['region', p.region]] : [];
  await writeProfile(paths, profile, identity, extra, {
    overwrite: p.overwrite ?? false,
    ...(p.withSession ? { withSession: p.withSession } : {}),
  });
}

/** `[profile NAME]` with `credential_process = COMMAND` (, region). */
export async function writeProcessProfile(
  paths: AwsPaths,
  profile: string,
  command: string,
  region?: string,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  if (region !== undefined) checkIdentifier('region', region);
  const extra: Array<[string, string]> = region ? [['region', region]] : [];
  await writeProfile(paths, profile, [['credential_process', command]], extra, {
    overwrite: options.overwrite ?? false,
  });
}
