// The proxy for a URL when no variable decides it: in the app, the operating system's settings as Chromium resolves
// them (Electron's session.resolveProxy: https://www.electronjs.org/docs/latest/api/session#sesresolveproxyurl),
// handed to the core as a function. Its answer is a PAC result: "DIRECT", "PROXY host:port", "HTTPS host:port",
// "SOCKS5 host:port", several separated by ";" in order of preference
// (https://developer.mozilla.org/en-US/docs/Web/HTTP/Proxy_servers_and_tunneling/Proxy_Auto-Configuration_PAC_file).
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import { proxyFor, variablesDecide, type ProxyChoice } from './proxy-variables.js';

const SYSTEM = 'the system proxy settings';

/** The first usable entry of a PAC result: an http(s) proxy, or undefined for DIRECT (SOCKS is not spoken: skipped). */
export function pacProxy(answer: string): URL | undefined {
  for (const entry of answer.split(';')) {
    const [kind, address] = entry.trim().split(/\s+/);
    const scheme =
      kind?.toUpperCase() === 'PROXY' ? 'http' : kind?.toUpperCase() === 'HTTPS' ? 'https' : undefined;
    if (kind?.toUpperCase() === 'DIRECT') return undefined;
    if (scheme && address && URL.canParse(`${scheme}://${address}`)) return new URL(`${scheme}://${address}`);
  }
  return undefined;
}

/** The proxy for `target`: the variables' when they decide it, else the system's (the app), else none. */
export async function chooseProxy(
  target: URL,
  route: NetworkRoute | undefined,
): Promise<ProxyChoice | undefined> {
  if (!route) return undefined;
  if (!route.systemProxy || variablesDecide(target, route.proxyEnv)) return proxyFor(target, route.proxyEnv);
  const url = pacProxy(await route.systemProxy(target.href));
  const credentialsIn = target.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  return url && { url, variable: SYSTEM, credentialsIn };
}
