// SSO OIDC: RegisterClient, StartDeviceAuthorization and CreateToken (device code, authorization code + PKCE, refresh).
import { createHash } from 'node:crypto';
import { type Client, type IdentityStore, REFRESH_SCOPE } from './identity-store.js';
import type { CallRecord } from './model.js';
import * as random from './random-values.js';
import { oidcError, optionalString, optionalStringList, requiredString } from './wire.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const GRANT_TYPES = [DEVICE_GRANT, 'authorization_code', 'refresh_token'];
// A device-flow registration (no grantTypes sent) may poll for device codes and refresh.
const DEFAULT_GRANTS = [DEVICE_GRANT, 'refresh_token'];
// Scopes Identity Center knows: the portal's, OpenID's, and AWS application scopes such as codewhisperer:completions.
const SCOPE_PATTERN = /^(sso:account:access|openid|aws|sso-portal:\*|[a-z][a-z0-9-]*:[a-z*][a-z0-9*_-]*)$/;

export interface OidcContext {
  store: IdentityStore;
  baseUrl: string;
  autoApprove: boolean;
  /** Details for the call log; never secrets. */
  call: Partial<CallRecord>;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

function checkRedirectUri(uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw oidcError.invalidRedirect();
  }
  const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if ((url.protocol !== 'https:' && !loopbackHttp) || url.hash !== '') throw oidcError.invalidRedirect();
}

export function registerClient(ctx: OidcContext, body: Record<string, unknown>): Record<string, unknown> {
  const clientName = requiredString(body, 'clientName');
  const clientType = requiredString(body, 'clientType');
  if (clientType !== 'public')
    throw oidcError.invalidMetadata('Invalid client type, only public is supported');
  const scopes = optionalStringList(body, 'scopes') ?? [];
  if (scopes.some((scope) => !SCOPE_PATTERN.test(scope))) throw oidcError.invalidScope();
  const grantTypes = optionalStringList(body, 'grantTypes');
  if (grantTypes?.some((grant) => !GRANT_TYPES.includes(grant))) throw oidcError.unsupportedGrant();
  const redirectUris = optionalStringList(body, 'redirectUris') ?? [];
  redirectUris.forEach(checkRedirectUri);
  if (grantTypes?.includes('authorization_code') && redirectUris.length === 0)
    throw oidcError.invalidRedirect('Redirect URIs are required for the authorization_code grant');
  const issuerUrl = optionalString(body, 'issuerUrl');
  const directory = issuerUrl === undefined ? undefined : ctx.store.findDirectory(issuerUrl);
  if (issuerUrl !== undefined && !directory) throw oidcError.invalidRequest('Invalid issuer URL');

  const now = ctx.store.now();
  const client: Client = {
    clientId: random.clientId(),
    clientSecret: random.clientSecret(),
    clientName,
    issuedAt: now,
    secretExpiresAt: now + ctx.store.lifetimes.clientSecretSeconds * 1000,
    scopes,
    grantTypes,
    redirectUris,
    directory,
  };
  ctx.store.addClient(client);
  ctx.call.clientId = client.clientId;
  if (directory) ctx.call.startUrl = directory.startUrl;
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: seconds(client.issuedAt),
    clientSecretExpiresAt: seconds(client.secretExpiresAt),
    ...(grantTypes?.includes('authorization_code')
      ? { authorizationEndpoint: `${ctx.baseUrl}/authorize`, tokenEndpoint: `${ctx.baseUrl}/token` }
      : {}),
  };
}

/** The registered client behind clientId + clientSecret, or InvalidClientException. */
function authenticate(ctx: OidcContext, body: Record<string, unknown>): Client {
  const clientId = requiredString(body, 'clientId');
  const clientSecret = requiredString(body, 'clientSecret');
  ctx.call.clientId = clientId;
  const client = ctx.store.clients.get(clientId);
  if (!client || client.clientSecret !== clientSecret) throw oidcError.invalidClient();
  if (ctx.store.now() >= client.secretExpiresAt)
    throw oidcError.invalidClient('Client credentials have expired');
  return client;
}

export const allowsGrant = (client: Client, grant: string): boolean =>
  (client.grantTypes ?? DEFAULT_GRANTS).includes(grant);

export function startDeviceAuthorization(
  ctx: OidcContext,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const client = authenticate(ctx, body);
  const startUrl = requiredString(body, 'startUrl');
  ctx.call.startUrl = startUrl;
  if (!allowsGrant(client, DEVICE_GRANT))
    throw oidcError.unauthorizedClient('Client is not authorized for the device code grant');
  const directory = ctx.store.findDirectory(startUrl);
  if (!directory) throw oidcError.invalidRequest('Invalid start URL');
  const device = ctx.store.startDevice(client, directory);
  if (ctx.autoApprove) device.decision = 'approved';
  const verificationUri = `${ctx.baseUrl}/device`;
  return {
    deviceCode: device.deviceCode,
    userCode: device.userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${device.userCode}`,
    expiresIn: ctx.store.lifetimes.deviceCodeSeconds,
    interval: ctx.store.lifetimes.deviceIntervalSeconds,
  };
}

export function createToken(ctx: OidcContext, body: Record<string, unknown>): Record<string, unknown> {
  const client = authenticate(ctx, body);
  const grantType = requiredString(body, 'grantType');
  ctx.call.grantType = grantType;
  if (!GRANT_TYPES.includes(grantType)) throw oidcError.unsupportedGrant();
  if (!allowsGrant(client, grantType))
    throw oidcError.unauthorizedClient(`Client is not authorized for the ${grantType} grant`);
  const grant =
    grantType === DEVICE_GRANT
      ? redeemDeviceCode(ctx, client, body)
      : grantType === 'authorization_code'
        ? redeemAuthorizationCode(ctx, client, body)
        : ctx.store.refresh(requiredString(body, 'refreshToken'), client.clientId);
  if (!grant) throw oidcError.invalidGrant('Invalid refresh token provided');
  return {
    accessToken: grant.accessToken,
    tokenType: 'Bearer',
    expiresIn: grant.expiresIn,
    ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
  };
}

function redeemDeviceCode(ctx: OidcContext, client: Client, body: Record<string, unknown>) {
  const device = ctx.store.deviceByCode(requiredString(body, 'deviceCode'));
  if (!device || device.client.clientId !== client.clientId || device.decision === 'redeemed')
    throw oidcError.invalidGrant();
  ctx.call.startUrl = device.directory.startUrl;
  const now = ctx.store.now();
  if (now >= device.expiresAt) throw oidcError.expired();
  // Only accepted polls move the window, so a client that honours `interval` always gets through.
  if (device.lastPolledAt !== undefined && now - device.lastPolledAt < device.intervalMs)
    throw oidcError.slowDown();
  device.lastPolledAt = now;
  if (device.decision === 'denied') throw oidcError.denied();
  if (device.decision === 'pending') throw oidcError.pending();
  device.decision = 'redeemed';
  return ctx.store.startSession(device.directory, client.clientId, client.scopes);
}

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

function redeemAuthorizationCode(ctx: OidcContext, client: Client, body: Record<string, unknown>) {
  const code = requiredString(body, 'code');
  const redirectUri = requiredString(body, 'redirectUri');
  const verifier = requiredString(body, 'codeVerifier');
  const grant = ctx.store.takeCode(code);
  if (!grant || grant.client.clientId !== client.clientId) throw oidcError.invalidGrant();
  ctx.call.startUrl = grant.directory.startUrl;
  if (grant.redirectUri !== redirectUri) throw oidcError.invalidGrant();
  if (s256(verifier) !== grant.codeChallenge) throw oidcError.invalidGrant();
  const scopes = grant.scopes.filter(
    (scope) => scope !== REFRESH_SCOPE || client.scopes.includes(REFRESH_SCOPE),
  );
  return ctx.store.startSession(grant.directory, client.clientId, scopes);
}
