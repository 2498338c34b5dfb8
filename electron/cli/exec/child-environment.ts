// The environment `sso-tray exec` gives its command: the caller's, minus everything that would make an SDK pick other
// credentials, plus the role's (fixed keys, or the local credential endpoint). Pure: the tests read its output.
import { SsoTrayError } from '../../core/public.js';
import type { Env } from '../../core/environment.js';

/** Set in the command's environment: which role it runs as (as aws-vault's AWS_VAULT marks its subshells). */
const EXEC_MARKER = 'SSO_TRAY_EXEC';

// Every variable an SDK reads credentials or a profile from, in the order its default chain tries them:
// https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html
const OVERRIDING = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_ACCOUNT_ID',
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
];

export interface ExecRole {
  session: string;
  accountId: string;
  roleName: string;
}

export type ChildCredentials =
  | {
      kind: 'keys';
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken: string;
      expiration: string;
    }
  | { kind: 'endpoint'; url: string; token: string };

const markerOf = (role: ExecRole) => `${role.session}/${role.accountId}/${role.roleName}`;

/** Refuses to run inside another `exec` of a different role, unless the user asked for it. */
export function checkNesting(env: Env, role: ExecRole, allowNested: boolean): void {
  const outer = env[EXEC_MARKER];
  if (!outer || allowNested || outer === markerOf(role)) return;
  const [, accountId = '', roleName = ''] = outer.split('/');
  throw new SsoTrayError(
    'invalid-input',
    `This shell already runs as ${roleName} in ${accountId} through \`sso-tray exec\`; exit it first, or add --nested to run as ${role.roleName} in ${role.accountId} inside it.`,
  );
}

export function childEnvironment(
  env: Env,
  role: ExecRole,
  credentials: ChildCredentials,
  region: string | undefined,
): Record<string, string> {
  const child: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !OVERRIDING.includes(key)) child[key] = value;
  }
  if (credentials.kind === 'keys') {
    child.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    child.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    child.AWS_SESSION_TOKEN = credentials.sessionToken;
    // As `sso-tray creds --format env` and the AWS CLI write it: whole seconds, +00:00 (electron/core/role-credentials/formats.ts).
    child.AWS_CREDENTIAL_EXPIRATION = `${new Date(credentials.expiration).toISOString().slice(0, 19)}+00:00`;
  } else {
    child.AWS_CONTAINER_CREDENTIALS_FULL_URI = credentials.url;
    child.AWS_CONTAINER_AUTHORIZATION_TOKEN = credentials.token;
  }
  if (region) {
    child.AWS_REGION = region;
    child.AWS_DEFAULT_REGION = region;
  }
  child[EXEC_MARKER] = markerOf(role);
  return child;
}
