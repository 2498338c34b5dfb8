// contextBridge as Electron copies values from the preload's world to the page's
// (https://electronjs.org/docs/api/context-bridge#parameter--error--return-type-support).
import { types } from 'node:util';
import type * as Electron from 'electron';
import { onReset, record } from './electron-double-log.js';

const world = new Map<string, unknown>();

/** One value as it arrives in the other world. */
export function copyAcrossBridge(value: unknown): unknown {
  if (typeof value === 'symbol') return undefined; // symbols cannot be copied: dropped
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (typeof value === 'function') {
    // Functions are proxied: arguments and results (and what they throw) are copied; prototype changes dropped.
    const target = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      let result: unknown;
      try {
        result = target(...args.map(copyAcrossBridge));
      } catch (error) {
        throw copyAcrossBridge(error);
      }
      return copyAcrossBridge(result);
    };
  }
  // An Error keeps its message only: "any custom properties on the Error object will be lost".
  if (types.isNativeError(value)) return new Error(value.message); // checked by kind: the preload is another realm
  if (types.isPromise(value))
    return value.then(copyAcrossBridge, (error: unknown) => Promise.reject(copyAcrossBridge(error)));
  if (Array.isArray(value)) return value.map(copyAcrossBridge);
  if (types.isDate(value) || types.isRegExp(value) || ArrayBuffer.isView(value))
    return structuredClone(value);
  // Objects: own enumerable keys copied, the prototype (a class's methods) dropped.
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'symbol') copy[key] = copyAcrossBridge(entry);
  }
  return copy;
}

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    record('contextBridge.exposeInMainWorld', apiKey);
    if (world.has(apiKey))
      throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    world.set(apiKey, copyAcrossBridge(api));
  },
} satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>;

/** Test-only: what the page sees at window[apiKey]. */
export function mainWorld(apiKey: string): unknown {
  return world.get(apiKey);
}

onReset(() => world.clear());
