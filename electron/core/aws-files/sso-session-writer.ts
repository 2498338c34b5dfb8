// The `[sso-session NAME]` sections of ~/.aws/config: added for a session SSO Tray sets up, removed when it goes.
import { SsoTrayError } from '../errors.js';
import { checkIdentifier } from '../identifiers.js';
import type { AwsPaths, SessionConfig } from '../shapes/aws-shapes.js';
import { editConfig } from './config-edit.js';
import type { IniDocument } from './ini-document.js';

export function checkSession(session: SessionConfig): void {
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

/** The edit writeSsoSession makes, for a caller editing the config already; returns whether it changed it. */
export function sessionEdit(document: IniDocument, label: string, session: SessionConfig): boolean {
  const name = `sso-session ${session.name}`;
  const existing = document.getSection(name);
  if (existing?.sso_start_url === session.startUrl && existing.sso_region === session.region) return false;
  if (existing)
    throw new SsoTrayError(
      'invalid-input',
      `The sso-session "${session.name}" in ${label} already points to ${existing.sso_start_url ?? 'no start URL'} in ${existing.sso_region ?? 'no region'}`,
      { next: { do: 'choose-session-name', orChangeItThere: true } },
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
