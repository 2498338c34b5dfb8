// globalShortcut as Electron 45 plays it (https://www.electronjs.org/docs/latest/api/global-shortcut): usable only
// once the app is ready; register returns false when another application holds the accelerator ("this call will
// silently fail"); an accelerator Electron cannot parse throws; the docs' example unregisters all on 'will-quit'.
import type * as Electron from 'electron';
import { app } from './electron-double-app.js';
import { onReset, record } from './electron-double-log.js';

const registered = new Map<string, () => void>();
/** Test-only: accelerators another application holds (Electron's register then returns false). */
export const takenShortcuts = new Set<string>();

const MODIFIERS = new Set(
  [
    'Command',
    'Cmd',
    'Control',
    'Ctrl',
    'CommandOrControl',
    'CmdOrCtrl',
    'Alt',
    'Option',
    'AltGr',
    'Shift',
    'Super',
    'Meta',
  ].map((m) => m.toLowerCase()),
);

/** Modifiers then exactly one key (Electron's Accelerator grammar, simplified to what a settings field holds). */
function parses(accelerator: string): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  return (
    key !== '' && !MODIFIERS.has(key.toLowerCase()) && parts.every((p) => MODIFIERS.has(p.toLowerCase()))
  );
}

function usable(method: string): void {
  if (!app.isReady()) throw new Error(`globalShortcut.${method} cannot be used before the app is ready`);
}

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    record('globalShortcut.register', accelerator);
    usable('register');
    if (!parses(accelerator))
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    if (takenShortcuts.has(accelerator) || registered.has(accelerator)) return false;
    registered.set(accelerator, callback);
    return true;
  },
  isRegistered(accelerator: string): boolean {
    return registered.has(accelerator);
  },
  unregister(accelerator: string): void {
    record('globalShortcut.unregister', accelerator);
    registered.delete(accelerator);
  },
  unregisterAll(): void {
    record('globalShortcut.unregisterAll');
    registered.clear();
  },
} satisfies Pick<Electron.GlobalShortcut, 'register' | 'isRegistered' | 'unregister' | 'unregisterAll'>;

/** Test-only: the user presses the keys; true when one of this app's shortcuts answered. */
export function pressShortcut(accelerator: string): boolean {
  const callback = registered.get(accelerator);
  callback?.();
  return callback !== undefined;
}

onReset(() => {
  registered.clear();
  takenShortcuts.clear();
});
