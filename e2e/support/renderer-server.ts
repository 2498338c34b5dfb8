// The built window (dist/renderer) served from 127.0.0.1 for the window specs, rebuilt first when renderer/ or shared/
// is newer.
import { createServer, type Server } from 'node:http';
import { readdir, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { APP_ORIGIN, appResponse } from '../../electron/app/app-scheme.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER_DIST = path.join(REPO, 'dist', 'renderer');

/** dist/renderer over 127.0.0.1, answered as the app answers sso-tray://app/ (its CSP header, nothing outside it). */
export async function serveRenderer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    void appResponse(RENDERER_DIST, `${APP_ORIGIN}${req.url ?? '/'}`, req.method).then(async (answer) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let built: Promise<void> | undefined;

/** `npm test` builds first; a spec run alone builds the window here when dist/renderer is missing or older. */
export function ensureRendererBuilt(): Promise<void> {
  built ??= (async () => {
    const index = await stat(path.join(RENDERER_DIST, 'index.html')).catch(() => undefined);
    const sources = [
      path.join(REPO, 'vite.config.ts'),
      ...(await filesUnder(path.join(REPO, 'renderer'))),
      ...(await filesUnder(path.join(REPO, 'shared'))),
    ];
    const newest = Math.max(...(await Promise.all(sources.map(async (f) => (await stat(f)).mtimeMs))));
    if (index && index.mtimeMs >= newest) return;
    console.log('Building the window (dist/renderer is missing or older than renderer/ or shared/)…');
    await viteBuild({ configFile: path.join(REPO, 'vite.config.ts'), logLevel: 'warn' });
  })();
  return built;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
