// A profile for every role through the core against the emulator: the app session's [sso-session] first, the
// sync that follows each listing when the setting is on, and the saved choices both use.
import { appendFile, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';
import { processCommandFor } from '../profiles/config-profiles.js';
import { runningCliLauncher } from '../profiles/process-launcher.js';

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

describe("the sync's saved choices", () => {
  const choices = {
    template: '{session}-{accountName}-{roleName}',
    kind: 'process',
    region: 'eu-west-1',
    prune: true,
  } as const;

  it('the sync after each listing writes with the saved template, kind and region, and prunes when saved so', async () => {
    h = await startCoreHarness({ core: { processLauncher: runningCliLauncher } });
    const core = h.core;
    await core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await core.signIn('acme', 'browser');
    await core.updateSettings({ syncConfigProfiles: true, configSync: choices });
    await core.accounts('acme');
    await core.whenIdle();

    const text = await readFile(h.sandbox.paths.configFile, 'utf8');
    const account = h.emu.organisation.accounts.find((a) => a.accountName === 'Payments dev')!;
    const command = processCommandFor({ processLauncher: runningCliLauncher })({
      accountId: account.accountId,
      roleName: 'ReadOnlyAccess',
      session: 'acme',
    });
    expect(text).toContain(
      `[profile acme-Payments-dev-ReadOnlyAccess]\ncredential_process = ${command}\nregion = eu-west-1\n`,
    );
    const roles = h.emu.organisation.accounts.reduce((n, a) => n + a.roles.length, 0);
    expect(text.match(/^\[profile acme-/gm)).toHaveLength(roles);
    expect(text.match(/^credential_process = /gm)).toHaveLength(roles);
    expect(text).not.toMatch(/^sso_account_id = /m);

    // A role taken away: the next listing's sync removes its profile, as the saved prune says.
    const gone = account.roles.splice(account.roles.indexOf('ReadOnlyAccess'), 1)[0];
    expect(gone).toBe('ReadOnlyAccess');
    await core.accounts('acme');
    await core.whenIdle();
    const pruned = await readFile(h.sandbox.paths.configFile, 'utf8');
    expect(pruned).not.toContain('[profile acme-Payments-dev-ReadOnlyAccess]');
    expect(pruned.match(/^\[profile acme-/gm)).toHaveLength(roles - 1);
  });

  it('a sync asked without choices (the CLI without flags) uses the saved ones; a choice given overrides them once', async () => {
    h = await startCoreHarness();
    const core = h.core;
    await core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await core.signIn('acme', 'browser');
    await core.updateSettings({
      configSync: { template: '{accountId}/{roleName}', kind: 'sso', region: 'ap-south-1', prune: false },
    });
    const account = h.emu.organisation.accounts.find((a) => a.accountName === 'Payments dev')!;
    const saved = await core.syncConfigProfiles({ session: 'acme', maxAgeMs: 60_000 });
    expect(saved.added).toContain(`${account.accountId}/ReadOnlyAccess`);
    const text = await readFile(h.sandbox.paths.configFile, 'utf8');
    expect(text).toContain(
      `[profile ${account.accountId}/ReadOnlyAccess]\nsso_session = acme\nsso_account_id = ${account.accountId}\nsso_role_name = ReadOnlyAccess\nregion = ap-south-1\n`,
    );

    const once = await core.syncConfigProfiles({
      session: 'acme',
      template: '{accountName}.{roleName}',
      region: '',
      dryRun: true,
      maxAgeMs: 60_000,
    });
    expect(once.added).toContain('Payments-dev.ReadOnlyAccess');
    expect(once.diff).toContain('+[profile Payments-dev.ReadOnlyAccess]\n+sso_session = acme\n');
    expect(once.diff).not.toContain('+region = ');
    // The window's example: the first name of this listing, and the role it is for.
    const example = once.example!;
    expect(example.profile).toBe(once.added[0]);
    expect(example.profile).toBe(`${example.accountName.replaceAll(' ', '-')}.${example.roleName}`);
    expect((await core.settings()).configSync.template).toBe('{accountId}/{roleName}');
  });
});
