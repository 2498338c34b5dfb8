// The running app notices what other programs do, as it happens and without polling.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';
import type { SsoTrayCore } from '../core.js';
import { eventually } from '../../../e2e/support/eventually.js';

let h: CoreHarness;
let emu: RunningEmulator;
let app: SsoTrayCore;
let other: SsoTrayCore;

beforeEach(async () => {
  // Role credentials that last two seconds past the keep-fresh window (15 minutes): a rewrite is due at once.
  h = await startCoreHarness({ emulator: { lifetimes: { roleCredentialSeconds: 15 * 60 + 2 } } });
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
    await eventually(() => expect(app.sessions()[0]?.state).toBe('signed-in'));

    await other.signOut('acme');
    await eventually(() => expect(app.sessions()[0]?.state).toBe('signed-out'));
  });

  it('keeps fresh a profile the command line marked --keep-fresh while the app runs', async () => {
    await other.signIn('acme', 'browser');
    const account = emu.organisation.accounts[0]!;
    await other.writeProfile({
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
      profile: 'from-cli',
      keepFresh: true,
    });
    const keyInFile = async () =>
      /\[from-cli\][^[]*?aws_access_key_id\s*=\s*(\S+)/.exec(
        await readFile(h.sandbox.paths.credentialsFile, 'utf8'),
      )?.[1];
    const written = await keyInFile();
    expect(written).toBeDefined();
    // Only the app (a background core) keeps profiles fresh: the command line that wrote it has exited its part.
    await eventually(async () => expect(await keyInFile()).not.toBe(written));
  });
});
