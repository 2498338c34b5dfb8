// Write to credentials file refused for a profile SSO Tray did not write: the dialog says so and offers Replace it,
// which writes over that profile (overwrite: true) only when clicked; the first write never overwrites.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initialState, Store, type AccessKeysState } from '../state.js';
import type { WindowApi } from '../api.js';
import {
  replaceConfigProfile,
  replaceProfile,
  writeConfigProfile,
  writeCredentialsFile,
} from './access-keys-actions.js';

beforeAll(() => {
  // The store renders once a frame; here nothing renders.
  vi.stubGlobal('requestAnimationFrame', () => 0);
});

const role = { session: 'acme', accountId: '111122223333', roleName: 'ReadOnly', accountName: 'payments' };
const dialog: AccessKeysState = {
  role,
  profileName: 'dev',
  shellFormat: 'env',
  texts: {},
  loading: false,
  keepFresh: false,
  writeFile: { busy: false },
  writeConfig: { busy: false },
  serve: { busy: false },
};
const refusal = Object.assign(
  new Error('The profile dev in ~/.aws/credentials was not written by SSO Tray.'),
  { code: 'foreign-profile', next: { do: 'choose-profile-name-or-overwrite', profile: 'dev' } },
);

function setUp() {
  const write = vi.fn<WindowApi['profiles:write']>();
  write.mockRejectedValueOnce(refusal);
  write.mockResolvedValueOnce({ profile: 'dev', keepFresh: false } as Awaited<
    ReturnType<WindowApi['profiles:write']>
  >);
  const store = new Store({ ...initialState(0), dialog });
  const ctx = { api: { 'profiles:write': write } as unknown as WindowApi, store };
  return { write, store, ctx };
}

describe('Write to credentials file, refused for a profile SSO Tray did not write', () => {
  it('offers to replace that profile, and writes over it only on Replace it', async () => {
    const { write, store, ctx } = setUp();
    await writeCredentialsFile(ctx);
    expect(write).toHaveBeenCalledOnce();
    expect(write.mock.calls[0]![0]).not.toHaveProperty('overwrite');
    expect(store.state.dialog?.writeFile).toEqual({
      busy: false,
      error: `${refusal.message} Type another Profile name, or press Replace it.`,
      replace: 'dev',
    });

    await replaceProfile(ctx);
    expect(write.mock.calls[1]![0]).toEqual({
      session: 'acme',
      accountId: '111122223333',
      roleName: 'ReadOnly',
      keepFresh: false,
      profile: 'dev',
      overwrite: true,
    });
    expect(store.state.dialog?.writeFile).toEqual({
      busy: false,
      done: 'Wrote the profile dev to your credentials file.',
    });
  });

  it('offers no replacement for any other refusal', async () => {
    const { write, store, ctx } = setUp();
    write.mockReset();
    write.mockRejectedValueOnce(
      Object.assign(new Error('The credentials file is busy.'), { code: 'file-busy' }),
    );
    await writeCredentialsFile(ctx);
    expect(store.state.dialog?.writeFile.replace).toBe(undefined);
    await replaceProfile(ctx);
    expect(write).toHaveBeenCalledOnce();
  });

  it('Add to ~/.aws/config offers it too, and replaces with the Kind chosen, only on Replace it', async () => {
    const write = vi.fn<WindowApi['config:write-profile']>();
    write.mockRejectedValueOnce(refusal);
    write.mockResolvedValueOnce({ profile: 'dev', file: '~/.aws/config' });
    const store = new Store({ ...initialState(0), dialog });
    const ctx = { api: { 'config:write-profile': write } as unknown as WindowApi, store };
    await writeConfigProfile(ctx, ' dev ', 'sso');
    expect(write.mock.calls[0]![0]).not.toHaveProperty('overwrite');
    expect(store.state.dialog?.writeConfig).toEqual({
      busy: false,
      error: `${refusal.message} Type another Profile name, or press Replace it.`,
      replace: 'dev',
    });
    await replaceConfigProfile(ctx, 'credential-process');
    expect(write.mock.calls[1]![0]).toEqual({
      session: 'acme',
      accountId: '111122223333',
      roleName: 'ReadOnly',
      profile: 'dev',
      kind: 'credential-process',
      overwrite: true,
    });
    expect(store.state.dialog?.writeConfig).toEqual({
      busy: false,
      done: 'Added the profile dev to ~/.aws/config.',
    });
  });
});
