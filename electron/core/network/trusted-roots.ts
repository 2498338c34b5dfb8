// The certificate roots TLS trusts beyond Node's defaults: AWS_CA_BUNDLE's (the AWS CLI's variable, for a network that
// inspects TLS with a root of its own), and in the app the operating system's store, as its browser trusts it.
import { readFile } from 'node:fs/promises';
import type { SecureContext } from 'node:tls';
import type { NetworkRoute } from '../shapes/aws-shapes.js';
import { SsoTrayError } from '../errors.js';
import { printable } from '../../../shared/printable-text.js';

type CaKind = 'default' | 'system' | 'bundled' | 'extra';
type Tls = Pick<typeof import('node:tls'), 'rootCertificates' | 'createSecureContext'> & {
  getCACertificates?: (kind?: CaKind) => string[];
};

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

const bundles = new Map<string, Promise<string[]>>();
const contexts = new Map<string, Promise<SecureContext>>();

/** True when the route trusts more than Node's defaults (then every TLS connection is given the roots explicitly). */
function addsRoots(route: NetworkRoute | undefined): boolean {
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
  const system = route.systemRoots ? systemRoots(tls) : [];
  const bundle = route.caBundle === undefined ? [] : await bundleRoots(route.caBundle);
  return [...defaults, ...system, ...bundle];
}

/**
 * One TLS context of the route's roots, made once and shared by every connection: parsing Node's roots and the
 * system's for each connection costs some 10-50 ms (tls.createSecureContext, measured on Node 22).
 */
export function trustContext(route: NetworkRoute | undefined): Promise<SecureContext | undefined> {
  if (!route || !addsRoots(route)) return Promise.resolve(undefined);
  const key = JSON.stringify([route.caBundle ?? null, route.systemRoots === true]);
  let context = contexts.get(key);
  if (!context) {
    context = trustedRoots(route).then((ca) =>
      (process.getBuiltinModule('node:tls') as unknown as Tls).createSecureContext({ ca }),
    );
    contexts.set(key, context);
    context.catch(() => contexts.delete(key));
  }
  return context;
}

/** The operating system's store; none where Node cannot read it (then Node's own roots and the bundle still apply). */
function systemRoots(tls: Tls): string[] {
  try {
    return tls.getCACertificates?.('system') ?? [];
  } catch {
    return [];
  }
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
