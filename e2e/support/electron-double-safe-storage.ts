// safeStorage as Electron 45 plays it: the asynchronous API (the synchronous one is deprecated in 45 and removed in
// 46, https://electronjs.org/docs/api/safe-storage), a Linux backend, and nothing usable before 'ready'.
import type * as Electron from 'electron';
import { app } from './electron-double-app.js';
import { control, record } from './electron-double-log.js';

// Not encryption: enough that a file written through it is not the plain text, and that it round-trips.
const PREFIX = Buffer.from('v11');
const KEY = Buffer.from('electron-double');
const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte, i) => byte ^ (KEY[i % KEY.length] as number)));

// On Linux the key store is chosen only once the app is ready (electron/electron#33913; electron.d.ts).
function usable(): boolean {
  return app.isReady() && control.encryptionAvailable;
}

export const safeStorage = {
  /** 'unknown' before 'ready' (electron.d.ts, getSelectedStorageBackend). */
  getSelectedStorageBackend() {
    return app.isReady() ? control.storageBackend : ('unknown' as const);
  },
  /** Still true with 'basic_text': that backend "works", with a fixed password (the trap of defect 5). */
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return usable();
  },
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    record('safeStorage.encryptStringAsync');
    if (!usable())
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptStringAsync. Encryption is not available.',
      );
    return Buffer.concat([PREFIX, xor(Buffer.from(plainText, 'utf8'))]);
  },
  async decryptStringAsync(encrypted: Buffer): Promise<Electron.DecryptStringAsyncReturnValue> {
    record('safeStorage.decryptStringAsync');
    if (!Buffer.isBuffer(encrypted))
      throw new TypeError('Expected the first argument of decryptStringAsync() to be a buffer');
    if (!usable())
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync. Decryption is not available.',
      );
    if (!encrypted.subarray(0, PREFIX.length).equals(PREFIX))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
    // The OS key was rotated: Electron asks for the data to be encrypted again (electron.d.ts, decryptStringAsync).
    return {
      result: xor(encrypted.subarray(PREFIX.length)).toString('utf8'),
      shouldReEncrypt: control.keyRotated,
    };
  },
} satisfies Pick<
  Electron.SafeStorage,
  'getSelectedStorageBackend' | 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
>;
