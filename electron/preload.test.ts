// The real preload bundle, run as Electron runs a sandboxed preload: it may require only 'electron', and it must
// put exactly the window API on the page — no ipcRenderer, no Node.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { contextBridge, mainWorld, resetDouble } from '../e2e/support/electron-double.js';
import { CHANNELS } from './ipc/ipc-names.js';
import { fromBridge } from '../renderer/src/bridge-results.js';
import type { BridgeApi } from './ipc/window-api.js';

async function bundle(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-preload-'));
  try {
    const outfile = path.join(dir, 'preload.cjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./preload.ts', import.meta.url))],
      outfile,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      logLevel: 'silent',
    });
    return await readFile(outfile, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the preload', () => {
  it('exposes exactly window.ssoTray: one method per channel and `on`, over ipcRenderer', async () => {
    const code = await bundle();
    resetDouble();
    const required: string[] = [];
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (event: unknown, message: unknown) => void>();
    const electron = {
      contextBridge, // the double's: it copies values to the page as Electron does
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return args[0] === 'sso-tray:sessions:list'
            ? { ok: true, value: [] }
            : {
                ok: false,
                error: {
                  code: 'not-found',
                  message: 'There is no session named "x"',
                  next: { do: 'add-session', session: 'x' },
                },
              };
        },
        on: (channel: string, listener: (event: unknown, message: unknown) => void) =>
          listeners.set(channel, listener),
        off: (channel: string) => listeners.delete(channel),
      },
    };
    const module = { exports: {} };
    vm.runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
    });
    expect(required).toEqual(['electron']);
    const api = mainWorld('ssoTray') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());

    // What the page's code gets (renderer/src/api.ts): the value, or an error that still has its code and next step.
    const page = fromBridge(api as unknown as BridgeApi);
    await expect(page['sessions:list']({})).resolves.toEqual([]);
    await expect(page['accounts:list']({ session: 'x' })).rejects.toMatchObject({
      name: 'WindowApiError',
      code: 'not-found',
      message: 'There is no session named "x"',
      next: { do: 'add-session', session: 'x' },
    });
    expect(invoked).toEqual([
      ['sso-tray:sessions:list', {}],
      ['sso-tray:accounts:list', { session: 'x' }],
    ]);

    const seen: unknown[] = [];
    const stop = (api.on as (e: string, l: (p: unknown) => void) => () => void)('session-changed', (p) =>
      seen.push(p),
    );
    listeners.get('sso-tray:event')?.({}, { name: 'session-changed', payload: { name: 'acme' } });
    listeners.get('sso-tray:event')?.({}, { name: 'problem', payload: { message: 'x' } });
    expect(seen).toEqual([{ name: 'acme' }]);
    stop();
    expect(listeners.has('sso-tray:event')).toBe(false);
  });
});
