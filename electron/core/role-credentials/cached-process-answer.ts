// credential_process's warm answer: the role's credentials from the AWS CLI's cache while the session is signed in,
// without the AWS SDK and without the settings schema (zod), since the SDKs run it for every process a user starts.
// Anything it cannot vouch for (a newer or odd settings file, no cached token or credentials) is a miss: the caller
// then asks the core through the contract's `credentials:process`, which explains in its own words.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AwsCliSsoCache } from '../aws-files/token-cache.js';
import { formatCredentials } from './formats.js';
import { RoleCredentialsFileCache } from './role-credentials-file-cache.js';
import { ROLE_CREDENTIALS_WINDOW_MS } from './role-credentials-window.js';
import { readSessionsFromConfig } from '../aws-files/config-reader.js';
import { chooseSession, type SessionChoice } from '../session/session-choice.js';
import { mergeSessions } from '../session/session-merge.js';
import { SETTINGS_MARK } from '../settings/settings-checked.js';
import { PROCESS_FIELDS_SINCE, SETTINGS_VERSION } from '../settings/settings-version.js';
import type { AwsPaths, RoleCredentials, SessionConfig } from '../shapes/aws-shapes.js';

export interface CachedProcessRequest extends SessionChoice {
  accountId: string;
  roleName: string;
}

/** The few fields of settings.json a quick answer needs, read by hand. */
interface QuickSettings {
  share: boolean;
  sessions: SessionConfig[];
  /** The region `exec` gives a favourite, else the default region (undefined: none, or not plainly usable). */
  regionFor(accountId: string, roleName: string, session: string): string | undefined;
}

/** settings.json's few fields; undefined when the file is not plainly usable. */
async function settingsFields(appDataDir: string): Promise<QuickSettings | undefined> {
  let raw: unknown;
  try {
    const text = (await readFile(path.join(appDataDir, 'settings.json'), 'utf8')).replace(/^\uFEFF/, '');
    // Only a text the schema accepted (settings-checked.ts): any other is the program's to read or refuse.
    const accepted = await readFile(path.join(appDataDir, SETTINGS_MARK), 'utf8').catch(() => undefined);
    if (accepted !== text) return undefined;
    raw = JSON.parse(text);
  } catch (error) {
    // No file: the defaults (the token cache is shared, no session of the app's own).
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? { share: true, sessions: [], regionFor: () => undefined }
      : undefined;
  }
  const file = raw as {
    version?: unknown;
    shareTokenCacheWithAwsCli?: unknown;
    sessions?: unknown;
    favourites?: unknown;
    defaultRegion?: unknown;
  };
  if (typeof raw !== 'object' || raw === null || !readsAsToday(file.version)) return undefined;
  const share = file.shareTokenCacheWithAwsCli ?? true;
  const listed = file.sessions ?? [];
  if (typeof share !== 'boolean' || !Array.isArray(listed)) return undefined;
  const sessions: SessionConfig[] = [];
  for (const entry of listed as Array<Record<string, unknown>>) {
    const { name, startUrl, region } = entry ?? {};
    if (typeof name !== 'string' || typeof startUrl !== 'string' || typeof region !== 'string')
      return undefined;
    sessions.push({ name, startUrl, region, source: 'app' });
  }
  const favourites = Array.isArray(file.favourites)
    ? (file.favourites as Array<Record<string, unknown>>)
    : [];
  const defaultRegion = typeof file.defaultRegion === 'string' ? file.defaultRegion : undefined;
  const regionFor = (accountId: string, roleName: string, session: string) => {
    const favourite = favourites.find(
      (f) => f?.session === session && f.accountId === accountId && f.roleName === roleName,
    );
    return typeof favourite?.region === 'string' ? favourite.region : defaultRegion;
  };
  return { share, sessions, regionFor };
}

/** A version whose fields this answer reads the same (a file not yet rewritten since an upgrade is one). */
const readsAsToday = (version: unknown) =>
  typeof version === 'number' && version >= PROCESS_FIELDS_SINCE && version <= SETTINGS_VERSION;

/** A role's cached credentials, the session they belong to and the settings' few fields; undefined on a miss. */
export interface CachedRole {
  session: SessionConfig;
  credentials: RoleCredentials;
  settings: QuickSettings;
}

export async function cachedProcessAnswer(
  request: CachedProcessRequest,
  paths: AwsPaths,
  now: number,
): Promise<string | undefined> {
  const found = await cachedRole(request, paths, now);
  return found ? formatCredentials('process', found.credentials) : undefined;
}

export async function cachedRole(
  request: CachedProcessRequest,
  paths: AwsPaths,
  now: number,
): Promise<CachedRole | undefined> {
  const settings = await settingsFields(paths.appDataDir);
  // Tokens kept in the app's own store are not in the AWS CLI's cache: only the core can read them.
  if (!settings?.share) return undefined;
  // The sessions as the core's registry has them (session-merge.ts); a config it cannot read is the core's to explain.
  const configured = await readSessionsFromConfig(paths).catch(() => undefined);
  if (!configured) return undefined;
  const sessions = mergeSessions(settings.sessions, configured);
  const known = () => Promise.resolve(sessions.map((s) => s.name));
  const name = await chooseSession(request, paths, known).catch(() => undefined);
  const session = sessions.find((s) => s.name === name);
  const credentials = session && (await fromCaches(session, request, paths, now));
  return credentials ? { session, credentials, settings } : undefined;
}

async function fromCaches(
  session: SessionConfig,
  request: CachedProcessRequest,
  paths: AwsPaths,
  now: number,
): Promise<RoleCredentials | undefined> {
  // Only a session still signed in answers from a cache: after a sign-out (ours or `aws sso logout`) the core says so.
  const token = await new AwsCliSsoCache(paths.ssoCacheDir).readToken(session).catch(() => undefined);
  if (!token || token.expiresAt.getTime() <= now) return undefined;
  const cache = new RoleCredentialsFileCache(path.join(paths.homeDir, '.aws', 'cli', 'cache'));
  return cache.read(session, request.accountId, request.roleName, now, ROLE_CREDENTIALS_WINDOW_MS);
}
