// The electron double's memory: every call the shell makes, the switches a test may flip, and one reset for all.

export interface RecordedCall {
  /** What was called, as the shell wrote it: 'tray.setToolTip', 'app.quit', 'new Tray'. */
  api: string;
  args: unknown[];
}

/** A compile-time check that a class of the double has the members of Electron's type it stands in for. */
export type Conforms<T extends U, U> = T;

/** Every call into the double, in order; resetDouble() empties it. */
export const recorded: RecordedCall[] = [];

export function record(api: string, ...args: unknown[]): void {
  recorded.push({ api, args });
}

/** The arguments of each recorded call to `api`, in order. */
export function callsTo(api: string): unknown[][] {
  return recorded.filter((call) => call.api === api).map((call) => call.args);
}

/** What the machine under the double offers; a test flips these to play another machine. */
export const control = {
  /** False plays a second copy of the app: another one holds the lock. */
  singleInstanceLock: true,
  /** False plays a machine whose keychain cannot be used at all. */
  encryptionAvailable: true,
  /** safeStorage's Linux backend once ready; 'basic_text' plays Linux without a keyring (a fixed password). */
  storageBackend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6',
  notificationsSupported: true,
  /** True plays a clipboard the OS refuses to write (another app holds it). */
  clipboardWriteFails: false,
  /** True plays the packaged app (app.isPackaged). */
  packaged: false,
  /** True plays a keychain whose key was rotated: safeStorage asks for every decrypted secret to be re-encrypted. */
  keyRotated: false,
};

const defaults = { ...control };
const resets: Array<() => void> = [];

/** Each part of the double registers how it forgets its state. */
export function onReset(reset: () => void): void {
  resets.push(reset);
}

/** Back to a freshly started app: no calls, no trays or windows, no handlers, an empty clipboard. */
export function resetDouble(): void {
  recorded.length = 0;
  Object.assign(control, defaults);
  for (const reset of resets) reset();
}
