// `sso-tray config sync` as a user runs it: the built command, the emulator's listing, the sandbox's ~/.aws/config.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyPatch } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';
import { loginAcme, runSsoTray } from './support/cli-run.js';

let emu: RunningEmulator;
let sandbox: Sandbox;
const sync = (...args: string[]) => runSsoTray(sandbox, ['config', 'sync', ...args]);
const config = () => readFile(sandbox.paths.configFile, 'utf8');
const roleCount = () => emu.organisation.accounts.reduce((n, a) => n + a.roles.length, 0);
const headers = (diff: string, sign: '+' | '-') =>
  [...diff.matchAll(new RegExp(`^\\${sign}\\[profile (.+)\\]$`, 'gm'))].map((m) => m[1]!);
/** The profiles a diff adds: a header line added, less those it moves (the user's own stays as it was). */
const added = (diff: string) => {
  const removed = new Set(headers(diff, '-'));
  return headers(diff, '+').filter((name) => !removed.has(name));
};

beforeAll(async () => {
  emu = await startEmulator();
  sandbox = await makeSandbox(emu.url);
  expect((await loginAcme(emu, sandbox)).code).toBe(0);
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

describe('sso-tray config sync', () => {
  let userName = '';
  const userBlock = (name: string) =>
    `# mine, hands off\n[profile ${name}]\nregion = ap-south-1\noutput = text\n`;

  it('--dry-run prints the diff and the summary and writes nothing', async () => {
    const before = await config();
    const run = await sync('--dry-run');
    expect(run.code).toBe(0);
    expect(added(run.stdout)).toHaveLength(roleCount());
    expect(run.stdout).toMatch(
      /^--- ~\/\.aws\/config\n\+\+\+ ~\/\.aws\/config \(after sync\)\n@@ -\d+,\d+ \+\d+,\d+ @@\n/,
    );
    expect(run.stderr).toBe(`A sync would add ${roleCount()} profiles in ~/.aws/config.\n`);
    expect(await config()).toBe(before);
    userName = added(run.stdout)[0]!;
  });

  it("writes a profile for every role the first time, and keeps a user's profile of the same name byte for byte", async () => {
    await writeFile(sandbox.paths.configFile, `${await config()}\n${userBlock(userName)}`);
    const run = await sync('--diff');
    expect(run.code).toBe(0);
    expect(added(run.stdout)).toHaveLength(roleCount() - 1);
    expect(run.stderr).toMatch(
      /^Using the account listing from \d+ seconds? ago; --refresh lists the accounts again\.\n/,
    );
    expect(run.stderr.replace(/^Using .*\n/, '')).toBe(
      `Added ${roleCount() - 1} profiles in ~/.aws/config.\nSkipped 1 profile whose name is taken by a profile SSO Tray did not write (${userName}); rename it there or change the template.\n`,
    );
    const text = await config();
    expect(text).toContain(userBlock(userName));
    const account = emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;
    expect(text).toContain(
      `sso_session = acme\nsso_account_id = ${account.accountId}\nsso_role_name = ReadOnlyAccess\n`,
    );
  });

  it('writes nothing on a re-run with the same assignments: bytes and mtime unchanged', async () => {
    const [bytes, { mtimeMs }] = [
      await readFile(sandbox.paths.configFile),
      await stat(sandbox.paths.configFile),
    ];
    const run = await sync();
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(run.stderr.replace(/^Using .*\n/, '')).toMatch(
      /^Nothing to change: the \d+ profiles in ~\/\.aws\/config are up to date\.\n/,
    );
    expect((await readFile(sandbox.paths.configFile)).equals(bytes)).toBe(true);
    expect((await stat(sandbox.paths.configFile)).mtimeMs).toBe(mtimeMs);
  });

  it('keeps a profile whose assignment is gone until --prune removes it', async () => {
    const account = emu.organisation.accounts.find((a) => a.roles.length > 1)!;
    const gone = account.roles.pop()!;
    // The listing of a moment ago still has the role: --refresh lists again.
    const kept = await sync('--refresh');
    expect(kept.code).toBe(0);
    const name = /\(([^)]+)\); pruning removes it\./.exec(kept.stderr)?.[1] ?? '';
    expect(name).toContain(gone);
    expect(await config()).toContain(`[profile ${name}]`);
    const pruned = await sync('--prune');
    expect(pruned.code).toBe(0);
    // A sync says what it did in one summary; the diff is for --diff and --dry-run.
    expect(pruned.stdout).toBe('');
    expect(pruned.stderr.replace(/^Using .*\n/, '')).toMatch(/^Removed 1 profile in ~\/\.aws\/config/);
    expect(await config()).not.toContain(`[profile ${name}]`);
    expect(await config()).toContain(userBlock(userName));
  });

  it('--kind process writes credential_process profiles that ask sso-tray process', async () => {
    const run = await sync('--kind', 'process', '--region', 'eu-west-1', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\+credential_process = .+ process \d{12} ReadOnlyAccess --session acme$/m);
    expect(run.stdout).toMatch(/^-sso_session = acme$/m);
    expect(run.stderr.replace(/^Using .*\n/, '')).toMatch(
      /^A sync would change \d+ profiles in ~\/\.aws\/config\.\n/,
    );
  });

  it("without flags uses the template and region saved by the window's Apply; a flag overrides them for that run", async () => {
    // settings.json as the window's Apply leaves it (the session "acme" the login saved stays).
    const settingsFile = path.join(sandbox.paths.appDataDir, 'settings.json');
    const settings = JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;
    const choices = {
      template: '{session}-{accountName}-{roleName}',
      kind: 'sso',
      region: 'eu-west-1',
      prune: false,
    };
    await writeFile(settingsFile, JSON.stringify({ ...settings, configSync: choices }, null, 2));
    const saved = await sync('--dry-run');
    expect(saved.code).toBe(0);
    expect(added(saved.stdout)).toHaveLength(roleCount());
    expect(added(saved.stdout).every((name) => name.startsWith('acme-'))).toBe(true);
    expect(saved.stdout).toMatch(/^\+\[profile acme-Payments-dev-ReadOnlyAccess\]\n sso_session = acme\n/m);
    expect(saved.stdout).toMatch(/^\+region = eu-west-1$/m);

    const flags = await sync('--dry-run', '--template', '{accountId}.{roleName}', '--no-region');
    expect(flags.code).toBe(0);
    expect(added(flags.stdout).every((name) => /^\d{12}\./.test(name))).toBe(true);
    expect(flags.stdout).not.toMatch(/^\+region = /m);
    await writeFile(settingsFile, JSON.stringify(settings, null, 2));
  });

  it('reuses a recent listing and says how old it is; --refresh lists the accounts again', async () => {
    emu.clearCalls();
    const reused = await sync('--dry-run');
    expect(reused.code).toBe(0);
    expect(reused.stderr.split('\n')[0]).toMatch(
      /^Using the account listing from \d+ (seconds?|minutes?) ago; --refresh lists the accounts again\.$/,
    );
    expect(emu.calls().filter((c) => c.api === 'ListAccounts' || c.api === 'ListAccountRoles')).toEqual([]);
    const refreshed = await sync('--dry-run', '--refresh');
    expect(refreshed.code).toBe(0);
    expect(refreshed.stderr).not.toMatch(/^Using the account listing/);
    expect(emu.calls().filter((c) => c.api === 'ListAccounts').length).toBeGreaterThan(0);
  });

  it("refuses an invalid template in the template language's one sentence, with exit code 2", async () => {
    const run = await sync('--template', '{accountName}.{role}');
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      'sso-tray: The profile name template uses {role}, which is not a placeholder; use {accountId}, {accountName}, {emailAddress}, {roleName} or {session}. Change --template.\n',
    ]);
    const spaced = await sync('--template', '{accountName} {roleName}');
    expect([spaced.code, spaced.stderr]).toEqual([
      2,
      'sso-tray: The profile name template holds a space, which an AWS profile name cannot; between placeholders use only letters, digits and - _ . @ + % : /. Change --template.\n',
    ]);
  });
});

describe("sso-tray write names the profile with the settings' template, in the same language", () => {
  const settingsFile = () => path.join(sandbox.paths.appDataDir, 'settings.json');
  const withTemplate = async (profileNameTemplate: string) => {
    const settings = JSON.parse(await readFile(settingsFile(), 'utf8')) as Record<string, unknown>;
    await writeFile(settingsFile(), JSON.stringify({ ...settings, profileNameTemplate }, null, 2));
  };
  const account = () => emu.organisation.accounts.find((a) => a.accountName === 'Payments dev')!;

  it('gives the name the template says, with every placeholder the config sync has', async () => {
    await withTemplate('{session}/{accountName}/{emailAddress}/{roleName}');
    const run = await runSsoTray(sandbox, ['write', account().accountId, 'ReadOnlyAccess']);
    expect([run.code, run.stdout]).toEqual([
      0,
      `acme/Payments-dev/${account().emailAddress}/ReadOnlyAccess\n`,
    ]);
  });

  it('refuses a name no profile can have in one sentence that says what to change', async () => {
    await withTemplate(`${'{accountName}.'.repeat(12)}{roleName}`);
    const run = await runSsoTray(sandbox, ['write', account().accountId, 'ReadOnlyAccess']);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `sso-tray: The profile name template gives ReadOnlyAccess in account ${account().accountId} a name of 170 characters, more than the 128 an AWS profile name may have; shorten the template.\n`,
    ]);
    await withTemplate('{accountId}_{roleName}');
  });

  it('--dry-run and --diff print a unified diff of the file: applied to the old file it gives the bytes the sync writes', async () => {
    // The user's lines around the block, no newline at the end, and a template change that renames every profile.
    await writeFile(
      sandbox.paths.configFile,
      `# top of the file\n${await config()}\n[profile after-the-block]\nregion = us-east-2`,
    );
    const before = await config();
    const template = ['--template', 'patch-{accountId}-{roleName}'];
    const dry = await sync('--dry-run', ...template);
    expect([dry.code, await config()]).toEqual([0, before]);
    expect(dry.stdout).toMatch(
      /^--- ~\/\.aws\/config\n\+\+\+ ~\/\.aws\/config \(after sync\)\n@@ -\d+,\d+ \+\d+,\d+ @@\n/,
    );
    // Three lines of context around each change, as diff -u prints them.
    expect(dry.stdout).toContain(' # >>> sso-tray config sync [acme] >>>');
    const real = await sync('--diff', ...template);
    expect(real.code).toBe(0);
    expect(real.stdout).toBe(dry.stdout);
    const after = await config();
    expect(after).not.toBe(before);
    expect(applyPatch(before, dry.stdout)).toBe(after);
  });
});
