// window.ssoTray on a Playwright page: the preload's createWindowApi over a binding to the handler table, and the
// core's events piped in, as main and the preload do it over Electron's IPC.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build as bundle } from 'esbuild';
import type { SsoTrayCore } from '../../electron/core/core.js';
import type { Channel } from '../../electron/ipc/contract.js';
import { invoke, type HandlerTable } from '../../electron/ipc/handlers.js';
import { EVENT_NAMES } from '../../electron/ipc/ipc-names.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Before the page loads: window.ssoTray calls the table; each outcome is recorded in `pageSaw` as JSON. */
export async function exposeWindowApi(page: Page, handlers: HandlerTable, pageSaw: string[]): Promise<void> {
  await page.exposeBinding('__ssoTrayInvoke', async (_source, channel: Channel, input: unknown) => {
    const result = await invoke(handlers, channel, input);
    pageSaw.push(JSON.stringify(result));
    return result;
  });
  await page.addInitScript({ content: await windowApiScript() });
}

/** Every core event to the page, in order, each recorded in `pageSaw` as JSON; returns the unsubscribers. */
export function pipeCoreEvents(page: Page, core: SsoTrayCore, pageSaw: string[]): Array<() => void> {
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
  return EVENT_NAMES.map((name) =>
    core.on(name, (payload) => {
      pageSaw.push(JSON.stringify(payload));
      queue.push([name, payload]);
      pump();
    }),
  );
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
