// The built `sso-tray` command at its edges: identifiers refused with AWS's rule before anything runs, a
// credential_process line that works from any shell, a refusal that changes nothing, a sign-out that leaves no
// cached credentials answering, file-system errors that name the file and the fix, and progress on a terminal.
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fromProcess } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { runCli } from '../electron/cli/program.js';
import { bin, startProgram, type CliRun } from './support/cli-process.js';

let emu: RunningEmulator;
let sandbox: Sandbox;

// What these tests compare: the exit code and the two streams.
const exitAndOutput = ({ code, stdout, stderr }: CliRun) => ({ code, stdout, stderr });

const approved = new Set<string>();

/** The built command; a sign-in it prints is approved as a user would. */
const sso = (args: string[], env: Record<string, string> = {}, box: Sandbox = sandbox) =>
  startProgram(process.execPath, [bin, ...args], {
    env: childEnv(box, env),
    onStderr: (stderr) => {
      const url = /https?:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/.exec(stderr)?.[0];
      if (url && !approved.has(url)) {
        approved.add(url);
        void emu.approveAuthorization(url);
      }
    },
  }).done.then(exitAndOutput);

const shell = (command: string, cwd: string, env: Record<string, string>) =>
  startProgram('/bin/sh', ['-c', command], { env, cwd }).done.then(exitAndOutput);

const login = () =>
  sso(['login', '--start-url', emu.startUrl, '--region', emu.region, '--session', 'acme', '--no-browser']);

/** The AWS CLI's name for a role's cached credentials (sha1 of botocore's sorted, compact JSON: docs/aws-files-and-protocols.md). */
function cliCacheName(
  accountId: string,
  roleName: string,
  form: { sessionName: string } | { startUrl: string },
) {
  const [key, value] = Object.entries(form)[0]!;
  const json = `{"accountId":${JSON.stringify(accountId)},"roleName":${JSON.stringify(roleName)},"${key}":${JSON.stringify(value)}}`;
  return `${createHash('sha1').update(json).digest('hex')}.json`;
}

async function cliCacheEntry(name: string): Promise<void> {
  const dir = path.join(sandbox.home, '.aws', 'cli', 'cache');
  await mkdir(dir, { recursive: true });
  const expiration = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const body = {
    ProviderType: 'sso',
    Credentials: {
      AccessKeyId: 'ASIACACHED',
      SecretAccessKey: 's',
      SessionToken: 't',
      Expiration: expiration,
    },
  };
  await writeFile(path.join(dir, name), JSON.stringify(body), { mode: 0o600 });
}

const cliCache = async () =>
  (await readdir(path.join(sandbox.home, '.aws', 'cli', 'cache')).catch(() => [])).sort();

beforeAll(async () => {
  emu = await startEmulator();
  sandbox = await makeSandbox(emu.url);
});

afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

describe('identifiers on the command line (item 1)', () => {
  const ROLE_RULE = 'must be 1 to 64 letters, digits or + = , . @ _ - (the IAM role name rule)';
  const NAME_RULE =
    'must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor")';
  const cases: Array<[string[], string]> = [
    [
      ['creds', '111122223333', 'Admin$(touch PWNED)'],
      `The role name "Admin$(touch PWNED)" cannot be used: it ${ROLE_RULE}.`,
    ],
    [['creds', '12345', 'Admin'], 'The account ID "12345" cannot be used: it must be exactly 12 digits.'],
    [
      ['accounts', '--session', 'constructor'],
      'The session name "constructor" is a word the AWS SDKs cannot read as a name; choose another session name.',
    ],
    [
      ['config-profile', '111122223333', 'Admin', '--profile', 'my profile'],
      `The profile name "my profile" cannot be used: it ${NAME_RULE}.`,
    ],
    [
      ['config-profile', '111122223333', 'Admin', '--profile', 'p', '--region', 'us east 1'],
      'The region "us east 1" cannot be used: it must be an AWS region code such as us-east-1.',
    ],
    [
      ['login', '--start-url', 'http://acme.awsapps.com/start', '--region', 'us-east-1'],
      'The start URL "http://acme.awsapps.com/start" cannot be used: it must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start.',
    ],
    [
      ['remove', '__proto__'],
      'The profile name "__proto__" is a word the AWS SDKs cannot read as a name; choose another profile name.',
    ],
  ];
  it.each(cases)('sso-tray %j exits 2 with the rule, before anything runs', async (args, sentence) => {
    const run = await sso(args);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `sso-tray: ${sentence}\n` });
    expect(await readdir(sandbox.home)).toEqual([]); // nothing written: no settings, no ~/.aws
  });
});

describe('a file-system error names the file and the fix (item 5)', () => {
  it('~/.aws being a file: one sentence, exit 1, no session left behind; SSO_TRAY_DEBUG=1 adds the cause', async () => {
    const own = await makeSandbox(emu.url);
    try {
      await writeFile(path.join(own.home, '.aws'), 'not a folder');
      const args = [
        'login',
        '--start-url',
        emu.startUrl,
        '--region',
        emu.region,
        '--session',
        'x',
        '--no-browser',
      ];
      const run = await sso(args, {}, own);
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'sso-tray: ~/.aws/config cannot be reached: a part of its path is a file, not a folder; move that file out of the way.\n',
      });
      expect(JSON.parse((await sso(['sessions', '--json'], {}, own)).stdout)).toEqual([]);
      const debug = await sso(args, { SSO_TRAY_DEBUG: '1' }, own);
      expect(debug.stderr).toMatch(
        /^sso-tray: ~\/\.aws\/config cannot be reached: .+\ncause: Error: ENOTDIR: not a directory, /,
      );
    } finally {
      await own.cleanup();
    }
  });
});

describe('signed in', () => {
  beforeAll(async () => {
    const run = await login();
    expect(run.code, run.stderr).toBe(0);
  });

  it('says on stderr that it tightened a 0644 credentials file (item 5)', async () => {
    const account = emu.organisation.accounts[0]!;
    await mkdir(path.dirname(sandbox.paths.credentialsFile), { recursive: true });
    await writeFile(sandbox.paths.credentialsFile, '[mine]\naws_access_key_id = AKIAMINE\n', { mode: 0o644 });
    await chmod(sandbox.paths.credentialsFile, 0o644);
    const run = await sso(['write', account.accountId, account.roles[0]!, '--profile', 'tightened']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe(
      'sso-tray: ~/.aws/credentials was readable or writable by other users (mode 0644); SSO Tray set it to 0600, as the AWS CLI expects.',
    );
    expect((await stat(sandbox.paths.credentialsFile)).mode & 0o777).toBe(0o600);
  });

  it('writes a credential_process line that runs from any shell, any folder and a bare PATH (item 2)', async () => {
    const account = emu.organisation.accounts[1]!;
    const role = account.roles[0]!;
    // Inside npx, PATH finds `sso-tray`; the line written there must not depend on it.
    const npxBin = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-npx-'));
    await symlink(bin, path.join(npxBin, 'sso-tray'));
    const written = await sso(
      ['config-profile', account.accountId, role, '--profile', 'piped', '--credential-process'],
      { PATH: `${npxBin}${path.delimiter}${process.env.PATH ?? ''}` },
    );
    expect(written.code, written.stderr).toBe(0);
    const config = await readFile(sandbox.paths.configFile, 'utf8');
    const command = /\[profile piped\]\ncredential_process = (.+)\n/.exec(config)?.[1];
    expect(command).toBe(`${process.execPath} ${bin} process ${account.accountId} ${role} --session acme`);

    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-elsewhere-'));
    // Asynchronously: the emulator answering it lives in this very process.
    const viaShell = await shell(command!, elsewhere, { ...sandbox.env, PATH: '/nonexistent' });
    expect(viaShell.code, viaShell.stderr).toBe(0);
    expect(JSON.parse(viaShell.stdout)).toMatchObject({
      Version: 1,
      AccessKeyId: expect.stringMatching(/^ASIA/),
    });

    const saved = { ...process.env };
    const cwd = process.cwd();
    Object.assign(process.env, sandbox.env, { PATH: '/nonexistent' });
    process.chdir(elsewhere);
    try {
      const credentials = await fromProcess({ profile: 'piped', ignoreCache: true })();
      expect(credentials.accessKeyId).toMatch(/^ASIA/);
    } finally {
      process.chdir(cwd);
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      await rm(npxBin, { recursive: true });
      await rm(elsewhere, { recursive: true });
    }
  });

  it('a refused config-profile leaves ~/.aws/config byte for byte as it was (item 3)', async () => {
    const account = emu.organisation.accounts[2]!;
    // The user's own file (a Latin-1 comment): no [sso-session acme] yet, and a profile "taken" of their own.
    const original = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n[profile taken]\nregion = eu-west-1\noutput = json\n'),
    ]);
    await writeFile(sandbox.paths.configFile, original);
    const run = await sso(['config-profile', account.accountId, account.roles[0]!, '--profile', 'taken']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'sso-tray: The profile "taken" in ~/.aws/config already exists with other settings; choose another --profile name, or add --overwrite to replace it.\n',
    );
    expect((await readFile(sandbox.paths.configFile)).equals(original)).toBe(true);
  });

  it('answers credential_process only while the session has a valid token (item 12)', async () => {
    const account = emu.organisation.accounts[3]!;
    const role = account.roles[0]!;
    const first = await sso(['process', account.accountId, role, '--session', 'acme']);
    expect(first.code, first.stderr).toBe(0);
    expect(await cliCache()).toContain(cliCacheName(account.accountId, role, { sessionName: 'acme' }));
    // The token goes (another program signed out, or it was deleted); the role credentials are still cached.
    const tokenFile = path.join(
      sandbox.paths.ssoCacheDir,
      `${createHash('sha1').update('acme').digest('hex')}.json`,
    );
    const token = await readFile(tokenFile);
    await rm(tokenFile);
    try {
      const run = await sso(['process', account.accountId, role, '--session', 'acme']);
      expect(run).toEqual({
        code: 3,
        stdout: '',
        stderr:
          'sso-tray: You are not signed in to acme (us-east-1). Sign in first: run `sso-tray login --session acme`.\n',
      });
    } finally {
      await writeFile(tokenFile, token, { mode: 0o600 });
    }
  });

  it('logout removes every role credential the AWS CLI cached for the session, and nothing of it answers (item 12)', async () => {
    const [a, b, c] = emu.organisation.accounts;
    await sso(['creds', a!.accountId, a!.roles[0]!, '--format', 'process']);
    // What the AWS CLI cached itself: a profile of the user's on [sso-session acme] with a role the listing lacks,
    // and a legacy profile on the same start URL; another session's entry must stay.
    await writeFile(
      sandbox.paths.configFile,
      `[profile by-hand]\nsso_session = acme\nsso_account_id = ${b!.accountId}\nsso_role_name = HandMadeRole\n`,
    );
    const ours = [
      cliCacheName(a!.accountId, a!.roles[0]!, { sessionName: 'acme' }),
      cliCacheName(b!.accountId, 'HandMadeRole', { sessionName: 'acme' }),
      cliCacheName(c!.accountId, c!.roles[0]!, { startUrl: emu.startUrl }),
    ];
    const theirs = cliCacheName(a!.accountId, a!.roles[0]!, { sessionName: 'other' });
    for (const name of [...ours.slice(1), theirs]) await cliCacheEntry(name);
    expect(await cliCache()).toEqual(expect.arrayContaining([...ours, theirs]));

    const logout = await sso(['logout', '--session', 'acme']);
    expect(logout.code, logout.stderr).toBe(0);
    const left = await cliCache();
    for (const name of ours) expect(left).not.toContain(name);
    expect(left).toContain(theirs);

    for (const [accountId, roleName] of [
      [a!.accountId, a!.roles[0]!],
      [b!.accountId, 'HandMadeRole'],
    ]) {
      const run = await sso(['process', accountId!, roleName!, '--session', 'acme']);
      expect(run).toEqual({
        code: 3,
        stdout: '',
        stderr:
          'sso-tray: You are not signed in to acme (us-east-1). Sign in first: run `sso-tray login --session acme`.\n',
      });
    }
  });
});

describe('progress on a terminal (item 15)', () => {
  const terminal = () => {
    const err: string[] = [];
    return { io: { out: () => undefined, err: (t: string) => void err.push(t), interactive: true }, err };
  };

  beforeAll(async () => {
    const run = await login();
    expect(run.code, run.stderr).toBe(0);
  });

  // `creds` by name no longer lists every role (ListAccounts pages until the name, then one call); the
  // listing that does count up is `accounts`'.
  it('`accounts` counts the listing up on a terminal, then clears its line', async () => {
    await rm(path.join(sandbox.env.SSO_TRAY_DATA_DIR!, 'accounts'), { recursive: true, force: true });
    for (const args of [['accounts']]) {
      const { io, err } = terminal();
      expect(await runCli([...args, '--session', 'acme'], childEnv(sandbox), io, '0.0.0')).toBe(0);
      // The line counts up to every account assigned to the user, then clears itself.
      const done = err.filter((line) => /^\sListing roles: (\d+) of \1 accounts…/.test(line));
      expect(done).toHaveLength(1);
      expect(done[0]!.startsWith('\r')).toBe(true);
      expect(err.at(-1)).toBe('\r\x1b[K');
    }
  });

  it('a slow call says after about 2 s that it is waiting for Identity Center', async () => {
    const account = emu.organisation.accounts[5]!;
    emu.setLatency('GetRoleCredentials', 2_600);
    try {
      const { io, err } = terminal();
      const args = ['creds', account.accountId, account.roles[1] ?? account.roles[0]!, '--session', 'acme'];
      expect(await runCli(args, childEnv(sandbox), io, '0.0.0')).toBe(0);
      expect(err.join('')).toContain('\rWaiting for Identity Center to answer… (Ctrl-C to stop)\x1b[K');
      expect(err.at(-1)).toBe('\r\x1b[K');
    } finally {
      emu.setLatency('GetRoleCredentials', 0);
    }
  });
});
