// The AWS CLI v2 SSO cache format: file names, timestamps, and the one-line JSON of tokens and registrations.
import { createHash } from 'node:crypto';
import type { ClientRegistration, SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { pythonJsonDumps, type PythonJson } from './python-json.js';

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** sha1(session name).json; a legacy profile's token is filed under sha1(start URL). */
export function tokenCacheFileName(session: Pick<SessionConfig, 'name' | 'startUrl' | 'source'>): string {
  return `${sha1(session.source === 'legacy-profile' ? session.startUrl : session.name)}.json`;
}

/** How the registration will be used: an AWS CLI before 2.22 can only use device-code registrations. */
export type RegistrationUse = 'device-code' | 'browser';

/**
 * sha1 of botocore's registration key: json.dumps of these five keys, sorted, default separators. A browser (PKCE)
 * registration goes under SSO Tray's own key instead: an AWS CLI older than 2.22 reuses whatever registration sits
 * under botocore's key without checking its grants, and fails `aws sso login` with UnauthorizedClientException.
 */
export function registrationCacheFileName(
  session: Pick<SessionConfig, 'name' | 'startUrl' | 'region' | 'registrationScopes' | 'source'>,
  use: RegistrationUse = 'device-code',
): string {
  const key = {
    tool: use === 'browser' ? 'sso-tray-authorization-code' : 'botocore',
    startUrl: session.startUrl,
    region: session.region,
    scopes: session.registrationScopes ?? null,
    session_name: session.source === 'legacy-profile' ? null : session.name,
  };
  return `${sha1(pythonJsonDumps(key, { sortKeys: true }))}.json`;
}

const CACHE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** Reads `…Z` (CLI), `….sssZ` (JS SDK) and `…UTC` (old botocore); undefined for anything else. */
export function parseCacheTime(value: string): Date | undefined {
  const match = CACHE_TIME.exec(value.trim().replace(/\s*UTC$/, 'Z'));
  if (!match) return undefined;
  const [, seconds, fraction = '', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const date = new Date(`${seconds}${fraction.slice(0, 4)}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** YYYY-MM-DDTHH:MM:SSZ, as `aws sso login` writes it. */
export function formatCacheTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type CacheExtras = Record<string, unknown>;

const TOKEN_KEYS = [
  'startUrl',
  'region',
  'accessToken',
  'expiresAt',
  'clientId',
  'clientSecret',
  'registrationExpiresAt',
  'refreshToken',
];
const REGISTRATION_KEYS = ['clientId', 'clientSecret', 'expiresAt', 'scopes', 'grantTypes'];

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const texts = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
const extrasOf = (object: Record<string, unknown>, known: string[]): CacheExtras =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !known.includes(key)));

/** Keys in the CLI's order, then keys other tools added (kept, as the JS SDK keeps them on refresh). */
function encode(known: Array<[string, PythonJson | undefined]>, extras: CacheExtras = {}): string {
  const object: Record<string, PythonJson> = {};
  for (const [key, value] of known) if (value !== undefined) object[key] = value;
  for (const [key, value] of Object.entries(extras)) if (!(key in object)) object[key] = value as PythonJson;
  return pythonJsonDumps(object);
}

export function encodeSsoToken(token: SsoToken, extras?: CacheExtras): string {
  return encode(
    [
      ['startUrl', token.startUrl],
      ['region', token.region],
      ['accessToken', token.accessToken],
      ['expiresAt', formatCacheTime(token.expiresAt)],
      ['clientId', token.clientId],
      ['clientSecret', token.clientSecret],
      ['registrationExpiresAt', token.registrationExpiresAt && formatCacheTime(token.registrationExpiresAt)],
      ['refreshToken', token.refreshToken],
    ],
    extras,
  );
}

/** A token file of the CLI, the JS SDK or SSO Tray; undefined when it is not one (no accessToken or expiresAt). */
export function decodeSsoToken(json: string): { token: SsoToken; extras: CacheExtras } | undefined {
  const object = parseObject(json);
  const accessToken = text(object?.accessToken);
  const expiresAt = parseCacheTime(text(object?.expiresAt) ?? '');
  if (!object || !accessToken || !expiresAt) return undefined;
  const registrationExpiresAt = parseCacheTime(text(object.registrationExpiresAt) ?? '');
  const token: SsoToken = {
    startUrl: text(object.startUrl) ?? '',
    region: text(object.region) ?? '',
    accessToken,
    expiresAt,
  };
  const clientId = text(object.clientId);
  const clientSecret = text(object.clientSecret);
  const refreshToken = text(object.refreshToken);
  if (clientId) token.clientId = clientId;
  if (clientSecret) token.clientSecret = clientSecret;
  if (registrationExpiresAt) token.registrationExpiresAt = registrationExpiresAt;
  if (refreshToken) token.refreshToken = refreshToken;
  return { token, extras: extrasOf(object, TOKEN_KEYS) };
}

export function encodeClientRegistration(registration: ClientRegistration, extras?: CacheExtras): string {
  return encode(
    [
      ['clientId', registration.clientId],
      ['clientSecret', registration.clientSecret],
      ['expiresAt', formatCacheTime(registration.expiresAt)],
      ['scopes', registration.scopes],
      ['grantTypes', registration.grantTypes],
    ],
    extras,
  );
}

export function decodeClientRegistration(
  json: string,
): { registration: ClientRegistration; extras: CacheExtras } | undefined {
  const object = parseObject(json);
  const clientId = text(object?.clientId);
  const clientSecret = text(object?.clientSecret);
  const expiresAt = parseCacheTime(text(object?.expiresAt) ?? '');
  if (!object || !clientId || !clientSecret || !expiresAt) return undefined;
  const registration: ClientRegistration = { clientId, clientSecret, expiresAt };
  const scopes = texts(object.scopes);
  const grantTypes = texts(object.grantTypes);
  if (scopes) registration.scopes = scopes;
  if (grantTypes) registration.grantTypes = grantTypes;
  return { registration, extras: extrasOf(object, REGISTRATION_KEYS) };
}
