// protocol as Electron 45 plays it (https://electronjs.org/docs/api/protocol): privileged schemes are registered once,
// before 'ready' (Electron throws after it); handlers only after 'ready', one per scheme; a page's request for a
// URL of a handled scheme reaches the handler as a web Request and gets its Response.
import type * as Electron from 'electron';
import { app } from './electron-double-app.js';
import { onReset, record } from './electron-double-log.js';

const privileged = new Map<string, Electron.Privileges>();
const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

export const protocol = {
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
    // Electron's words (shell/browser/api/electron_api_protocol.cc).
    if (app.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme, privileges } of schemes) privileged.set(scheme, privileges ?? {});
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    record('protocol.handle', scheme);
    if (!app.isReady()) throw new Error('protocol.handle cannot be used before the app is ready');
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    record('protocol.unhandle', scheme);
    handlers.delete(scheme);
  },
} satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle'>;

/** Test-only: the privileges a scheme was registered with, if it was. */
export function schemePrivileges(scheme: string): Electron.Privileges | undefined {
  return privileged.get(scheme);
}

/** Test-only: what a page loading `url` gets; a scheme nobody handles fails as Chromium does. */
export async function requestFromPage(url: string): Promise<Response> {
  const scheme = new URL(url).protocol.slice(0, -1);
  const handler = handlers.get(scheme);
  if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`);
  return handler(new Request(url));
}

onReset(() => {
  privileged.clear();
  handlers.clear();
});
