// Where SSO Tray may send a request or point a browser. Every endpoint override (AWS_ENDPOINT_URL and its
// per-service variants, an endpoint in options or settings, an update server) goes through checkEndpointUrl before
// anything is sent, and every address handed to a browser through isOpenableUrl: https, or plain http to this
// machine only (the emulator), since a token or a role's secret key over http to another host is readable on the way.
import { SsoTrayError } from './errors.js';
import { printable } from '../../shared/printable-text.js';
import type { EndpointKind, Endpoints } from './shapes/aws-shapes.js';

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach (the WHATWG URL parser normalises the forms). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The address as a sentence may show it: scheme, host and port (never a user name, password or query). */
function shownAddress(value: string): string {
  if (!URL.canParse(value)) return `"${printable(value.length > 60 ? `${value.slice(0, 60)}…` : value)}"`;
  const url = new URL(value);
  return url.host ? `${url.protocol}//${url.host}` : url.protocol;
}

/**
 * Returns the parsed endpoint, or throws SsoTrayError('invalid-input') with one sentence naming `name` (the
 * environment variable or option that set it): an https URL, or http only to 127.0.0.0/8, ::1 or localhost; no user
 * name or password in it. Call it before the first request to the endpoint.
 */
export function checkEndpointUrl(value: string, name: string): URL {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const refuse = (why: string) =>
    new SsoTrayError('invalid-input', `${name} is ${shownAddress(value)}, ${why}; fix or unset it.`);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname)
    throw refuse('not an https:// address');
  if (url.username || url.password)
    throw refuse('an address with a user name or password in it, which would be sent in clear');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    throw refuse(
      'plain http to another machine, which would send tokens and credentials unencrypted; use https:// (http:// is only for 127.0.0.1, ::1 or localhost)',
    );
  return url;
}

/** What a browser may be pointed at: https on the service's own domains, or exactly a configured endpoint's origin. */
export interface OpenableAddresses {
  /** Domains whose hosts (the domain itself or any subdomain) are the service's own, such as `amazonaws.com`. */
  domains: readonly string[];
  /** Exact hosts besides them (a start URL's host). */
  hosts?: readonly string[];
  /** Configured endpoints (already checked with checkEndpointUrl): their exact origin is allowed too. */
  endpoints?: ReadonlyArray<string | undefined>;
}

/** Whether `href` may be handed to the system browser (shell.openExternal, the CLI's opener). */
export function isOpenableUrl(href: string, allowed: OpenableAddresses): boolean {
  if (!URL.canParse(href)) return false;
  const url = new URL(href);
  if (url.username || url.password) return false;
  for (const endpoint of allowed.endpoints ?? []) {
    if (endpoint === undefined || !URL.canParse(endpoint)) continue;
    const origin = new URL(endpoint);
    if (origin.protocol === 'http:' && !isLoopbackHost(origin.hostname)) continue;
    if (url.origin === origin.origin) return true;
  }
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname;
  return (
    (allowed.hosts ?? []).includes(host) ||
    allowed.domains.some((domain) => host === domain || host.endsWith(`.${domain}`))
  );
}

/** The last gate before any opener: a web address (https, or http to this machine), never a file, a command or an option. */
export function isWebAddress(href: string): boolean {
  if (!URL.canParse(href)) return false;
  const url = new URL(href);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** The configured endpoint of `kind`, checked (checkEndpointUrl, naming what set it); undefined for AWS's own. */
export function configuredEndpoint(endpoints: Endpoints | undefined, kind: EndpointKind): string | undefined {
  const value = endpoints?.[kind];
  if (value === undefined) return undefined;
  checkEndpointUrl(value, endpoints?.sources?.[kind] ?? `The ${ENDPOINT_NAMES[kind]} endpoint`);
  return value;
}

const ENDPOINT_NAMES: Record<EndpointKind, string> = {
  oidc: 'SSO OIDC',
  portal: 'SSO portal',
  signin: 'sign-in',
};
