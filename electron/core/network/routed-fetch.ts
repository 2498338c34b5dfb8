// A fetch for the core's own plain requests (console sign-in's getSigninToken) that goes the way the SDK clients'
// requests go (request-agents.ts). Node's fetch has no agent option, and honours no proxy variable before Node 24's
// NODE_USE_ENV_PROXY (https://nodejs.org/api/http.html#built-in-proxy-support), so a routed request is sent with
// node:https and its answer handed back as a Response. Unrouted requests are the global fetch's, unchanged.
import type { Agent, IncomingMessage } from 'node:http';
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import { agentsFor } from './request-agents.js';
import { rememberRoute } from './request-route.js';

/** Answers that carry no body (the Response constructor refuses one for them). */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * fetch for GET requests over `route`: through its proxy, with its roots; the global fetch when neither applies. A
 * proxy's 407 is thrown, as the SDK clients throw it, so no caller mistakes it for the far end's answer.
 */
export function routedFetch(route: NetworkRoute | undefined): typeof fetch {
  return async (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    const agents = await agentsFor(target, route);
    const agent = target.protocol === 'https:' ? agents.httpsAgent : agents.httpAgent;
    const taken = {
      host: target.hostname,
      ...(agents.proxy ? { proxy: agents.proxy } : {}),
      ...(route ? { route } : {}),
    };
    if (!agent) return fetch(input, init);
    try {
      const answer = await get(target, agent, new Headers(init?.headers), init?.signal ?? undefined);
      if (answer.status === 407)
        throw Object.assign(new Error('The proxy asked for authentication.'), {
          $metadata: { httpStatusCode: 407 },
        });
      return answer;
    } catch (error) {
      rememberRoute(error, taken);
      throw error;
    } finally {
      agent.destroy();
    }
  };
}

async function get(
  target: URL,
  agent: Agent,
  headers: Headers,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const client =
    target.protocol === 'https:'
      ? process.getBuiltinModule('node:https')
      : process.getBuiltinModule('node:http');
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = client.get(target, {
      agent,
      headers: Object.fromEntries(headers),
      ...(signal ? { signal } : {}),
    });
    request.once('response', resolve);
    request.once('error', reject);
  });
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const status = response.statusCode ?? 502;
  return new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), {
    status,
    statusText: response.statusMessage ?? '',
  });
}
