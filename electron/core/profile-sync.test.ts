// A profile for every role through the core against the emulator: the app session's [sso-session] first, and the
// sync that follows each listing when the setting is on.
import { appendFile, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../e2e/support/core-harness.js';

let h: CoreHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a profile for every role', () => {
  it("writes the app session's [sso-session] before its profiles when the AWS CLI's cache is not shared", async () => {
    h = await startCoreHarness();
    const core = h.core;
    await core.updateSettings({ shareTokenCacheWithAwsCli: false });
    await core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await core.signIn('acme', 'browser');
    await expect(core.syncConfigProfiles({ session: 'acme', dryRun: true })).rejects.toThrow(
      /has no \[sso-session acme\] for the profiles to sign in through/,
    );
    const result = await core.syncConfigProfiles({ session: 'acme', maxAgeMs: 60_000 });
    expect(result.written).toBe(true);
    const text = await readFile(h.sandbox.paths.configFile, 'utf8');
    expect(text).toContain(
      `[sso-session acme]\nsso_start_url = ${h.emu.startUrl}\nsso_region = ${h.emu.region}\n`,
    );
    expect(text.match(/^sso_session = acme$/gm)).toHaveLength(result.added.length);
    expect(h.emu.calls({ api: 'ListAccounts' })).toHaveLength(1);
  });
});

describe('keeping the profiles in sync after each listing', () => {
  it('syncs when the setting is on, and a file it cannot read is one problem sentence, never written', async () => {
    h = await startCoreHarness();
    const core = h.core;
    await core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await core.signIn('acme', 'browser');
    await core.accounts('acme');
    await core.whenIdle();
    expect(await readFile(h.sandbox.paths.configFile, 'utf8')).not.toContain('sso_account_id');

    await core.updateSettings({ syncConfigProfiles: true });
    await core.accounts('acme');
    await core.whenIdle();
    const synced = await readFile(h.sandbox.paths.configFile, 'utf8');
    const roles = h.emu.organisation.accounts.reduce((n, a) => n + a.roles.length, 0);
    expect(synced.match(/^sso_account_id = /gm)).toHaveLength(roles);

    await appendFile(h.sandbox.paths.configFile, 'this line is no INI\n');
    const before = await readFile(h.sandbox.paths.configFile, 'utf8');
    const problems: string[] = [];
    core.on('problem', ({ message }) => problems.push(message));
    await core.accounts('acme');
    await core.whenIdle();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^The profiles in ~\/\.aws\/config were not kept in sync: ~\/\.aws\/config /);
    expect(await readFile(h.sandbox.paths.configFile, 'utf8')).toBe(before);
  });
});
