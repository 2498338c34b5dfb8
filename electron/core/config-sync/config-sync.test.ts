// `config sync` on a real file: the first sync, a re-run that writes nothing, pruning, and the user's profiles kept.
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSsoTrayError } from '../errors.js';
import type { AccountWithRoles } from '../shapes/front-end-shapes.js';
import { syncConfigProfiles } from './config-sync.js';
import { syncSummary } from './sync-summary.js';
import type { SyncOptions } from './sync-plan.js';

let home: string;
let paths: { configFile: string; homeDir: string };
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'config-sync-'));
  paths = { configFile: path.join(home, '.aws', 'config'), homeDir: home };
});
afterEach(() => rm(home, { recursive: true, force: true }));

const SESSION = `[sso-session acme]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = us-east-1
`;

const accounts: AccountWithRoles[] = [
  {
    accountId: '111122223333',
    accountName: 'payments-prod',
    emailAddress: 'p@example.com',
    roles: ['ReadOnlyAccess', 'AdministratorAccess'],
  },
  {
    accountId: '444455556666',
    accountName: 'search dev',
    emailAddress: 's@example.com',
    roles: ['ReadOnlyAccess'],
  },
];
const sso: SyncOptions = { session: 'acme', kind: 'sso', region: 'eu-west-1' };
const read = () => readFile(paths.configFile, 'utf8');

const GENERATED = `# >>> sso-tray config sync [acme] >>> profiles for every role; edit the template, not these sections
[profile payments-prod.AdministratorAccess]
sso_session = acme
sso_account_id = 111122223333
sso_role_name = AdministratorAccess
region = eu-west-1

[profile payments-prod.ReadOnlyAccess]
sso_session = acme
sso_account_id = 111122223333
sso_role_name = ReadOnlyAccess
region = eu-west-1

[profile search-dev.ReadOnlyAccess]
sso_session = acme
sso_account_id = 444455556666
sso_role_name = ReadOnlyAccess
region = eu-west-1
# <<< sso-tray config sync [acme] <<<
`;

describe('the first sync', () => {
  it('appends one block with a profile per role, sorted by name, after what the user wrote', async () => {
    await writeFile(paths.configFile.replace(/config$/, ''), '').catch(() => undefined);
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(path.dirname(paths.configFile), { recursive: true }),
    );
    await writeFile(paths.configFile, SESSION);
    const result = await syncConfigProfiles(paths, accounts, sso);
    expect(await read()).toBe(`${SESSION}\n${GENERATED}`);
    expect([result.written, result.added.map((p) => p.profile), result.unchanged]).toEqual([
      true,
      ['payments-prod.AdministratorAccess', 'payments-prod.ReadOnlyAccess', 'search-dev.ReadOnlyAccess'],
      0,
    ]);
  });

  it('--dry-run shows the same change as a diff and writes nothing', async () => {
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(path.dirname(paths.configFile), { recursive: true }),
    );
    await writeFile(paths.configFile, SESSION);
    const result = await syncConfigProfiles(paths, accounts.slice(1), { ...sso, dryRun: true });
    expect(result.written).toBe(false);
    expect(await read()).toBe(SESSION);
    // A unified diff of the whole file: the blank line and the block's markers are in it, as they are written.
    expect(result.diff).toBe(
      [
        '--- ~/.aws/config',
        '+++ ~/.aws/config (after sync)',
        '@@ -1,3 +1,11 @@',
        ' [sso-session acme]',
        ' sso_start_url = https://d-1234567890.awsapps.com/start',
        ' sso_region = us-east-1',
        '+',
        '+# >>> sso-tray config sync [acme] >>> profiles for every role; edit the template, not these sections',
        '+[profile search-dev.ReadOnlyAccess]',
        '+sso_session = acme',
        '+sso_account_id = 444455556666',
        '+sso_role_name = ReadOnlyAccess',
        '+region = eu-west-1',
        '+# <<< sso-tray config sync [acme] <<<',
        '',
      ].join('\n'),
    );
  });

  it('refuses to write sso-session profiles when the sso-session is not in the file', async () => {
    const error = await syncConfigProfiles(paths, accounts, sso).catch((e: unknown) => e);
    expect(isSsoTrayError(error, 'invalid-input') && error.message).toBe(
      '~/.aws/config has no [sso-session acme] for the profiles to sign in through; sign in to that session with SSO Tray first, or generate credential_process profiles.',
    );
    await expect(stat(paths.configFile)).rejects.toThrow();
  });
});

describe('later syncs', () => {
  beforeEach(async () => {
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(path.dirname(paths.configFile), { recursive: true }),
    );
    await writeFile(paths.configFile, SESSION);
    await syncConfigProfiles(paths, accounts, sso);
  });

  it('a re-run with the same assignments writes nothing: bytes and modification time unchanged', async () => {
    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(paths.configFile, old, old);
    const before = await read();
    const result = await syncConfigProfiles(paths, [...accounts].reverse(), sso);
    expect([result.written, result.unchanged, result.diff]).toEqual([false, 3, '']);
    expect(await read()).toBe(before);
    expect((await stat(paths.configFile)).mtime.toISOString()).toBe(old.toISOString());
  });

  it('an assignment removed stays until --prune, which removes only that profile', async () => {
    const fewer = [
      { ...accounts[0], roles: ['ReadOnlyAccess'] } as AccountWithRoles,
      accounts[1] as AccountWithRoles,
    ];
    const kept = await syncConfigProfiles(paths, fewer, sso);
    expect([kept.written, kept.stale]).toEqual([false, ['payments-prod.AdministratorAccess']]);
    const pruned = await syncConfigProfiles(paths, fewer, { ...sso, prune: true });
    expect(pruned.removed.map((p) => p.profile)).toEqual(['payments-prod.AdministratorAccess']);
    expect(pruned.diff).toContain(
      ' # >>> sso-tray config sync [acme] >>> profiles for every role; edit the template, not these sections\n-[profile payments-prod.AdministratorAccess]\n-sso_session = acme\n-sso_account_id = 111122223333\n-sso_role_name = AdministratorAccess\n-region = eu-west-1\n-\n [profile payments-prod.ReadOnlyAccess]\n',
    );
    expect(await read()).toBe(
      `${SESSION}\n${GENERATED.replace(/\[profile payments-prod\.AdministratorAccess\][^[]*/, '')}`,
    );
  });

  it('a changed region is rewritten in place; keys the user added to a generated profile stay', async () => {
    await writeFile(
      paths.configFile,
      (await read()).replace(
        'sso_role_name = ReadOnlyAccess\nregion = eu-west-1\n\n',
        'sso_role_name = ReadOnlyAccess\nregion = eu-west-1\noutput = table\n\n',
      ),
    );
    const result = await syncConfigProfiles(paths, accounts, { ...sso, region: 'us-west-2' });
    expect(result.changed.map((c) => c.profile)).toHaveLength(3);
    expect(result.diff).toContain(
      ' sso_account_id = 444455556666\n sso_role_name = ReadOnlyAccess\n-region = eu-west-1\n+region = us-west-2\n',
    );
    expect(await read()).toContain(
      '[profile payments-prod.ReadOnlyAccess]\nsso_session = acme\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\nregion = us-west-2\noutput = table\n',
    );
  });

  it('a changed template renames the profiles of roles still assigned: none is kept as unassigned', async () => {
    const result = await syncConfigProfiles(paths, accounts, {
      ...sso,
      template: '{accountName}-{roleName}',
    });
    expect(result.renamed).toEqual([
      { from: 'payments-prod.AdministratorAccess', to: 'payments-prod-AdministratorAccess' },
      { from: 'payments-prod.ReadOnlyAccess', to: 'payments-prod-ReadOnlyAccess' },
      { from: 'search-dev.ReadOnlyAccess', to: 'search-dev-ReadOnlyAccess' },
    ]);
    expect([result.written, result.stale]).toEqual([true, []]);
    expect(syncSummary(result, '~/.aws/config')[0]).toBe('Renamed 3 profiles in ~/.aws/config.');
    expect(await read()).toBe(`${SESSION}\n${GENERATED.replaceAll('.', '-')}`);
  });

  it('--kind process switches every profile to credential_process, and back', async () => {
    const processCommand = (r: { accountId: string; roleName: string; session: string }) =>
      `sso-tray process ${r.accountId} ${r.roleName} --session ${r.session}`;
    await syncConfigProfiles(paths, accounts, { ...sso, kind: 'process', processCommand });
    expect(await read()).toContain(
      '[profile search-dev.ReadOnlyAccess]\ncredential_process = sso-tray process 444455556666 ReadOnlyAccess --session acme\nregion = eu-west-1\n',
    );
    expect(await read()).not.toContain('sso_account_id');
    await syncConfigProfiles(paths, accounts, sso);
    expect(await read()).toBe(`${SESSION}\n${GENERATED}`);
  });
});

describe("the user's own profiles", () => {
  it('a profile of the same name outside the block is skipped and reported, and kept byte for byte', async () => {
    const mine = `${SESSION}\n# mine\n[profile  payments-prod.ReadOnlyAccess ]\nrole_arn = arn:aws:iam::111122223333:role/Mine\nsource_profile = default\n`;
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(path.dirname(paths.configFile), { recursive: true }),
    );
    await writeFile(paths.configFile, mine);
    const result = await syncConfigProfiles(paths, accounts, { ...sso, prune: true });
    expect(result.skipped.map((p) => p.profile)).toEqual(['payments-prod.ReadOnlyAccess']);
    const text = await read();
    expect(text.startsWith(`${mine}\n# >>> sso-tray config sync [acme]`)).toBe(true);
    expect(text.match(/payments-prod\.ReadOnlyAccess/g)).toHaveLength(1);
    const again = await syncConfigProfiles(paths, accounts, { ...sso, prune: true });
    expect([again.written, again.skipped.length]).toEqual([false, 1]);
  });

  it('a half-removed block is refused, naming the line, and the file is left as it was', async () => {
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(path.dirname(paths.configFile), { recursive: true }),
    );
    const broken = `${SESSION}\n# >>> sso-tray config sync [acme] >>> profiles\n[profile x]\nregion = eu-west-1\n`;
    await writeFile(paths.configFile, broken);
    const error = await syncConfigProfiles(paths, accounts, sso).catch((e: unknown) => e);
    expect(isSsoTrayError(error, 'file-unreadable') && error.message).toBe(
      '~/.aws/config line 5 starts a block of generated profiles that never ends for the session "acme"; fix or remove the marker comments of that block, then sync again.',
    );
    expect(await read()).toBe(broken);
  });

  it('a file that is not UTF-8 is synced as other edits do: its other bytes kept as they were', async () => {
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(path.dirname(paths.configFile), { recursive: true }),
    );
    const latin1 = Buffer.concat([Buffer.from(SESSION), Buffer.from('# Jos\xe9 wrote this\n', 'latin1')]);
    await writeFile(paths.configFile, latin1);
    const result = await syncConfigProfiles(paths, accounts, sso);
    expect(result.written).toBe(true);
    expect(
      (await readFile(paths.configFile)).equals(Buffer.concat([latin1, Buffer.from(`\n${GENERATED}`)])),
    ).toBe(true);
  });
});
