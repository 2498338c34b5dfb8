// Tokens when sharing with the AWS CLI is off: encrypted with the OS keychain through Electron's safeStorage, one
// file per entry, 0600. It writes nothing it cannot really encrypt: without a keychain it refuses, and on Linux with
// only the 'basic_text' backend (a fixed password, https://electronjs.org/docs/api/safe-storage) it keeps the
// secrets in memory for this run and says so once.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { SsoTrayError, writeFileAtomic } from '../core/public.js';
import type { SecretStore } from '../core/aws-files/token-cache.js';

export type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export const MEMORY_ONLY_MESSAGE =
  "This system has no keyring, so SSO Tray keeps your sign-in in memory only and you will sign in again after a restart; turn on 'Share the sign-in with the AWS CLI' to keep it.";

export interface SecretStoreOptions {
  platform?: NodeJS.Platform;
  /** Told once, the first time a secret is kept in memory only. */
  onMemoryOnly?: (message: string) => void;
}

export class SafeStorageSecretStore implements SecretStore {
  private memory: Map<string, string> | undefined;
  private mode: 'encrypt' | 'memory' | undefined;

  constructor(
    private readonly safeStorage: AsyncSafeStorage,
    private readonly dir: string,
    private readonly options: SecretStoreOptions = {},
  ) {}

  private file(key: string): string {
    if (!/^[A-Za-z0-9._-]+$/.test(key))
      throw new SsoTrayError('internal', 'A secret was given an invalid name.');
    return path.join(this.dir, `${key}.bin`);
  }

  /** Decided once, after 'ready' (the backend is 'unknown' before it). */
  private storage(): 'encrypt' | 'memory' {
    const platform = this.options.platform ?? process.platform;
    this.mode ??=
      platform === 'linux' && this.safeStorage.getSelectedStorageBackend() === 'basic_text'
        ? 'memory'
        : 'encrypt';
    return this.mode;
  }

  private async ensureEncryption(): Promise<void> {
    if (!(await this.safeStorage.isAsyncEncryptionAvailable())) {
      throw new SsoTrayError(
        'invalid-input',
        "This system offers no keychain to encrypt the sign-in with; turn on 'Share the sign-in with the AWS CLI' instead.",
      );
    }
  }

  async get(key: string): Promise<string | undefined> {
    if (this.storage() === 'memory') return this.memory?.get(this.checked(key));
    let data: Buffer;
    try {
      data = await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    await this.ensureEncryption();
    const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(data);
    if (shouldReEncrypt) await this.set(key, result); // the key was rotated: store it under the new one
    return result;
  }

  async set(key: string, value: string): Promise<void> {
    if (this.storage() === 'memory') {
      if (!this.memory) {
        this.memory = new Map();
        this.options.onMemoryOnly?.(MEMORY_ONLY_MESSAGE);
      }
      this.memory.set(this.checked(key), value);
      return;
    }
    await this.ensureEncryption();
    const sealed = await this.safeStorage.encryptStringAsync(value);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file(key), sealed, { mode: 0o600 });
  }

  async delete(key: string): Promise<void> {
    this.memory?.delete(this.checked(key));
    await rm(this.file(key), { force: true });
  }

  private checked(key: string): string {
    this.file(key);
    return key;
  }
}
