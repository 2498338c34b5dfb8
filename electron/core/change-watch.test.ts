// The running app notices what other programs do, as it happens and without polling.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../e2e/identity-center/emulator.js';
import { startCoreHarness, type CoreHarness } from '../../e2e/support/core-harness.js';
import type { SsoTrayCore } from './core.js';

let h: CoreHarness;
let emu: RunningEmulator;
let app: SsoTrayCore;
let other: SsoTrayCore;

beforeEach(async () => {
  h = await startCoreHarness();
  emu = h.emu;
  other = h.core; // the CLI, or the AWS CLI writing the same files
  await other.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
  app = h.newCore({ background: true });
  await app.start();
});

afterEach(() => h.close());

describe('changes made by other programs', () => {
  it('shows a sign-in made elsewhere, and a sign-out made elsewhere (aws sso logout deletes the token file)', async () => {
    expect(app.sessions()[0]?.state).toBe('signed-out');
    await other.signIn('acme', 'browser');
    await vi.waitFor(() => expect(app.sessions()[0]?.state).toBe('signed-in'), {
      timeout: 5000,
      interval: 50,
    });

    await other.signOut('acme');
    await vi.waitFor(() => expect(app.sessions()[0]?.state).toBe('signed-out'), {
      timeout: 5000,
      interval: 50,
    });
  });

  it('keeps fresh a profile the command line marked --keep-fresh while the app runs', async () => {
    await other.signIn('acme', 'browser');
    const account = emu.organisation.accounts[0]!;
    expect(app.scheduledProfiles()).toEqual([]);
    await other.writeProfile({
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
      profile: 'from-cli',
      keepFresh: true,
    });
    await vi.waitFor(() => expect(app.scheduledProfiles()).toEqual(['from-cli']), {
      timeout: 5000,
      interval: 50,
    });
  });
});
