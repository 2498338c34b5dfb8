// The built window (dist/renderer) served from 127.0.0.1 for the window specs, rebuilt first when renderer/ or shared/
// is newer.
import { createServer, type Server } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER_DIST = path.join(REPO, 'dist', 'renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** dist/renderer over 127.0.0.1, nothing outside it. */
export async function serveRenderer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(RENDERER_DIST, path.normalize(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(RENDERER_DIST + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
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
