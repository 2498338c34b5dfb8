// `sso-tray process`: the credential_process answer. It never opens a browser and never prompts; from the on-disk
// cache it answers without loading the AWS SDK or calling Identity Center.
import { awsPathsFromEnv } from '../../core/environment.js';
import { SsoTrayError } from '../../core/errors.js';
import { formatCredentials } from '../../core/formats.js';
import { SettingsFile } from '../../core/settings.js';
import { readSessionsFromConfig } from '../../core/aws-files/config-reader.js';
import { AwsCliSsoCache } from '../../core/aws-files/token-cache.js';
import { isValidIdentifier } from '../../core/identifiers.js';
import { RoleCredentialsFileCache } from '../../core/role-credentials-file-cache.js';
import { ROLE_CREDENTIALS_WINDOW_MS } from '../../core/role-credentials-window.js';
import type { SessionConfig } from '../../core/types.js';
import type { Env } from '../../core/environment.js';
import { chooseSession } from '../session-choice.js';
import path from 'node:path';

export async function runProcessCommand(
  env: Env,
  accountQuery: string,
  roleQuery: string,
  sessionOption: string | undefined,
): Promise<string> {
  const fast = await fromDiskCache(env, accountQuery, roleQuery, sessionOption);
  if (fast) return fast;
  const { createContext } = await import('../context.js');
  const { withRole } = await import('./role-lookup.js');
  const c = createContext(env);
  try {
    // Never a progress line: the AWS SDKs run this on every call.
    const quiet = { out: () => undefined, err: () => undefined, interactive: false };
    return await withRole(
      c,
      quiet,
      sessionOption,
      accountQuery,
      roleQuery,
      async (role) => (await c.call('credentials:process', role)).text,
    );
  } catch (error) {
    if (
      error instanceof SsoTrayError &&
      (error.code === 'sign-in-needed' || error.code === 'session-ended')
    ) {
      const session = await c.sessionName(sessionOption).catch(() => undefined);
      throw new SsoTrayError(
        error.code,
        `${error.message.replace(/\.$/, '')}: run \`sso-tray login${session ? ` --session ${session}` : ''}\`.`,
      );
    }
    throw error;
  } finally {
    c.close();
  }
}

async function fromDiskCache(
  env: Env,
  accountId: string,
  roleName: string,
  sessionOption: string | undefined,
): Promise<string | undefined> {
  if (!isValidIdentifier('account-id', accountId)) return undefined;
  const paths = awsPathsFromEnv(env);
  const settings = await new SettingsFile(paths.appDataDir).read();
  if (!settings.shareTokenCacheWithAwsCli) return undefined;
  let configured: SessionConfig[] | undefined;
  const all = async () => [
    ...settings.sessions,
    ...(configured ??= await readSessionsFromConfig(paths).catch(() => [])),
  ];
  // A session in both the settings and ~/.aws/config is one session, not two to choose from.
  const known = async () => [...new Set((await all()).map((s) => s.name))];
  const name = await chooseSession(sessionOption, env, paths, known).catch(() => undefined);
  const session = name === undefined ? undefined : (await all()).find((s) => s.name === name);
  if (!session) return undefined;
  // Only a session still signed in answers from a cache: after a sign-out (ours or `aws sso logout`) the core says so.
  const token = await new AwsCliSsoCache(paths.ssoCacheDir).readToken(session).catch(() => undefined);
  if (!token || token.expiresAt.getTime() <= Date.now()) return undefined;
  const cache = new RoleCredentialsFileCache(path.join(paths.homeDir, '.aws', 'cli', 'cache'));
  const credentials = await cache.read(session, accountId, roleName, Date.now(), ROLE_CREDENTIALS_WINDOW_MS);
  return credentials ? formatCredentials('process', credentials) : undefined;
}
