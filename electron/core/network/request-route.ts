// Builds an SDK client whose requests are routed (request-agents.ts) and makes each error it throws remember the way it took, so
// service-errors.ts can say it failed at the proxy or at a certificate rather than at Identity Center.
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import type { RouteTaken } from './proxy-sentences.js';
import { agentsFor, type RequestAgents } from './request-agents.js';

const routes = new WeakMap<object, RouteTaken>();

/** The way the request that threw `error` took; undefined for an error from elsewhere. */
export function routeTakenBy(error: unknown): RouteTaken | undefined {
  return typeof error === 'object' && error !== null ? routes.get(error) : undefined;
}

/** Remembers how the request that threw `error` was sent. */
export function rememberRoute(error: unknown, taken: RouteTaken): void {
  if (typeof error === 'object' && error !== null) routes.set(error, taken);
}

/** The members of an SDK v3 client used here (SSOClient and SSOOIDCClient both have them). */
interface SdkClient {
  destroy(): void;
  middlewareStack: {
    add(
      middleware: (next: (args: never) => Promise<unknown>) => (args: never) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/** The agents a client's request handler is built with (NodeHttpHandlerOptions' httpAgent and httpsAgent). */
export type HandlerAgents = Pick<RequestAgents, 'httpAgent' | 'httpsAgent'>;

/**
 * A client whose requests to its endpoint go through the route's proxy and trust, and whose errors remember the way
 * they took. The endpoint is the SDK's to resolve, so a first client tells it; one with agents is built only when
 * needed. The agents are given at construction: NodeHttpHandler's updateHttpClientConfig leaves its lazily loaded
 * node:http unset for a given httpAgent (@smithy/node-http-handler 4, node-http-handler.ts handle()).
 */
export async function routedClient<C extends SdkClient>(
  build: (agents: HandlerAgents) => C,
  targetOf: (client: C) => URL,
  route: NetworkRoute | undefined,
): Promise<C> {
  const direct = build({});
  const target = targetOf(direct);
  const { proxy, ...agents } = await agentsFor(target, route);
  let client = direct;
  if (agents.httpAgent || agents.httpsAgent) {
    direct.destroy();
    client = build(agents);
  }
  const taken: RouteTaken = {
    host: target.hostname,
    ...(proxy ? { proxy } : {}),
    ...(route ? { route } : {}),
  };
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        rememberRoute(error, taken);
        throw error;
      }
    },
    { step: 'initialize', name: 'ssoTrayRouteTaken' },
  );
  return client;
}
