// What the command line leaves behind when it refuses or fails, and the way forward each refusal names.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loginToEmulator, runCli, useCliEmulator } from './support/cli-process.js';

const h = useCliEmulator();
const sso = (args: string[]) => runCli(h.sandbox, args);
const settingsSessions = async () =>
  (
    JSON.parse(await readFile(`${h.sandbox.paths.appDataDir}/settings.json`, 'utf8')) as {
      sessions: unknown[];
    }
  ).sessions;
const configText = async () =>
  existsSync(h.sandbox.paths.configFile) ? readFile(h.sandbox.paths.configFile, 'utf8') : '';

describe('a first sign-in that fails at once', () => {
  it.each([['--no-browser'], ['--device-code']])(
    'leaves no session behind (%s) and says which command to run',
    async (flow) => {
      const run = await sso([
        ...['login', '--start-url', 'https://unknown.awsapps.com/start', '--region', 'us-east-1'],
        ...[flow, '--no-browser'],
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        'sso-tray: Identity Center in us-east-1 does not recognise https://unknown.awsapps.com/start for unknown. ' +
          'Check the start URL and the region your Identity Center is in, then run ' +
          '`sso-tray login --start-url URL --region REGION --session NAME` with the right ones.\n',
      );
      // The emulator refused the start URL (RegisterClient's issuerUrl, or StartDeviceAuthorization's startUrl).
      expect(h.emu.calls({ status: 400 }).at(-1)?.errorType).toBe('InvalidRequestException');
      expect(await settingsSessions()).toEqual([]);
      expect(await configText()).not.toContain('unknown');
      const next = await sso(['accounts']);
      expect(next.stderr).toBe(
        'sso-tray: No Identity Center session is configured; add one with ' +
          '`sso-tray login --start-url URL --region REGION --session NAME`.\n',
      );
    },
  );
});

describe('sso-tray sessions remove', () => {
  it('removes a session from the settings and ~/.aws/config; an unknown one is refused', async () => {
    expect((await loginToEmulator(h.sandbox, h.emu, 'acme')).code).toBe(0);
    expect((await loginToEmulator(h.sandbox, h.emu, 'spare')).code).toBe(0);
    const several = await sso(['accounts']);
    expect(several.code).toBe(2);
    expect(several.stderr).toBe(
      'sso-tray: Several sessions are configured (acme, spare); name the one to use with --session NAME (or SSO_TRAY_SESSION).\n',
    );
    expect(await configText()).toContain('[sso-session spare]');
    const removed = await sso(['sessions', 'remove', 'spare']);
    expect(removed).toMatchObject({ code: 0, stderr: 'Removed session spare.\n' });
    expect(await configText()).not.toContain('spare');
    expect(await settingsSessions()).toEqual([expect.objectContaining({ name: 'acme' })]);
    const left = JSON.parse((await sso(['sessions', '--json'])).stdout) as Array<{ name: string }>;
    expect(left.map((s) => s.name)).toEqual(['acme']);
    const again = await sso(['sessions', 'remove', 'spare']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('sso-tray: There is no session named "spare"; the sessions are: acme.\n');
  });
});

describe('sso-tray sessions remove, with profiles signing in through the session', () => {
  it("refuses while a profile of the user's uses it, and removes the generated ones with it", async () => {
    expect((await loginToEmulator(h.sandbox, h.emu, 'shared')).code).toBe(0);
    expect((await sso(['config', 'sync', '--session', 'shared'])).code).toBe(0);
    const generated = (await configText()).match(/^\[profile [^\]]+\]$/gm) ?? [];
    expect(generated.length).toBeGreaterThan(1);
    await writeFile(
      h.sandbox.paths.configFile,
      `${await configText()}\n[profile mine]\nsso_session = shared\nsso_account_id = 111111111111\nsso_role_name = Dev\n`,
    );
    const before = await configText();
    const refused = await sso(['sessions', 'remove', 'shared']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'sso-tray: The session "shared" is still used by the profile mine in ~/.aws/config (outside the profiles config sync generates); ' +
        'remove it there or point it to another session, then remove the session.\n',
    );
    expect(await configText()).toBe(before);
    expect(await settingsSessions()).toContainEqual(expect.objectContaining({ name: 'shared' }));

    await writeFile(h.sandbox.paths.configFile, before.replace(/\n\[profile mine\][^]*$/, '\n'));
    const afterMine = await configText();
    const dryRun = await sso(['sessions', 'remove', 'shared', '--dry-run']);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stderr).toMatch(
      new RegExp(
        `^Would remove session shared and its ${generated.length} generated profiles \\(.+\\); run again without --dry-run to remove them\\.\n$`,
      ),
    );
    expect(await configText()).toBe(afterMine);

    const removed = await sso(['sessions', 'remove', 'shared']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toMatch(/^Removed session shared and its \d+ generated profiles \(.+\)\.\n$/);
    expect(await configText()).not.toMatch(/shared|sso-tray config sync/);
    const left = JSON.parse((await sso(['sessions', '--json'])).stdout) as Array<{ name: string }>;
    expect(left.map((s) => s.name)).not.toContain('shared');
  });
});

describe('sso-tray sessions remove, with profiles written by config-profile', () => {
  // SSO Tray keeps no record of what config-profile wrote, and the user may have edited it since: they are the
  // user's, so the removal names them and changes nothing (with or without --dry-run).
  it('refuses naming the SSO and the credential_process profile that use the session', async () => {
    expect((await loginToEmulator(h.sandbox, h.emu, 'kept')).code).toBe(0);
    const account = h.emu.organisation.accounts.find((a) => a.roles.length > 0)!;
    const role = account.roles[0]!;
    for (const extra of [
      ['--profile', 'kept-sso'],
      ['--profile', 'kept-process', '--credential-process'],
    ]) {
      const written = await sso(['config-profile', account.accountId, role, '--session', 'kept', ...extra]);
      expect(written.code, written.stderr).toBe(0);
    }
    expect(await configText()).toMatch(/^credential_process = .* process \d{12} \S+ --session kept$/m);
    const before = await configText();
    const sentence =
      'sso-tray: The session "kept" is still used by the profiles kept-sso, kept-process in ~/.aws/config (outside the profiles config sync generates); ' +
      'remove them there or point them to another session, then remove the session.\n';
    for (const args of [['--dry-run'], []]) {
      const refused = await sso(['sessions', 'remove', 'kept', ...args]);
      expect([refused.code, refused.stderr]).toEqual([2, sentence]);
    }
    expect(await configText()).toBe(before);
    expect(await settingsSessions()).toContainEqual(expect.objectContaining({ name: 'kept' }));

    // With the SSO profile gone, the credential_process one alone still holds the session.
    await writeFile(h.sandbox.paths.configFile, before.replace(/\[profile kept-sso\][^[]*/, ''));
    const alone = await sso(['sessions', 'remove', 'kept']);
    expect([alone.code, alone.stderr]).toEqual([
      2,
      'sso-tray: The session "kept" is still used by the profile kept-process in ~/.aws/config (outside the profiles config sync generates); ' +
        'remove it there or point it to another session, then remove the session.\n',
    ]);
    await writeFile(h.sandbox.paths.configFile, before.replace(/\[profile kept-(sso|process)\][^[]*/g, ''));
    expect(await sso(['sessions', 'remove', 'kept'])).toMatchObject({
      code: 0,
      stderr: 'Removed session kept.\n',
    });
  });
});

describe('a session Identity Center ended', () => {
  it('reads as ended in `sessions` right after `accounts` was told so', async () => {
    expect((await loginToEmulator(h.sandbox, h.emu, 'ending')).code).toBe(0);
    h.emu.revokeSessions();
    const accounts = await sso(['accounts', '--session', 'ending']);
    expect(accounts.code).toBe(3);
    expect(accounts.stderr).toContain('Your session for ending');
    const sessions = JSON.parse((await sso(['sessions', '--json'])).stdout) as Array<{
      name: string;
      state: string;
    }>;
    expect(sessions.find((s) => s.name === 'ending')?.state).toBe('expired');
    expect((await sso(['sessions', 'remove', 'ending'])).code).toBe(0);
    // Every sign-in to the emulator's start URL was revoked: the next tests' session signs in again.
    expect((await loginToEmulator(h.sandbox, h.emu, 'acme')).code).toBe(0);
  });
});

describe('refusals name the way forward', () => {
  it('a foreign profile: --overwrite to write it, --force to remove it', async () => {
    const account = h.emu.organisation.accounts[0]!;
    await writeFile(h.sandbox.paths.credentialsFile, '[mine]\naws_access_key_id = AKIAMINE\n', {
      mode: 0o600,
    });
    const write = await sso(['write', account.accountId, account.roles[0]!, '--profile', 'mine']);
    expect(write.code, write.stderr).toBe(2);
    expect(write.stderr).toBe(
      'sso-tray: The profile "mine" in ~/.aws/credentials was not written by SSO Tray; choose another --profile name, or add --overwrite to replace it.\n',
    );
    const remove = await sso(['remove', 'mine']);
    expect(remove.stderr).toBe(
      'sso-tray: The profile "mine" in ~/.aws/credentials was not written by SSO Tray; add --force to remove it anyway.\n',
    );
    expect(await readFile(h.sandbox.paths.credentialsFile, 'utf8')).toBe(
      '[mine]\naws_access_key_id = AKIAMINE\n',
    );
  });

  it('half of a new session: both --start-url and --region, with an example', async () => {
    const run = await sso(['login', '--start-url', 'https://acme.awsapps.com/start']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'sso-tray: Give both --start-url and --region to add a session, e.g. `sso-tray login --start-url https://acme.awsapps.com/start --region us-east-1`.\n',
    );
  });

  it('signed out: the login command for that session', async () => {
    await sso(['logout', '--session', 'acme']);
    const run = await sso(['accounts']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'sso-tray: You are not signed in to acme (us-east-1). Sign in first: run `sso-tray login --session acme`.\n',
    );
  });
});

describe('formats', () => {
  it('are case-insensitive as account and role names are', async () => {
    expect((await loginToEmulator(h.sandbox, h.emu, 'acme')).code).toBe(0);
    const account = h.emu.organisation.accounts[0]!;
    const upper = await sso([
      'creds',
      account.accountName.toUpperCase(),
      account.roles[0]!,
      '--format',
      'ENV',
    ]);
    expect(upper.code, upper.stderr).toBe(0);
    const lower = await sso(['creds', account.accountId, account.roles[0]!, '--format', 'env']);
    expect(upper.stdout).toBe(lower.stdout);
    expect(upper.stdout).toMatch(/^export AWS_ACCESS_KEY_ID=ASIA/);
  });
});
