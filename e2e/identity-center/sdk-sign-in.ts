// Sign-in through the real AWS SDK clients against a running emulator: what tests and benchmarks start from.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SSOClient, type SSOClientConfig } from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  type CreateTokenCommandOutput,
  RegisterClientCommand,
  type RegisterClientCommandOutput,
  SSOOIDCClient,
  type SSOOIDCClientConfig,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import type { RunningEmulator } from './model.js';

const PKCE_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';

type Target = Pick<RunningEmulator, 'url' | 'region'>;

export function oidcClient(emu: Target, config: Partial<SSOOIDCClientConfig> = {}): SSOOIDCClient {
  return new SSOOIDCClient({ region: emu.region, endpoint: emu.url, ...config });
}

export function portalClient(emu: Target, config: Partial<SSOClientConfig> = {}): SSOClient {
  return new SSOClient({ region: emu.region, endpoint: emu.url, ...config });
}

export function registerDeviceClient(
  oidc: SSOOIDCClient,
  scopes?: string[],
): Promise<RegisterClientCommandOutput> {
  return oidc.send(
    new RegisterClientCommand({
      clientName: 'sso-tray-test',
      clientType: 'public',
      ...(scopes ? { scopes } : {}),
    }),
  );
}

export function registerPkceClient(
  oidc: SSOOIDCClient,
  issuerUrl: string,
): Promise<RegisterClientCommandOutput> {
  return oidc.send(
    new RegisterClientCommand({
      clientName: 'sso-tray-test',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [PKCE_REDIRECT_URI],
      issuerUrl,
      scopes: ['sso:account:access'],
    }),
  );
}

/** A PKCE pair as the AWS CLI makes it: 64 unreserved characters, S256 challenge without padding. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url').slice(0, 64);
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The /authorize URL the AWS CLI builds (docs/aws-files-and-protocols.md, "Sign-in"), for a loopback listener on `port`. */
export function authorizeUrl(
  emu: Target,
  clientId: string,
  challenge: string,
  options: { port?: number; state?: string; scopes?: string } = {},
): { url: string; redirectUri: string; state: string } {
  const redirectUri = `http://127.0.0.1:${options.port ?? 49152}/oauth/callback`;
  const state = options.state ?? randomUUID();
  const query = [
    ['response_type', 'code'],
    ['client_id', clientId],
    ['redirect_uri', redirectUri],
    ['state', state],
    ['code_challenge_method', 'S256'],
    ['scopes', options.scopes ?? 'sso:account:access'],
    ['code_challenge', challenge],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value as string)}`)
    .join('&');
  return { url: `${emu.url}/authorize?${query}`, redirectUri, state };
}

/** A device authorization waiting for the user, and the SDK's CreateToken poll for it. */
export async function pendingDeviceAuthorization(
  emu: Pick<RunningEmulator, 'startUrl'>,
  oidc: SSOOIDCClient,
  scopes?: string[],
) {
  const reg = await registerDeviceClient(oidc, scopes);
  const clientId = reg.clientId as string;
  const clientSecret = reg.clientSecret as string;
  const device = await oidc.send(
    new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: emu.startUrl }),
  );
  const poll = () =>
    oidc.send(
      new CreateTokenCommand({
        clientId,
        clientSecret,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        deviceCode: device.deviceCode,
      }),
    );
  return { reg, clientId, clientSecret, device, userCode: device.userCode as string, poll };
}

/** A full device-code sign-in, approved through the emulator's controls. */
export async function deviceSignIn(
  emu: RunningEmulator,
  oidc: SSOOIDCClient = oidcClient(emu),
  scopes: string[] = ['sso:account:access'],
): Promise<{ token: CreateTokenCommandOutput; clientId: string; clientSecret: string }> {
  const { clientId, clientSecret, userCode, poll } = await pendingDeviceAuthorization(emu, oidc, scopes);
  await emu.approveDevice(userCode);
  return { token: await poll(), clientId, clientSecret };
}

export interface ServiceErrorFacts {
  name: string;
  status: number | undefined;
  message: string;
  error?: string;
  error_description?: string;
}

/** What an SDK call failed with, as plain facts a test can compare; throws if the call succeeded. */
export async function serviceErrorOf(call: Promise<unknown>): Promise<ServiceErrorFacts> {
  try {
    await call;
  } catch (caught) {
    const e = caught as Error & {
      $metadata?: { httpStatusCode?: number };
      error?: string;
      error_description?: string;
    };
    return {
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      message: e.message,
      ...(e.error !== undefined ? { error: e.error } : {}),
      ...(e.error_description !== undefined ? { error_description: e.error_description } : {}),
    };
  }
  throw new Error('The call succeeded, but it was expected to fail.');
}
