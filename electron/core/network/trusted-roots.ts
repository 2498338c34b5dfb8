// The certificate roots TLS trusts beyond Node's defaults: AWS_CA_BUNDLE's (the AWS CLI's variable, for a network that
// inspects TLS with a root of its own), and in the app the operating system's store, as its browser trusts it.
import { readFile } from 'node:fs/promises';
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import { SsoTrayError } from '../errors.js';
import { printable } from '../../../shared/printable-text.js';

type CaKind = 'default' | 'system' | 'bundled' | 'extra';
type Tls = { rootCertificates: readonly string[]; getCACertificates?: (kind?: CaKind) => string[] };

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

const bundles = new Map<string, Promise<string[]>>();

/** True when the route trusts more than Node's defaults (then every TLS connection is given the roots explicitly). */
export function addsRoots(route: NetworkRoute | undefined): boolean {
  return route !== undefined && (route.caBundle !== undefined || route.systemRoots === true);
}

/**
 * Node's default roots (NODE_EXTRA_CA_CERTS and --use-system-ca included) plus the route's own; undefined when it adds
 * none, so Node's defaults apply unchanged. A `ca` option replaces the defaults, hence they are listed too:
 * https://nodejs.org/api/tls.html#tlscreatesecurecontextoptions
 */
export async function trustedRoots(route: NetworkRoute | undefined): Promise<string[] | undefined> {
  if (!route || !addsRoots(route)) return undefined;
  const tls = process.getBuiltinModule('node:tls') as unknown as Tls;
  // getCACertificates landed in Node 22.15 and 23.10: https://nodejs.org/api/tls.html#tlsgetcacertificatestype
  const defaults = tls.getCACertificates?.('default') ?? [...tls.rootCertificates];
  const system = route.systemRoots ? (tls.getCACertificates?.('system') ?? []) : [];
  const bundle = route.caBundle === undefined ? [] : await bundleRoots(route.caBundle);
  return [...defaults, ...system, ...bundle];
}

function bundleRoots(file: string): Promise<string[]> {
  let roots = bundles.get(file);
  if (!roots) {
    roots = readBundle(file);
    bundles.set(file, roots);
    // A file fixed after a failure is read again on the next request.
    roots.catch(() => bundles.delete(file));
  }
  return roots;
}

async function readBundle(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SsoTrayError(
      'file-unreadable',
      `AWS_CA_BUNDLE names ${printable(file)}, which could not be read (${code}); point it at a PEM file of your network's root certificates, or unset it.`,
    );
  }
  const roots = text.match(PEM_CERTIFICATE) ?? [];
  if (roots.length === 0)
    throw new SsoTrayError(
      'file-unreadable',
      `AWS_CA_BUNDLE names ${printable(file)}, which holds no PEM certificate; point it at a PEM file of your network's root certificates, or unset it.`,
    );
  return roots;
}
