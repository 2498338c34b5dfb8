// ~/.aws/config: the sign-ins already configured, read as the SDK reads them, and the sections SSO Tray adds.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { SsoTrayError } from '../errors.js';
import { checkIdentifier } from '../identifiers.js';
import type { AwsPaths, SessionConfig } from '../types.js';
import { checkProfileName } from './credentials-file.js';
import { fileLabel } from './file-label.js';
import { IniDocument } from './ini-document.js';
import { withFileLock, writeFileAtomic } from './locked-write.js';
import { encodeText, readLosslessText, readTextFile } from './read-text-file.js';

type Sections = Record<string, Record<string, string | undefined>>;

/** The config as the SDK reads it (keys `default`, `dev`, `sso-session.acme`), after checking every line parses. */
async function readConfig(paths: AwsPaths): Promise<Sections> {
  const text = await readTextFile(paths.configFile, paths.homeDir);
  if (text === undefined) return {};
  IniDocument.parse(text, fileLabel(paths.configFile, paths.homeDir));
  const { configFile } = await loadSharedConfigFiles({
    filepath: paths.credentialsFile,
    configFilepath: paths.configFile,
    ignoreCache: true,
  });
  return configFile;
}

const isProfileKey = (key: string) => !key.startsWith('sso-session.') && !key.startsWith('services.');

function scopesOf(section: Record<string, string | undefined>): string[] | undefined {
  const raw = section.sso_registration_scopes;
  if (raw === undefined) return undefined;
  return raw
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
}

/**
 * Every `[sso-session]` with a start URL and region, then each legacy profile (sso_start_url without sso_session),
 * one per start URL and region, named after the profile. An sso-session wins a name clash.
 */
export async function readSessionsFromConfig(paths: AwsPaths): Promise<SessionConfig[]> {
  const config = await readConfig(paths);
  const sessions: SessionConfig[] = [];
  const names = new Set<string>();
  const add = (session: SessionConfig, scopes: string[] | undefined) => {
    sessions.push(scopes ? { ...session, registrationScopes: scopes } : session);
    names.add(session.name);
  };
  for (const [key, section] of Object.entries(config)) {
    if (!key.startsWith('sso-session.') || !section.sso_start_url || !section.sso_region) continue;
    const session = { name: key.slice('sso-session.'.length), startUrl: section.sso_start_url };
    add({ ...session, region: section.sso_region, source: 'sso-session' }, scopesOf(section));
  }
  const portals = new Set<string>();
  for (const [name, section] of Object.entries(config)) {
    const { sso_start_url: startUrl, sso_region: region } = section;
    if (!isProfileKey(name) || section.sso_session || !startUrl || !region || names.has(name)) continue;
    const portal = JSON.stringify([startUrl, region]);
    if (portals.has(portal)) continue;
    portals.add(portal);
    add({ name, startUrl, region, source: 'legacy-profile' }, scopesOf(section));
  }
  return sessions;
}

/** Profiles by name (`default`, `dev`) with their keys as the SDK reads them. */
export async function profilesInConfig(paths: AwsPaths): Promise<Record<string, Record<string, string>>> {
  const config = await readConfig(paths);
  return Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => isProfileKey(key))
      .map(([key, section]) => [
        key,
        Object.fromEntries(Object.entries(section).filter((e): e is [string, string] => e[1] !== undefined)),
      ]),
  );
}

/** Edits the config under its lock; a file that cannot be parsed is never written. */
async function editConfig(
  paths: AwsPaths,
  edit: (document: IniDocument, label: string) => boolean,
): Promise<void> {
  const label = fileLabel(paths.configFile, paths.homeDir);
  await withFileLock(paths.configFile, async () => {
    const read = await readLosslessText(paths.configFile, paths.homeDir);
    const document = IniDocument.parse(read?.text ?? '', label);
    if (edit(document, label)) {
      const bytes = encodeText(document.toString(), read?.encoding ?? 'utf8', label);
      await writeFileAtomic(paths.configFile, bytes, { defaultMode: 0o600 });
    }
  });
}

function checkSession(session: SessionConfig): void {
  checkIdentifier('session-name', session.name);
  checkIdentifier('start-url', session.startUrl);
  checkIdentifier('region', session.region);
}

/**
 * Ensures `[sso-session NAME]` with sso_start_url, sso_region and sso_registration_scopes (sso:account:access unless
 * the session has its own). An existing one for the same start URL and region is left as it is; one for another
 * is never changed.
 */
export async function writeSsoSession(paths: AwsPaths, session: SessionConfig): Promise<void> {
  checkSession(session);
  await editConfig(paths, (document, label) => sessionEdit(document, label, session));
}

function sessionEdit(document: IniDocument, label: string, session: SessionConfig): boolean {
  const name = `sso-session ${session.name}`;
  const existing = document.getSection(name);
  if (existing?.sso_start_url === session.startUrl && existing.sso_region === session.region) return false;
  if (existing)
    throw new SsoTrayError(
      'invalid-input',
      `The sso-session "${session.name}" in ${label} already points to ${existing.sso_start_url ?? 'no start URL'} in ${existing.sso_region ?? 'no region'}; choose another session name or change it there.`,
    );
  const scopes = session.registrationScopes?.length
    ? session.registrationScopes.join(',')
    : 'sso:account:access';
  document.setSection(name, [
    ['sso_start_url', session.startUrl],
    ['sso_region', session.region],
    ['sso_registration_scopes', scopes],
  ]);
  return true;
}

/**
 * Removes `[sso-session NAME]` when it is exactly the one SSO Tray wrote for this session and no profile uses it;
 * otherwise it stays (someone relies on it). Returns whether it was removed.
 */
export async function removeSsoSession(paths: AwsPaths, session: SessionConfig): Promise<boolean> {
  let removed = false;
  await editConfig(paths, (document) => {
    const name = `sso-session ${session.name}`;
    const existing = document.getSection(name);
    if (existing?.sso_start_url !== session.startUrl || existing.sso_region !== session.region) return false;
    const used = document
      .sectionNames()
      .some((section) => section !== name && document.getSection(section)?.sso_session === session.name);
    if (used) return false;
    document.removeSection(name);
    removed = true;
    return true;
  });
  return removed;
}

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
  // One read, one write: a refused profile leaves no [sso-session] behind (issue 9, item 8).
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
      `The profile "${profile}" in ${label} already exists with other settings; choose another profile name or allow overwriting it.`,
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
