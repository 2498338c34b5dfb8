// What each generated profile should hold: an sso-session profile, or one that asks `sso-tray process`.
import { SsoTrayError } from '../errors.js';
import { REGION_PATTERN } from '../identifiers.js';
import type { AccountWithRoles, ProfileKind } from '../shapes/front-end-shapes.js';
import { DEFAULT_TEMPLATES, parseProfileNameTemplate } from '../profiles/profile-name-template.js';
import { FIX_TEMPLATE, nameRoles } from './profile-names.js';

/** Native SSO profiles (sso_session), or credential_process ones that ask `sso-tray process`. */

export interface DesiredProfile {
  profile: string;
  accountId: string;
  roleName: string;
  entries: Array<[string, string]>;
}

export interface DesiredOptions {
  /** The sso-session the profiles sign in through. */
  session: string;
  kind: ProfileKind;
  template?: string;
  /** Written to every profile when given; otherwise a profile's region is left to the user. */
  region?: string;
  /** kind 'process': the credential_process command line for a role (the core's builder). */
  processCommand?: (role: { accountId: string; roleName: string; session: string }) => string;
}

const IDENTITY_KEYS: Record<ProfileKind, string[]> = {
  sso: ['sso_session', 'sso_account_id', 'sso_role_name'],
  process: ['credential_process'],
};

/** The keys a sync owns in its profiles: both kinds' identities (a kind switch removes the other) and region if set. */
export function managedKeys(options: DesiredOptions): string[] {
  return [...IDENTITY_KEYS.sso, ...IDENTITY_KEYS.process, ...(options.region ? ['region'] : [])];
}

export function desiredProfiles(accounts: AccountWithRoles[], options: DesiredOptions): DesiredProfile[] {
  const template = parseProfileNameTemplate(
    options.template ?? DEFAULT_TEMPLATES['config-sync'],
    'config-sync',
    FIX_TEMPLATE,
  );
  if (options.region !== undefined && !REGION_PATTERN.test(options.region))
    throw new SsoTrayError(
      'invalid-input',
      `"${options.region}" is not an AWS region; use one like eu-west-1.`,
      { next: { do: 'fix-sync-choice', choice: 'region' } },
    );
  const { processCommand } = options;
  if (options.kind === 'process' && !processCommand)
    throw new SsoTrayError(
      'internal',
      'The sso-tray command is not available here to serve credential_process.',
    );
  const roles = accounts.flatMap((a) =>
    a.roles.map((roleName) => ({
      accountId: a.accountId,
      accountName: a.accountName,
      emailAddress: a.emailAddress,
      roleName,
    })),
  );
  const region: Array<[string, string]> = options.region ? [['region', options.region]] : [];
  return nameRoles(template, options.session, roles).map(({ profile, accountId, roleName }) => ({
    profile,
    accountId,
    roleName,
    entries: [
      ...(options.kind === 'sso' || !processCommand
        ? ([
            ['sso_session', options.session],
            ['sso_account_id', accountId],
            ['sso_role_name', roleName],
          ] as Array<[string, string]>)
        : ([
            ['credential_process', processCommand({ accountId, roleName, session: options.session })],
          ] as Array<[string, string]>)),
      ...region,
    ],
  }));
}
