// Which proxy a request goes through, decided as the AWS CLI decides it. botocore takes the proxy for a URL's scheme
// from Python's urllib.request.getproxies() and skips it when proxy_bypass() matches NO_PROXY
// (https://github.com/boto/botocore/blob/develop/botocore/utils.py get_environ_proxies, should_bypass_proxies;
// https://github.com/python/cpython/blob/main/Lib/urllib/request.py getproxies_environment, proxy_bypass_environment);
// a proxy address without a scheme is http (botocore/httpsession.py ProxyConfiguration._fix_proxy_url).
import type { Env } from '../environment.js';
import { SsoTrayError } from '../errors.js';

/** The proxy a request goes through, and the variable that named it (as it is spelled in the environment). */
export interface ProxyChoice {
  url: URL;
  /** Where it was named: a variable as spelled (HTTPS_PROXY, https_proxy), or "the system proxy settings". */
  variable: string;
  /** The variable a user name and password for it would go in (the one that named it, else HTTPS_PROXY or HTTP_PROXY). */
  credentialsIn: string;
}

interface Setting {
  value: string;
  variable: string;
}

/**
 * The `*_proxy` variables by scheme (`http`, `https`, `no`), any case; a lower-case name wins over the others, and a
 * lower-case name set empty removes the scheme's proxy, as urllib's getproxies_environment does.
 */
function proxySettings(env: Env): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  const entries = Object.entries(env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && /_proxy$/i.test(entry[0]),
  );
  for (const [variable, value] of entries)
    if (value !== '') settings.set(variable.slice(0, -6).toLowerCase(), { value, variable });
  // Under CGI, HTTP_PROXY can be a request header (httpoxy): urllib ignores it there.
  if (env.REQUEST_METHOD !== undefined) settings.delete('http');
  for (const [variable, value] of entries) {
    if (!variable.endsWith('_proxy')) continue;
    const scheme = variable.slice(0, -6).toLowerCase();
    if (value === '') settings.delete(scheme);
    else settings.set(scheme, { value, variable });
  }
  return settings;
}

/** True when NO_PROXY names the host: `*`, the host itself, host:port, or a domain it is in (leading dot or not). */
function bypassesProxy(target: URL, noProxy: string): boolean {
  if (noProxy.trim() === '*') return true;
  const hostOnly = target.hostname.toLowerCase();
  const host = target.host.toLowerCase();
  for (const entry of noProxy.split(',')) {
    const name = entry.trim().replace(/^\.+/, '').toLowerCase();
    if (name === '') continue;
    if (hostOnly === name || host === name) return true;
    if (hostOnly.endsWith(`.${name}`) || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** True when a variable decides `target`'s way: its scheme's proxy variable is set, or NO_PROXY names it. */
export function variablesDecide(target: URL, env: Env): boolean {
  const settings = proxySettings(env);
  const noProxy = settings.get('no');
  return (
    settings.has(target.protocol.replace(/:$/, '')) ||
    (noProxy !== undefined && bypassesProxy(target, noProxy.value))
  );
}

/** The proxy for a request to `target` (HTTPS_PROXY for https, HTTP_PROXY for http), or undefined to go direct. */
export function proxyFor(target: URL, env: Env): ProxyChoice | undefined {
  const settings = proxySettings(env);
  const scheme = target.protocol.replace(/:$/, '');
  const setting = settings.get(scheme);
  if (!setting) return undefined;
  const noProxy = settings.get('no');
  if (noProxy && bypassesProxy(target, noProxy.value)) return undefined;
  return { url: proxyUrl(setting), variable: setting.variable, credentialsIn: setting.variable };
}

function proxyUrl({ value, variable }: Setting): URL {
  const written = /^https?:/i.test(value)
    ? value
    : value.startsWith('//')
      ? `http:${value}`
      : `http://${value}`;
  const url = URL.canParse(written) ? new URL(written) : undefined;
  // The value is never echoed: it may hold the proxy's password.
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
    throw new SsoTrayError(
      'invalid-input',
      `${variable} does not hold a proxy address such as http://proxy.example.com:8080; fix or unset it.`,
    );
  return url;
}

/** The proxy as a sentence may name it: scheme, host and port, never its user name or password. */
export function shownProxy(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
