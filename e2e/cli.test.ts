// The built `sso-tray` command as a user runs it: a separate process against the emulator, in a throwaway HOME.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromIni, fromProcess } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { runSsoTray, type CliRun as Run } from './support/cli-run.js';
import { formatCredentials, CREDENTIAL_FORMATS } from '../electron/core/role-credentials/formats.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'bin', 'sso-tray.js');

let emu: RunningEmulator;
let sandbox: Sandbox;

/** Runs the command; `onStderr` sees each chunk of stderr as it comes (to approve a sign-in, say). */
function sso(
  args: string[],
  options: { onStderr?: (text: string) => void; env?: Record<string, string> } = {},
): Promise<Run> {
  return runSsoTray(sandbox, args, options);
}

const ssoRun = (args: string[]) => sso(args);

async function login(extra: string[] = []): Promise<Run> {
  let approved = false;
  return sso(
    [
      'login',
      '--start-url',
      emu.startUrl,
      '--region',
      emu.region,
      '--session',
      'acme',
      '--no-browser',
      ...extra,
    ],
    {
      onStderr: (text) => {
        const url = /https?:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/.exec(text)?.[0];
        const code = /confirm the code (\S+)/.exec(text)?.[1];
        if (approved) return;
        if (url) {
          approved = true;
          void emu.approveAuthorization(url);
        } else if (code) {
          approved = true;
          void emu.approveDevice(code);
        }
      },
    },
  );
}

beforeAll(async () => {
  emu = await startEmulator();
  sandbox = await makeSandbox(emu.url);
});

afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

describe('sso-tray basics', () => {
  it('prints its version and documents exit codes in --help', async () => {
    const pkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as { version: string };
    expect((await sso(['--version'])).stdout).toBe(`${pkg.version}\n`);
    const help = await sso(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toContain('3    sign-in needed');
    const processHelp = await sso(['process', '--help']);
    expect(processHelp.stdout).toContain('credential_process = sso-tray process');
  });

  it('says how to start when no session exists', async () => {
    const run = await sso(['accounts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'sso-tray: No Identity Center session is configured; add one with `sso-tray login --start-url URL --region REGION --session NAME`.\n',
    );
  });

  it('rejects an unknown command with exit code 2', async () => {
    const run = await sso(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('sso-tray login and listing', () => {
  it('signs in with --no-browser (PKCE), printing the URL to open', async () => {
    const run = await login();
    expect(run.stderr).toContain('Open this URL in a browser to sign in:');
    expect(run.stderr).toMatch(
      /Signed in to acme \(us-east-1\); the sign-in expires in 7h 59m and renews itself\.\n$/,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('signs in with a device code, printing the code', async () => {
    const run = await login(['--device-code']);
    expect(run.stderr).toMatch(
      /To sign in, open http:\/\/127\.0\.0\.1:\d+\/device and confirm the code [A-Z]{4}-[A-Z]{4}/,
    );
    expect(run.code).toBe(0);
  });

  it('lists sessions, accounts and roles (table and JSON)', async () => {
    const sessions = await sso(['sessions']);
    expect(sessions.stdout.split('\n')[0]).toMatch(/^NAME\s+STATE\s+EXPIRES\s+REGION\s+START URL\s+FROM$/);
    expect(sessions.stdout).toMatch(
      /^acme\s+signed-in\s+in 7h 5\dm\s+us-east-1\s+https:\/\/d-0000000000\.awsapps\.com\/start\s+app$/m,
    );

    const accounts = JSON.parse((await sso(['accounts', '--json'])).stdout) as Array<{
      accountId: string;
      roles: string[];
    }>;
    const assigned = emu.organisation.accounts.filter((a) => a.roles.length > 0);
    expect(accounts.map((a) => a.accountId).sort()).toEqual(assigned.map((a) => a.accountId).sort());
    const table = (await sso(['accounts'])).stdout.split('\n');
    expect(table[0]).toMatch(/^ACCOUNT ID\s+NAME\s+E-MAIL\s+ROLES$/);
    expect(table).toHaveLength(assigned.length + 2);

    const account = emu.organisation.accounts[0]!;
    const byName = await sso(['roles', account.accountName]);
    const byId = await sso(['roles', account.accountId, '--json']);
    expect(byName.stdout).toBe(
      [...account.roles]
        .sort()
        .map((r) => `${r}\n`)
        .join(''),
    );
    expect(JSON.parse(byId.stdout)).toEqual([...account.roles].sort());
  });
});

describe('sso-tray credentials', () => {
  it('prints every format byte for byte as the core formats them', async () => {
    const account = emu.organisation.accounts[0]!;
    const role = account.roles[0]!;
    const processRun = await sso(['creds', account.accountId, role, '--format', 'process']);
    expect(processRun.code).toBe(0);
    const json = JSON.parse(processRun.stdout) as Record<string, string | number>;
    const credentials = {
      accessKeyId: String(json.AccessKeyId),
      secretAccessKey: String(json.SecretAccessKey),
      sessionToken: String(json.SessionToken),
      expiration: new Date(String(json.Expiration)),
      accountId: account.accountId,
      roleName: role,
    };
    for (const format of CREDENTIAL_FORMATS) {
      const run = await sso(['creds', account.accountName, role, '-f', format]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(
        formatCredentials(format, credentials, { profileName: `${account.accountId}_${role}` }),
      );
    }
    // One call to Identity Center for all of them: the rest came from the cache.
    expect(
      emu.calls({ api: 'GetRoleCredentials' }).filter((c) => c.accountId === account.accountId),
    ).toHaveLength(1);
  });

  it('refuses an unknown format, account or role with exit code 2 and what exists', async () => {
    const account = emu.organisation.accounts[0]!;
    const format = await sso(['creds', account.accountId, account.roles[0]!, '--format', 'yaml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe(
      `sso-tray: There is no format "yaml"; use one of: ${CREDENTIAL_FORMATS.join(', ')}.\n`,
    );
    const unknownAccount = await sso(['creds', 'no-such-account', 'ReadOnlyAccess']);
    expect(unknownAccount.code).toBe(2);
    expect(unknownAccount.stderr).toBe(
      'sso-tray: No account "no-such-account" is assigned to you; run `sso-tray accounts` to list them.\n',
    );
    const unknownRole = await sso(['creds', account.accountId, 'Wizard']);
    expect(unknownRole.code).toBe(2);
    expect(unknownRole.stderr).toBe(
      `sso-tray: You have no role "Wizard" in ${account.accountName} (${account.accountId}); the roles are: ${[...account.roles].sort().join(', ')}.\n`,
    );
    const unknownSession = await sso(['accounts', '--session', 'nope']);
    expect(unknownSession.code).toBe(2);
    expect(unknownSession.stderr).toBe(
      'sso-tray: There is no session named "nope"; the sessions are: acme.\n',
    );
  });

  it('writes a profile the JS SDK reads with fromIni', async () => {
    const account = emu.organisation.accounts[1]!;
    const run = await sso([
      'write',
      account.accountId,
      account.roles[0]!,
      '--profile',
      'cli-written',
      '--keep-fresh',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('cli-written\n');
    expect(run.stderr).toContain('It is kept fresh while the tray app or `sso-tray keep-fresh` runs.');
    const credentials = await fromIni({
      profile: 'cli-written',
      filepath: sandbox.paths.credentialsFile,
      configFilepath: sandbox.paths.configFile,
    })();
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    const profiles = JSON.parse((await sso(['profiles', '--json'])).stdout) as Array<{
      profile: string;
      keepFresh: boolean;
    }>;
    expect(profiles).toEqual([expect.objectContaining({ profile: 'cli-written', keepFresh: true })]);
  });

  it('serves credential_process for the JS SDK, from the cache without a call when still valid', async () => {
    const account = emu.organisation.accounts[2]!;
    const role = account.roles[0]!;
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} process ${account.accountId} ${role} --session acme`;
    await mkdir(path.dirname(sandbox.paths.configFile), { recursive: true });
    const config = await readFile(sandbox.paths.configFile, 'utf8');
    await writeFile(
      sandbox.paths.configFile,
      `${config}\n[profile via-process]\ncredential_process = ${command}\n`,
    );
    const saved = { ...process.env };
    Object.assign(process.env, childEnv(sandbox));
    try {
      const viaIni = await fromIni({ profile: 'via-process', ignoreCache: true })();
      expect(viaIni.accessKeyId).toMatch(/^ASIA/);
      expect(viaIni.expiration!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
      emu.clearCalls();
      const started = performance.now();
      const viaProcess = await fromProcess({ profile: 'via-process', ignoreCache: true })();
      const elapsed = performance.now() - started;
      expect(viaProcess.accessKeyId).toBe(viaIni.accessKeyId);
      expect(emu.calls()).toEqual([]);
      console.log(`credential_process from cache: ${elapsed.toFixed(0)} ms`);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});

describe('sso-tray config-profile', () => {
  it('adds an SSO profile and a credential_process profile that the JS SDK signs in with', async () => {
    const account = emu.organisation.accounts[4]!;
    const role = account.roles[0]!;
    const sso = await ssoRun([
      'config-profile',
      account.accountName,
      role,
      '--profile',
      'native',
      '--region',
      'eu-west-1',
    ]);
    expect(sso.code, sso.stderr).toBe(0);
    expect(sso.stderr).toBe('Added profile native to ~/.aws/config; use it with AWS_PROFILE=native.\n');
    const viaProcess = await ssoRun([
      'config-profile',
      account.accountId,
      role,
      '--profile',
      'piped',
      '--credential-process',
    ]);
    expect(viaProcess.code, viaProcess.stderr).toBe(0);
    const config = await readFile(sandbox.paths.configFile, 'utf8');
    expect(config).toContain(
      `[profile native]\nsso_session = acme\nsso_account_id = ${account.accountId}\nsso_role_name = ${role}\nregion = eu-west-1\n`,
    );
    expect(config).toMatch(
      new RegExp(
        `\\[profile piped\\]\\ncredential_process = .+ process ${account.accountId} ${role} --session acme\\n`,
      ),
    );
    const saved = { ...process.env };
    Object.assign(process.env, childEnv(sandbox));
    try {
      const native = await fromIni({ profile: 'native', ignoreCache: true })();
      const piped = await fromIni({ profile: 'piped', ignoreCache: true })();
      expect(native.accessKeyId).toMatch(/^ASIA/);
      expect(piped.accessKeyId).toMatch(/^ASIA/);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});

describe('sso-tray profiles, remove and sessions --json', () => {
  it('lists the profiles it wrote and removes one; a foreign profile needs --force', async () => {
    const account = emu.organisation.accounts[5]!;
    await sso(['write', account.accountId, account.roles[0]!, '--profile', 'short-lived']);
    const table = (await sso(['profiles'])).stdout.split('\n');
    expect(table[0]).toMatch(/^PROFILE\s+SESSION\s+ACCOUNT ID\s+ROLE\s+EXPIRES\s+KEEP FRESH$/);
    expect(table).toEqual(
      expect.arrayContaining([expect.stringMatching(/^short-lived\s+acme\s+\d{12}\s+\S+\s+in 59m\s+no$/)]),
    );
    const removed = await sso(['remove', 'short-lived']);
    expect(removed.stderr).toBe('Removed profile short-lived.\n');
    expect(await readFile(sandbox.paths.credentialsFile, 'utf8')).not.toContain('[short-lived]');

    await writeFile(
      sandbox.paths.credentialsFile,
      `${await readFile(sandbox.paths.credentialsFile, 'utf8')}\n[mine]\naws_access_key_id = AKIAMINE\n`,
    );
    const refused = await sso(['remove', 'mine']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^sso-tray: The profile "mine" .*was not written by SSO Tray/);
    expect(await readFile(sandbox.paths.credentialsFile, 'utf8')).toContain(
      '[mine]\naws_access_key_id = AKIAMINE\n',
    );
  });

  it('prints sessions as JSON without any secret', async () => {
    const run = await sso(['sessions', '--json']);
    const sessions = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(sessions).toEqual([
      expect.objectContaining({ name: 'acme', state: 'signed-in', renewable: true }),
    ]);
    expect(run.stdout).not.toMatch(/aoa|aor|accessToken|refreshToken|clientSecret/);
  });
});

describe('sso-tray logout and the sign-in-needed path', () => {
  it('logs out, removing its profiles, and credential_process then exits 3 with one line', async () => {
    const account = emu.organisation.accounts[3]!;
    const logout = await sso(['logout', '--session', 'acme']);
    expect(logout.code).toBe(0);
    expect(logout.stderr).toBe('Signed out of acme. Removed profiles: cli-written.\n');
    const all = await sso(['logout', '--all']);
    expect(all.stderr).toBe('No session was signed in.\n');
    const run = await sso(['process', account.accountId, account.roles[0]!, '--session', 'acme']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'sso-tray: You are not signed in to acme (us-east-1). Sign in first: run `sso-tray login --session acme`.\n',
    );
  });
});

describe('sso-tray keep-fresh', () => {
  it('rewrites a kept-fresh profile that is due, and stops cleanly on SIGTERM', async () => {
    // Credentials that live exactly the 15-minute window: due for a rewrite as soon as keep-fresh starts.
    const shortEmu = await startEmulator({ lifetimes: { roleCredentialSeconds: 15 * 60 } });
    const own = await makeSandbox(shortEmu.url);
    const run = (args: string[], onStderr?: (text: string) => void) =>
      runSsoTray(own, args, onStderr ? { onStderr } : {});
    try {
      let approved = false;
      const login = await run(
        [
          'login',
          '--start-url',
          shortEmu.startUrl,
          '--region',
          shortEmu.region,
          '--session',
          'short',
          '--no-browser',
        ],
        (text) => {
          const url = /https?:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/.exec(text)?.[0];
          if (url && !approved) {
            approved = true;
            void shortEmu.approveAuthorization(url);
          }
        },
      );
      expect(login.code, login.stderr).toBe(0);
      const account = shortEmu.organisation.accounts[0]!;
      expect(
        (await run(['write', account.accountId, account.roles[0]!, '--profile', 'kf', '--keep-fresh'])).code,
      ).toBe(0);
      const before = await readFile(own.paths.credentialsFile, 'utf8');

      const child = spawn(process.execPath, [bin, 'keep-fresh'], {
        env: childEnv(own),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const rewritten = new Promise<void>((resolve) =>
        child.stderr.on('data', (c: Buffer) => {
          stderr += c.toString();
          if (/rewrote kf \(valid until /.test(stderr)) resolve();
        }),
      );
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      await rewritten;
      expect(stderr).toMatch(/^Keeping fresh: kf\. Press Ctrl-C to stop\.\n/);
      child.kill('SIGTERM');
      expect(await closed).toBe(0);
      const after = await readFile(own.paths.credentialsFile, 'utf8');
      expect(after).not.toBe(before);
      expect(after).toMatch(/\[kf\]\naws_access_key_id = ASIA/);
    } finally {
      await shortEmu.close();
      await own.cleanup();
    }
  });
});
