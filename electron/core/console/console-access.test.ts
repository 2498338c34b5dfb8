// Console sign-in through the core against the emulator's portal and federation endpoint: the region rule, the one
// renewal of refused credentials, and nothing signed in without an opener.
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';
import { consolePageFields } from '../../../e2e/identity-center/federation-support.js';
import type { EmulatorOptions } from '../../../e2e/identity-center/emulator.js';
import type { SsoTrayCore } from '../core.js';

let h: CoreHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function signedIn(emulator: EmulatorOptions = {}): Promise<{ core: SsoTrayCore; h: CoreHarness }> {
  h = await startCoreHarness({ emulator });
  const core = h.newCore({ endpoints: { oidc: h.emu.url, portal: h.emu.url, signin: h.emu.url } });
  await core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await core.signIn('acme', 'browser');
  return { core, h };
}

function role(harness: CoreHarness) {
  const account = harness.emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;
  return { session: 'acme', accountId: account.accountId, roleName: 'ReadOnlyAccess' };
}

async function regionOpened(core: SsoTrayCore, request: Parameters<SsoTrayCore['openConsole']>[0]) {
  const opened: string[] = [];
  await core.openConsole(request, async (url) => void opened.push(url));
  expect(opened).toHaveLength(1);
  return (await consolePageFields(opened[0]!)).region;
}

describe('the console opens in the region the user chose', () => {
  it("asked first, then the favourite's, then the settings' default, then the session's", async () => {
    const { core, h } = await signedIn();
    const ref = role(h);
    expect(await regionOpened(core, ref)).toBe(h.emu.region);
    await core.updateSettings({ defaultRegion: 'eu-west-3' });
    expect(await regionOpened(core, ref)).toBe('eu-west-3');
    await core.updateSettings({
      favourites: [
        { session: 'acme', accountId: ref.accountId, roleName: ref.roleName, region: 'ap-southeast-2' },
      ],
    });
    expect(await regionOpened(core, ref)).toBe('ap-southeast-2');
    expect(await regionOpened(core, { ...ref, region: 'sa-east-1' })).toBe('sa-east-1');
    // One GetRoleCredentials: the cached credentials serve every sign-in while valid.
    expect(h.emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(1);
    expect((await core.settings()).recent[0]).toMatchObject({
      accountId: ref.accountId,
      roleName: ref.roleName,
    });
  });

  it('gives the portal shortcut link, with the destination as a console URL in that region', async () => {
    const { core, h } = await signedIn();
    const ref = role(h);
    await core.updateSettings({ defaultRegion: 'eu-west-3' });
    expect(await core.consoleLink({ ...ref, destination: 's3' })).toBe(
      `${h.emu.startUrl}/#/console?account_id=${ref.accountId}&role_name=ReadOnlyAccess&destination=${encodeURIComponent('https://eu-west-3.console.aws.amazon.com/s3/home?region=eu-west-3')}`,
    );
  });
});

describe('credentials the sign-in endpoint refuses', () => {
  it('are fetched again exactly once, then the endpoint’s sentence says what to do', async () => {
    // Credentials that are already expired when issued: the endpoint refuses both the cached and the fresh ones.
    const { core, h } = await signedIn({ lifetimes: { roleCredentialSeconds: 0 } });
    const opened: string[] = [];
    await expect(core.openConsole(role(h), async (url) => void opened.push(url))).rejects.toThrow(
      'The AWS sign-in endpoint refused the role\'s credentials (HTTP 400: "The session credentials have expired."); get new credentials for the role and try again.',
    );
    expect(opened).toEqual([]);
    expect(h.emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(2);
    expect(h.emu.calls({ api: 'GetSigninToken' }).map((c) => c.status)).toEqual([400, 400]);
  });

  it('without an opener nothing is signed in, and the sentence names --print', async () => {
    const { core, h } = await signedIn();
    await expect(core.openConsole(role(h), undefined)).rejects.toThrow(
      'Opening the console needs a browser; print its sign-in URL with `sso-tray console ACCOUNT ROLE --print`.',
    );
    expect(h.emu.calls({ api: 'GetSigninToken' })).toEqual([]);
  });
});
