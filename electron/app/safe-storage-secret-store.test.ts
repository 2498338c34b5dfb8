// The tokens' encrypted files through the double's safeStorage: when the OS rotated its key, safeStorage asks for a
// secret just decrypted to be encrypted again (electron.d.ts, decryptStringAsync's shouldReEncrypt), and it is.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeStorage } from 'electron';
import { app, callsTo, control, resetDouble } from '../../e2e/support/electron-double.js';
import { SafeStorageSecretStore } from './safe-storage-secret-store.js';

let dir: string;
beforeEach(async () => {
  resetDouble();
  await app.runEntry(async () => undefined); // safeStorage works only once the app is ready
  dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-secrets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('secrets under a rotated key', () => {
  it('are read, and written again at once when safeStorage asks', async () => {
    const store = new SafeStorageSecretStore(safeStorage, dir, { platform: 'darwin' });
    await store.set('token', '{"accessToken":"aoa-1"}');
    expect(callsTo('safeStorage.encryptStringAsync')).toHaveLength(1);
    expect(await store.get('token')).toBe('{"accessToken":"aoa-1"}');
    expect(callsTo('safeStorage.encryptStringAsync')).toHaveLength(1); // nothing asked: nothing rewritten
    control.keyRotated = true;
    expect(await store.get('token')).toBe('{"accessToken":"aoa-1"}');
    expect(callsTo('safeStorage.encryptStringAsync')).toHaveLength(2);
    expect((await readFile(path.join(dir, 'token.bin'))).toString('latin1')).not.toContain('aoa-1');
  });
});
