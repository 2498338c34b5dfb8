// The window and the quick-pick load from sso-tray://app/, a privileged scheme of the app's own, not from file://, so
// the GrantFileProtocolExtraPrivileges fuse can be off (Electron's security checklist, "Avoid usage of the file:
// protocol": https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols).
// Only files under dist/renderer are served, and every answer carries the page's Content-Security-Policy.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';

const APP_SCHEME = 'sso-tray';
const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page's policy, also in renderer/index.html's meta tag (e2e/window-csp.spec.ts checks they agree). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The URL of the app's page; `view` picks the quick-pick's compact page. */
export function appPageUrl(view?: 'quick-pick'): string {
  return `${APP_ORIGIN}/index.html${view ? `?view=${view}` : ''}`;
}

/**
 * Must run before 'ready' (https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes):
 * standard (relative URLs and an origin of its own, so module scripts load) and secure (a secure context, like https).
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

/** After 'ready': the scheme answers from `rendererDir` (https://www.electronjs.org/docs/latest/api/protocol#protocolhandlescheme-handler). */
export function serveApp(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url, request.method));
}

/** The answer to one request: the file under `rendererDir`, or 404/403/405; nothing outside it, ever. */
export async function appResponse(rendererDir: string, url: string, method = 'GET'): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (method !== 'GET') return new Response(null, { status: 405, headers });
  const file = fileFor(rendererDir, url);
  if (!file) return new Response(null, { status: 403, headers });
  try {
    const body = await readFile(file);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Type': type } });
  } catch {
    return new Response(null, { status: 404, headers });
  }
}

/** The file a URL names, or undefined when it is not the app's host or would leave `rendererDir` (../, %2f, \). */
function fileFor(rendererDir: string, url: string): string | undefined {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined; // not a URL, or a malformed %-escape
  }
  // No file of the build has a NUL or a backslash in its name; on Windows a backslash would be a separator.
  if (/[\0\\]/.test(pathname)) return undefined;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${path.sep}${pathname === '/' ? 'index.html' : pathname}`);
  const inside = path.relative(root, file);
  if (!inside || inside.split(path.sep)[0] === '..' || path.isAbsolute(inside)) return undefined;
  return file;
}
