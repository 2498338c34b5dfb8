// The window in real Chromium over the real core: the built renderer served from 127.0.0.1, and window.ssoTray made
// by the same createWindowApi the preload uses, over a Playwright binding to the handler table main registers.
import { createServer, type Server } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build as bundle } from 'esbuild';
import { build as viteBuild } from 'vite';
import { SsoTrayCore } from '../../electron/core/core.js';
import type { CoreOptions } from '../../electron/core/core-parts.js';
import { runningCliLauncher } from '../../electron/core/process-launcher.js';
import type { Channel, ChannelInput, ChannelResult } from '../../electron/ipc/contract.js';
import { EVENT_NAMES } from '../../electron/ipc/ipc-names.js';
import { createHandlers, invoke, type HandlerTable } from '../../electron/ipc/handlers.js';
import type { Settings } from '../../electron/core/views.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../identity-center/emulator.js';
import { makeSandbox, type Sandbox } from './sandbox.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER_DIST = path.join(REPO, 'dist', 'renderer');

export interface BridgeOptions {
  emulator?: EmulatorOptions;
  core?: Partial<CoreOptions>;
  /** Approve every /authorize URL the core opens, as a user clicking Approve at once would (default true). */
  approveBrowser?: boolean;
  /** Runs on the sandbox before the core starts (an ~/.aws/config to find, a settings file). */
  prepare?: (sandbox: Sandbox, emu: RunningEmulator) => Promise<void>;
  /** The session "acme" on the emulator's start URL, added (and signed in) before the window opens. */
  acme?: 'added' | 'signed-in';
  /** What this desktop offers, as main passes it (start at login: macOS and Windows only). */
  capabilities?: { startAtLogin?: boolean; quickPick?: boolean };
}

export const ACME = 'acme';

export interface WindowBridge {
  emu: RunningEmulator;
  sandbox: Sandbox;
  core: SsoTrayCore;
  handlers: HandlerTable;
  /** What the main process put on the clipboard, newest last. */
  clipboard: string[];
  /** Every URL the core (or the window, through the main process) asked the system browser to open. */
  browserOpened: string[];
  /** The settings main applied to the desktop after each save (start at login, the shortcut). */
  applied: Settings[];
  /** Everything that crossed to the page: each call's outcome and each event, as JSON (for scans for secrets). */
  pageSaw: string[];
  /** A channel through the zod-checked table, as the window calls it; throws the error sentence. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  /** Shows the window on the page (or the compact quick-pick window): the API bridged, the core's events piped in. */
  open(page: Page, view?: 'quick-pick'): Promise<void>;
  close(): Promise<void>;
}

export async function startWindowBridge(options: BridgeOptions = {}): Promise<WindowBridge> {
  await ensureRendererBuilt();
  const emu = await startEmulator(options.emulator);
  const sandbox = await makeSandbox(emu.url);
  await options.prepare?.(sandbox, emu);
  const browserOpened: string[] = [];
  const core = new SsoTrayCore({
    paths: sandbox.paths,
    endpoints: { oidc: emu.url, portal: emu.url, signin: emu.url },
    background: true,
    processLauncher: runningCliLauncher,
    openBrowser: async (url) => {
      browserOpened.push(url);
      // The device page (a device-code sign-in) waits for the test to approve the code shown in the window.
      if ((options.approveBrowser ?? true) && new URL(url).pathname === '/authorize') {
        await emu.approveAuthorization(url);
      }
    },
    ...options.core,
  });
  const clipboard: string[] = [];
  const applied: Settings[] = [];
  const pageSaw: string[] = [];
  const handlers = createHandlers(core, {
    clipboard: { writeText: (text) => void clipboard.push(text) },
    // The app opens these with shell.openExternal; here they are recorded like the core's own.
    openExternal: async (url) => void browserOpened.push(url),
    applySettings: (settings) => void applied.push(settings),
    ...options.capabilities,
  });
  const server = await serveRenderer();
  const stops: Array<() => void> = [];
  if (options.acme) {
    await core.addSession({ name: ACME, startUrl: emu.startUrl, region: emu.region });
    if (options.acme === 'signed-in') await core.signIn(ACME, 'browser');
  }

  return {
    emu,
    sandbox,
    core,
    handlers,
    clipboard,
    browserOpened,
    applied,
    pageSaw,
    async call(channel, input) {
      const result = await invoke(handlers, channel, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    async open(page, view) {
      await page.exposeBinding('__ssoTrayInvoke', async (_source, channel: Channel, input: unknown) => {
        const result = await invoke(handlers, channel, input);
        pageSaw.push(JSON.stringify(result));
        return result;
      });
      await page.addInitScript({ content: await windowApiScript() });
      // Events go in order, one batch at a time: one page.evaluate per event (5,000 for a big listing) would take
      // the bridge seconds, where Electron's IPC takes milliseconds.
      const queue: Array<[string, unknown]> = [];
      let inFlight = false;
      const pump = () => {
        if (inFlight || queue.length === 0) return;
        inFlight = true;
        page
          .evaluate((events) => {
            for (const [event, data] of events) (globalThis as PageGlobals).__ssoTrayEvent?.(event, data);
          }, queue.splice(0))
          .catch(() => undefined) // the page may be closing
          .finally(() => {
            inFlight = false;
            pump();
          });
      };
      for (const name of EVENT_NAMES) {
        stops.push(
          core.on(name, (payload) => {
            pageSaw.push(JSON.stringify(payload));
            queue.push([name, payload]);
            pump();
          }),
        );
      }
      // The size main opens the window (or the compact quick-pick) at.
      await page.setViewportSize(view ? { width: 620, height: 420 } : { width: 1040, height: 760 });
      await page.goto(`${server.url}/index.html${view ? `?view=${view}` : ''}`);
    },
    async close() {
      stops.forEach((stop) => stop());
      core.dispose();
      await core.whenIdle().catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.server.close(() => resolve());
        server.server.closeAllConnections();
      });
      await emu.close();
      await sandbox.cleanup();
    },
  };
}

/** What the bridge's init script puts on the page. */
interface PageGlobals {
  __ssoTrayEvent?: (name: string, payload: unknown) => void;
}

let apiScript: Promise<string> | undefined;

/** The page's preload: the real window-api.ts bundled for the browser, over the Playwright binding. */
function windowApiScript(): Promise<string> {
  apiScript ??= bundle({
    stdin: {
      contents: `
        import { createWindowApi } from './electron/ipc/window-api.ts';
        const listeners = new Set();
        window.__ssoTrayEvent = (name, payload) => listeners.forEach((listener) => listener(name, payload));
        Object.defineProperty(window, 'ssoTray', {
          enumerable: true,
          value: createWindowApi({
            invoke: (channel, input) => window.__ssoTrayInvoke(channel, input),
            subscribe(listener) {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
          }),
        });`,
      resolveDir: REPO,
      loader: 'ts',
      sourcefile: 'window-bridge-preload.ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return apiScript;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** dist/renderer over 127.0.0.1, nothing outside it. */
async function serveRenderer(): Promise<{ server: Server; url: string }> {
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
function ensureRendererBuilt(): Promise<void> {
  built ??= (async () => {
    const index = await stat(path.join(RENDERER_DIST, 'index.html')).catch(() => undefined);
    const sources = [path.join(REPO, 'vite.config.ts'), ...(await filesUnder(path.join(REPO, 'renderer')))];
    const newest = Math.max(...(await Promise.all(sources.map(async (f) => (await stat(f)).mtimeMs))));
    if (index && index.mtimeMs >= newest) return;
    console.log('Building the window (dist/renderer is missing or older than renderer/)…');
    await viteBuild({ configFile: path.join(REPO, 'vite.config.ts'), logLevel: 'warn' });
  })();
  return built;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** A screenshot of what the user sees in the window (or the whole page), kept with the test results. */
export async function screen(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: path.join(REPO, 'test-results', 'screens', `${name}.png`), ...options });
}
