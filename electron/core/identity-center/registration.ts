// The OIDC client registration: reused from the cache until 15 minutes before it expires, as the AWS CLI does.
import type { RegisterClientCommandInput } from '@aws-sdk/client-sso-oidc';
import type { SsoCache } from '../aws-files/token-cache.js';
import type { ClientRegistration, SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { oidcClient, oidcSdk, type ServiceDeps } from './clients.js';
import { sentences, toUserError } from './service-errors.js';
import { TOTAL_WAIT_MS, withinDeadline } from './call-deadline.js';
import { SsoTrayError } from '../errors.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const REGISTRATION_EXPIRY_WINDOW_MS = 15 * 60_000;
/** Registered without a port; the port is added in /authorize and CreateToken (docs/aws-files-and-protocols.md, "Sign-in"). */
const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';

export type RegistrationFlow = 'browser' | 'device-code';

function grantTypesFor(flow: RegistrationFlow): string[] {
  return flow === 'browser' ? ['authorization_code', 'refresh_token'] : [DEVICE_CODE_GRANT, 'refresh_token'];
}

/** The configured sso_registration_scopes, else the one scope every portal call needs. */
export function scopesFor(session: SessionConfig): string[] {
  return session.registrationScopes?.length ? session.registrationScopes : ['sso:account:access'];
}

/** Reusable for this flow: not expiring within the window, with the flow's grants and the session's scopes. */
function isReusable(
  registration: ClientRegistration,
  session: SessionConfig,
  flow: RegistrationFlow,
  now: number,
): boolean {
  if (registration.expiresAt.getTime() - now <= REGISTRATION_EXPIRY_WINDOW_MS) return false;
  const grants = registration.grantTypes ?? [];
  if (!grantTypesFor(flow).every((grant) => grants.includes(grant))) return false;
  const scopes = registration.scopes ?? [];
  return scopesFor(session).every((scope) => scopes.includes(scope));
}

function registerClientInput(session: SessionConfig, flow: RegistrationFlow): RegisterClientCommandInput {
  const base = {
    clientName: `sso-tray-${session.name}`,
    clientType: 'public',
    scopes: scopesFor(session),
    grantTypes: grantTypesFor(flow),
  };
  return flow === 'browser'
    ? { ...base, redirectUris: [REGISTERED_REDIRECT_URI], issuerUrl: session.startUrl }
    : base;
}

export interface RegistrationDeps extends ServiceDeps {
  cache: SsoCache;
}

/** A registration for this flow: the cached one when reusable, else a new one, written to the cache. */
export async function ensureRegistration(
  session: SessionConfig,
  flow: RegistrationFlow,
  deps: RegistrationDeps,
  options: { signal?: AbortSignal; forceNew?: boolean } = {},
): Promise<ClientRegistration> {
  const now = deps.clock.now();
  if (!options.forceNew) {
    // A damaged registration file is replaced by a new registration rather than reported.
    const cached = await deps.cache.readRegistration(session, flow).catch(() => undefined);
    if (cached && isReusable(cached, session, flow, now)) return cached;
  }
  const input = registerClientInput(session, flow);
  let output;
  try {
    const { RegisterClientCommand } = await oidcSdk();
    const client = await oidcClient(session.region, deps);
    output = await withinDeadline(
      deps.totalWaitMs ?? TOTAL_WAIT_MS,
      options.signal,
      (signal) => client.send(new RegisterClientCommand(input), { abortSignal: signal }),
      (cause) =>
        new SsoTrayError('service', sentences.timedOut(session, 'register SSO Tray for sign-in'), { cause }),
    );
  } catch (error) {
    throw toUserError(error, {
      session,
      action: 'register SSO Tray for sign-in',
      startUrlInRequest: input.issuerUrl !== undefined,
    });
  }
  if (!output.clientId || !output.clientSecret || output.clientSecretExpiresAt === undefined)
    throw toUserError(new Error('incomplete RegisterClient answer'), {
      session,
      action: 'register SSO Tray',
    });
  const registration: ClientRegistration = {
    clientId: output.clientId,
    clientSecret: output.clientSecret,
    // Epoch seconds on the wire (docs/aws-files-and-protocols.md, "Sign-in").
    expiresAt: new Date(output.clientSecretExpiresAt * 1000),
    scopes: input.scopes ?? [],
    grantTypes: input.grantTypes ?? [],
  };
  await deps.cache.writeRegistration(session, registration, flow);
  return registration;
}

/** The token as the CLI caches it (docs/aws-files-and-protocols.md, "Token cache"), so the AWS CLI and SDKs can refresh it too. */
export function issuedToken(
  session: SessionConfig,
  registration: Pick<ClientRegistration, 'clientId' | 'clientSecret' | 'expiresAt'>,
  answer: { accessToken?: string; expiresIn?: number; refreshToken?: string },
  now: number,
  previousRefreshToken?: string,
): SsoToken {
  if (!answer.accessToken || answer.expiresIn === undefined) throw new Error('incomplete CreateToken answer');
  const token: SsoToken = {
    startUrl: session.startUrl,
    region: session.region,
    accessToken: answer.accessToken,
    expiresAt: new Date(now + answer.expiresIn * 1000),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
  };
  const refreshToken = answer.refreshToken ?? previousRefreshToken;
  if (refreshToken) token.refreshToken = refreshToken;
  return token;
}
