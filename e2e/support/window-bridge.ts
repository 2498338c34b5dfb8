// The window in real Chromium over the real core: the built renderer served from 127.0.0.1, and window.ssoTray made
// by the same createWindowApi the preload uses, over a Playwright binding to the handler table main registers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { SsoTrayCore } from '../../electron/core/core.js';
import type { CoreOptions } from '../../electron/core/assembly/shared-parts.js';
import { runningCliLauncher } from '../../electron/core/profiles/process-launcher.js';
import type { Channel, ChannelInput, ChannelResult } from '../../electron/ipc/contract.js';
import { createHandlers, invoke, type HandlerCapabilities } from '../../electron/ipc/handlers.js';
import type { Settings } from '../../electron/core/shapes/front-end-shapes.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../identity-center/emulator.js';
import { exposeWindowApi, pipeCoreEvents } from './page-bridge.js';
import { ensureRendererBuilt, serveRenderer } from './renderer-server.js';
import { makeSandbox, type Sandbox } from './sandbox.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface BridgeOptions {
  emulator?: EmulatorOptions;
  core?: Partial<CoreOptions>;
  /** Approve every /authorize URL the core opens, as a user clicking Approve at once would (default true). */
  approveBrowser?: boolean;
  /** Runs on the sandbox before the core starts (an ~/.aws/config to find, a settings file). */
  prepare?: (sandbox: Sandbox, emu: RunningEmulator) => Promise<void>;
  /** The session "acme" on the emulator's start URL, added (and signed in) before the window opens. */
  acme?: 'added' | 'signed-in';
  /** What this desktop offers, as main passes it (start at login: macOS and Windows only). */
  capabilities?: Pick<HandlerCapabilities, 'startAtLogin' | 'quickPick' | 'updates'>;
}

export const ACME = 'acme';

export interface WindowBridge {
  emu: RunningEmulator;
  sandbox: Sandbox;
  core: SsoTrayCore;
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
      await exposeWindowApi(page, handlers, pageSaw);
      stops.push(...pipeCoreEvents(page, core, pageSaw));
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

/** A screenshot of what the user sees in the window (or the whole page), kept with the test results. */
export async function screen(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: path.join(REPO, 'test-results', 'screens', `${name}.png`), ...options });
}
