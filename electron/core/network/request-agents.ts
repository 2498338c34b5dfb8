// The agents a request is sent with: through the proxy the environment or the system names for its URL (system-proxy.ts), and
// with the extra roots of trusted-roots.ts. The proxy agents load only when a proxy applies to the URL.
import type { Agent as HttpAgent, ClientRequest } from 'node:http';
import type { HttpsProxyAgent as Tunnel } from 'https-proxy-agent';
import type { Agent as HttpsAgent } from 'node:https';
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import type { ProxyChoice } from './proxy-variables.js';
import { chooseProxy } from './system-proxy.js';
import { trustContext } from './trusted-roots.js';

export interface RequestAgents {
  httpAgent?: HttpAgent;
  httpsAgent?: HttpsAgent;
  /** The proxy the requests go through, for the sentences of proxy-sentences.ts. */
  proxy?: ProxyChoice;
}

// The SDK's own agents keep connections alive, at most 50 a host (@smithy/node-http-handler NodeHttpHandler).
const POOL = { keepAlive: true, maxSockets: 50 };

/** A proxy's answer other than 200 to CONNECT (407: it wants credentials; 403: it does not let this host through). */
class ProxyRefusal extends Error {
  readonly code = 'ERR_PROXY_REFUSED';

  constructor(readonly proxyStatus: number) {
    super(`The proxy answered CONNECT with HTTP ${proxyStatus}.`);
  }
}

/** Agents for requests to `target`'s origin (through `chosen` when the caller chose already); none when it goes direct with Node's own roots. */
export async function agentsFor(
  target: URL,
  route: NetworkRoute | undefined,
  chosen?: { proxy: ProxyChoice | undefined },
): Promise<RequestAgents> {
  if (!route) return {};
  const proxy = chosen ? chosen.proxy : await chooseProxy(target, route);
  const secureContext = await trustContext(route);
  const trust = secureContext ? { secureContext } : {};
  if (proxy && target.protocol === 'https:') {
    // A CONNECT tunnel (https://github.com/TooTallNate/proxy-agents/tree/main/packages/https-proxy-agent); its own
    // options reach only the TLS to an https:// proxy, so the tunnelled TLS is handed the roots here.
    const { HttpsProxyAgent } = await import('https-proxy-agent');
    class TrustingTunnel extends HttpsProxyAgent<string> {
      override async connect(request: ClientRequest, options: Parameters<Tunnel<string>['connect']>[1]) {
        // The proxy's own answer to CONNECT: any but 200 is the proxy's refusal, never the service's answer.
        let status = 200;
        request.once('proxyConnect', (answer: { statusCode: number }) => (status = answer.statusCode));
        const socket = await super.connect(request, { ...options, ...trust, ...ipIdentity(options.host) });
        if (status !== 200) {
          socket.destroy();
          throw new ProxyRefusal(status);
        }
        return socket;
      }
    }
    const { address, headers } = withoutCredentials(proxy.url);
    return { httpsAgent: new TrustingTunnel(address, { ...POOL, ...trust, headers }), proxy };
  }
  if (proxy) {
    // Plain http goes to the proxy in absolute form, as botocore sends it (urllib3's ProxyManager).
    const { HttpProxyAgent } = await import('http-proxy-agent');
    const { address, headers } = withoutCredentials(proxy.url);
    return { httpAgent: new HttpProxyAgent(address, { ...POOL, ...trust, headers }), proxy };
  }
  if (secureContext && target.protocol === 'https:') {
    const https = process.getBuiltinModule('node:https');
    return { httpsAgent: new https.Agent({ ...POOL, secureContext }) };
  }
  return {};
}

/**
 * The tunnel's TLS is started without `host` and, for an IP address, without a servername, so Node would check the
 * certificate against "localhost" (https-proxy-agent's connect(); https://nodejs.org/api/tls.html#tlsconnectoptions-callback):
 * an IP address is checked as itself.
 */
function ipIdentity(host: string | undefined) {
  const tls = process.getBuiltinModule('node:tls');
  const net = process.getBuiltinModule('node:net');
  if (!host || net.isIP(host.replace(/^\[|\]$/g, '')) === 0) return {};
  const ip = host.replace(/^\[|\]$/g, '');
  return {
    checkServerIdentity: (_name: string, certificate: Parameters<typeof tls.checkServerIdentity>[1]) =>
      tls.checkServerIdentity(ip, certificate),
  };
}

/**
 * The proxy's address without its user name and password, which go in a Proxy-Authorization header instead
 * (https://www.rfc-editor.org/rfc/rfc9110#name-proxy-authorization): the agents log the address they are given
 * when DEBUG names them (https://github.com/debug-js/debug), and the password must reach no log.
 */
function withoutCredentials(url: URL): { address: string; headers: Record<string, string> } {
  if (!url.username && !url.password) return { address: url.href, headers: {} };
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  const pair = `${decoded(url.username)}:${decoded(url.password)}`;
  return {
    address: bare.href,
    headers: { 'Proxy-Authorization': `Basic ${Buffer.from(pair).toString('base64')}` },
  };
}

/** A user name or password as written, its %-escapes undone (the URL parser adds them). */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
