// Builds an SDK client whose requests are routed (request-agents.ts) and makes each error it throws remember the way it took, so
// service-errors.ts can say it failed at the proxy or at a certificate rather than at Identity Center.
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import type { RouteTaken } from './proxy-sentences.js';
import { agentsFor, type RequestAgents } from './request-agents.js';
import type { ProxyChoice } from './proxy-variables.js';

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
 * A client whose requests to `target` go through `proxy` (system-proxy.ts chose it) with the route's trust, and whose
 * errors remember the way they took. The agents are given at construction: NodeHttpHandler's updateHttpClientConfig
 * leaves its lazily loaded node:http unset for a given httpAgent (@smithy/node-http-handler 4, handle()).
 */
export async function routedClient<C extends SdkClient>(
  build: (agents: HandlerAgents) => C,
  target: URL,
  route: NetworkRoute | undefined,
  proxy: ProxyChoice | undefined,
  spare?: C,
): Promise<C> {
  const { proxy: _, ...agents } = await agentsFor(target, route, { proxy });
  const needsAgents = agents.httpAgent !== undefined || agents.httpsAgent !== undefined;
  // A client built without agents already (to learn its target) serves when none are needed.
  if (needsAgents) spare?.destroy();
  const client = needsAgents || !spare ? build(agents) : spare;
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
