// Tokens when sharing with the AWS CLI is off: encrypted with the OS keychain through Electron's safeStorage, one
// file per entry, 0600. It refuses to store anything when encryption is unavailable rather than write plaintext.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { SsoTrayError } from '../core/errors.js';
import { writeFileAtomic } from '../core/aws-files/locked-write.js';
import type { SecretStore } from '../core/aws-files/token-cache.js';

export class SafeStorageSecretStore implements SecretStore {
  constructor(
    private readonly safeStorage: Pick<
      SafeStorage,
      'isEncryptionAvailable' | 'encryptString' | 'decryptString'
    >,
    private readonly dir: string,
  ) {}

  private file(key: string): string {
    if (!/^[A-Za-z0-9._-]+$/.test(key))
      throw new SsoTrayError('internal', 'A secret was given an invalid name.');
    return path.join(this.dir, `${key}.bin`);
  }

  private ensureEncryption(): void {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new SsoTrayError(
        'invalid-input',
        "This system offers no keychain to encrypt the sign-in with; turn on 'Share the sign-in with the AWS CLI' instead.",
      );
    }
  }

  async get(key: string): Promise<string | undefined> {
    let data: Buffer;
    try {
      data = await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    this.ensureEncryption();
    return this.safeStorage.decryptString(data);
  }

  async set(key: string, value: string): Promise<void> {
    this.ensureEncryption();
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file(key), this.safeStorage.encryptString(value), { mode: 0o600 });
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
