// The two AWS SDK clients Identity Center needs, built so they never look for AWS credentials or config files.
// Types only: the SDK loads on the first real call, so commands answered from caches never load it.
import type * as Sso from '@aws-sdk/client-sso';
import type { SSOClient, SSOClientConfig } from '@aws-sdk/client-sso';
import type * as SsoOidc from '@aws-sdk/client-sso-oidc';
import type { SSOOIDCClient, SSOOIDCClientConfig } from '@aws-sdk/client-sso-oidc';
import type { Clock } from '../clock.js';
import type { Endpoints } from '../shapes/aws-shapes.js';
import { configuredEndpoint } from '../endpoint-url.js';
import { routedClient, type HandlerAgents } from '../network/request-route.js';
import { chooseProxy } from '../network/system-proxy.js';
import type { ProxyChoice } from '../network/proxy-variables.js';
import { ListingRetryStrategy } from './listing-retry.js';

export interface ServiceDeps {
  endpoints: Endpoints;
  clock: Clock;
  /** Attempts per call, first one included; standard retry spends them on 429s, 5xx, drops and timeouts. */
  maxAttempts?: number;
  /** How long one attempt may take, answer included (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** How long a portal call waits without any answer, its retries included (default call-deadline.ts TOTAL_WAIT_MS). */
  totalWaitMs?: number;
}

/** 5 leaves room for a bursty day, yet a dead network is reported within about a second. */
const DEFAULT_MAX_ATTEMPTS = 5;
/** Identity Center answers in well under a second; an attempt still unanswered after this is retried, then reported. */
const REQUEST_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 3_000;

// Every operation we call is `smithy.api#noAuth`: choosing only that scheme means no credentials are ever resolved.
const noAuthOnly = { httpAuthSchemeProvider: () => [{ schemeId: 'smithy.api#noAuth' }] };

// The OIDC client would otherwise build the Node credential chain (env, ~/.aws, IMDS) it never needs.
const noCredentialChain = () => async () => {
  throw new Error('SSO Tray calls only unsigned Identity Center operations.');
};

function baseConfig(region: string, endpoint: string | undefined, deps: ServiceDeps, agents: HandlerAgents) {
  const config: SSOClientConfig & SSOOIDCClientConfig = {
    region,
    ...(endpoint ? { endpoint } : {}),
    // Standard, not adaptive: adaptive's client-side rate limiter slowed a whole listing ~150x after random 429s;
    // the listing's own pacer (listing-pacer.ts) holds a limit, setting its rate once per congestion event.
    retryMode: 'standard',
    maxAttempts: deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    // Without these a server that never answers leaves the call waiting forever (NodeHttpHandlerOptions).
    requestHandler: {
      connectionTimeout: Math.min(CONNECT_TIMEOUT_MS, deps.requestTimeoutMs ?? CONNECT_TIMEOUT_MS),
      requestTimeout: deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      // Through a proxy, or trusting more roots (core/network/): only when the route asks for it.
      ...agents,
    },
    // Explicit values, so the SDK reads neither ~/.aws/config nor AWS_* variables: the core injects all of it.
    ignoreConfiguredEndpointUrls: true,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    defaultsMode: 'standard',
    authSchemePreference: [],
    userAgentAppId: 'sso-tray',
    ...noAuthOnly,
  };
  return config;
}

let ssoModule: Promise<typeof Sso> | undefined;
let oidcModule: Promise<typeof SsoOidc> | undefined;
/** The SSO portal's SDK module (commands, client), loaded once on first use. */
export const ssoSdk = (): Promise<typeof Sso> => (ssoModule ??= import('@aws-sdk/client-sso'));
/** The SSO OIDC SDK module, loaded once on first use. */
export const oidcSdk = (): Promise<typeof SsoOidc> => (oidcModule ??= import('@aws-sdk/client-sso-oidc'));

const oidcClients = new Map<string, Promise<SSOOIDCClient>>();
const portalClients = new Map<string, Promise<SSOClient>>();

function cacheKey(
  region: string,
  endpoint: string | undefined,
  deps: ServiceDeps,
  proxy: ProxyChoice | undefined,
  purpose = '',
): string {
  return JSON.stringify([
    region,
    endpoint ?? '',
    deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    purpose,
    // A client's agents follow the proxy variables and trusted roots it was built with, and the proxy chosen now:
    // the system's can change while the app runs (another network), and a new client follows it.
    deps.endpoints.network ?? null,
    proxy?.url.href ?? null,
  ]);
}

/** The address the SDK sends a client's requests to: the endpoint override, else the region's own. */
function targetOf(client: SSOClient | SSOOIDCClient, region: string, endpoint: string | undefined): URL {
  const resolved = client.config.endpointProvider({
    Region: region,
    UseFIPS: false,
    UseDualStack: false,
    ...(endpoint ? { Endpoint: endpoint } : {}),
  });
  return new URL(resolved.url.href);
}

const targets = new Map<string, URL>();

/**
 * Where a client of this kind, region and endpoint sends its requests: the SDK resolves it, once, on a first client,
 * which is handed back (`spare`) to serve when it needs no agents.
 */
function knownTarget<C extends SSOClient | SSOOIDCClient>(
  kind: string,
  region: string,
  endpoint: string | undefined,
  build: (agents: HandlerAgents) => C,
): { target: URL; spare?: C } {
  const key = JSON.stringify([kind, region, endpoint ?? '']);
  const target = targets.get(key);
  if (target) return { target };
  const spare = build({});
  const resolved = targetOf(spare, region, endpoint);
  targets.set(key, resolved);
  return { target: resolved, spare };
}

/** The client cached under `key`, built (and routed: request-route.ts) once; a build that failed is tried again. */
function cached<C extends SSOClient | SSOOIDCClient>(
  clients: Map<string, Promise<C>>,
  key: string,
  build: () => Promise<C>,
): Promise<C> {
  let client = clients.get(key);
  if (!client) {
    client = build();
    clients.set(key, client);
    client.catch(() => clients.delete(key));
  }
  return client;
}

/** SSO OIDC (sign-in, token refresh); one per region and endpoint, so the retry quota is shared. */
export async function oidcClient(region: string, deps: ServiceDeps): Promise<SSOOIDCClient> {
  // Checked before anything is sent: plain http only to this machine (endpoint-url.ts).
  const endpoint = configuredEndpoint(deps.endpoints, 'oidc');
  const { SSOOIDCClient } = await oidcSdk();
  const build = (agents: HandlerAgents) =>
    new SSOOIDCClient({
      ...baseConfig(region, endpoint, deps, agents),
      credentialDefaultProvider: noCredentialChain,
    });
  const { target, spare } = knownTarget('oidc', region, endpoint, build);
  const proxy = await chooseProxy(target, deps.endpoints.network);
  return cached(oidcClients, cacheKey(region, endpoint, deps, proxy), () =>
    routedClient(build, target, deps.endpoints.network, proxy, spare),
  );
}

/**
 * The SSO portal (accounts, roles, role credentials, logout); one per region and endpoint. A listing's calls get
 * their own client, whose retries wait briefly (listing-retry.ts): its pacer holds a real limit.
 */
export async function portalClient(
  region: string,
  deps: ServiceDeps,
  purpose: 'call' | 'listing' = 'call',
): Promise<SSOClient> {
  const endpoint = configuredEndpoint(deps.endpoints, 'portal');
  const { SSOClient } = await ssoSdk();
  const build = (agents: HandlerAgents) => {
    const config = baseConfig(region, endpoint, deps, agents);
    return new SSOClient(
      purpose === 'listing'
        ? { ...config, retryStrategy: new ListingRetryStrategy(deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) }
        : config,
    );
  };
  const { target, spare } = knownTarget(`portal-${purpose}`, region, endpoint, build);
  const proxy = await chooseProxy(target, deps.endpoints.network);
  return cached(portalClients, cacheKey(region, endpoint, deps, proxy, purpose), () =>
    routedClient(build, target, deps.endpoints.network, proxy, spare),
  );
}

/** Scheme and host of the OIDC endpoint, as the AWS CLI resolves it for the /authorize URL. */
export async function oidcOrigin(region: string, deps: ServiceDeps): Promise<string> {
  const client = await oidcClient(region, deps);
  return targetOf(client, region, deps.endpoints.oidc).origin;
}
