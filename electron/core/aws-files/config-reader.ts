// ~/.aws/config read as the SDK reads it: the sign-ins already configured there, and its profiles.
import type { AwsPaths, SessionConfig } from '../shapes/aws-shapes.js';
import { fileLabel } from './file-label.js';
import { IniDocument } from './ini-document.js';
import { readTextFile } from './read-text-file.js';

type Sections = Record<string, Record<string, string | undefined>>;

/** The config as the SDK reads it (keys `default`, `dev`, `sso-session.acme`), after checking every line parses. */
async function readConfig(paths: AwsPaths): Promise<Sections> {
  const text = await readTextFile(paths.configFile, paths.homeDir);
  if (text === undefined) return {};
  IniDocument.parse(text, fileLabel(paths.configFile, paths.homeDir));
  // Loaded when there is a file to read: credential_process's warm answer often needs none.
  const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
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
