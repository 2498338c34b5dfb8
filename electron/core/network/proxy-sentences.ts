// The sentences for a request that failed on its way: at the proxy (unreachable, or asking for credentials), or at a
// certificate this machine does not trust. Each names the variable to fix; none shows the proxy's password.
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import { printable } from '../../../shared/printable-text.js';
import { shownProxy, type ProxyChoice } from './proxy-variables.js';

/** What a request was sent through, as an error remembers it (request-route.ts). */
export interface RouteTaken {
  /** The host the request was for. */
  host: string;
  proxy?: ProxyChoice;
  route?: NetworkRoute;
}

/** TLS verification failures that mean "no trusted root issued this": https://nodejs.org/api/tls.html#x509-certificate-error-codes */
const UNTRUSTED_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
]);

// What a failed connection to the proxy itself reports (a reset can be the far end's, so it is not among them).
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function codeOf(error: unknown): string | undefined {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    cause?: unknown;
  };
  if (typeof shape.code === 'string') return shape.code;
  return shape.cause === undefined || shape.cause === error ? undefined : codeOf(shape.cause);
}

/** The proxy's refusal of a tunnel (request-agents.ts ProxyRefusal), else the HTTP status the SDK saw. */
function statusOf(error: unknown): number | undefined {
  const shape = error as { proxyStatus?: number; $metadata?: { httpStatusCode?: number } } | undefined;
  return shape?.proxyStatus ?? shape?.$metadata?.httpStatusCode;
}

/**
 * The sentence for a failure on the way to `service` (a subject such as "Identity Center for acme"), or undefined
 * when the failure is not the proxy's or the certificate's.
 */
export function routeSentence(
  error: unknown,
  service: string,
  taken: RouteTaken,
  status = statusOf(error),
): string | undefined {
  const code = codeOf(error);
  const { proxy } = taken;
  if (proxy && status === 407) {
    const where = shownProxy(proxy.url);
    return proxy.url.username
      ? `The proxy in ${proxy.variable} (${where}) refused the user name and password in it (HTTP 407) on the way to ${service}; correct them in ${proxy.credentialsIn}.`
      : `The proxy in ${proxy.variable} (${where}) asks for a user name and password (HTTP 407) on the way to ${service}; put them in ${proxy.credentialsIn} as ${proxy.url.protocol}//USER:PASSWORD@${proxy.url.host}.`;
  }
  if (proxy && code === 'ERR_PROXY_REFUSED')
    return `The proxy in ${proxy.variable} (${shownProxy(proxy.url)}) refused to connect to ${taken.host} (HTTP ${status}) on the way to ${service}; ask your network's administrators to let that host through, or add it to NO_PROXY if it can be reached directly.`;
  if (code && UNTRUSTED_CODES.has(code)) {
    const bundle = taken.route?.caBundle;
    return bundle === undefined
      ? `${service} presented a certificate this machine does not trust (${code}); if your network inspects TLS, set AWS_CA_BUNDLE to a PEM file of its root certificate.`
      : `${service} presented a certificate that neither this machine nor AWS_CA_BUNDLE (${printable(bundle)}) trusts (${code}); put your network's root certificate in that file.`;
  }
  if (proxy && code && CONNECT_CODES.has(code))
    return `${service} could not be reached through the proxy in ${proxy.variable} (${shownProxy(proxy.url)}, ${code}); check that proxy, or add ${taken.host} to NO_PROXY if it can be reached directly.`;
  return undefined;
}
