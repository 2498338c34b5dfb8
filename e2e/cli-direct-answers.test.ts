// The first answer after sign-in, as the emulator sees it: an account id goes straight to GetRoleCredentials, a name
// costs ListAccounts pages until it appears (or nothing, with a cached listing of any age), and no role is listed.
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'bin', 'sso-tray.js');
const PORTAL_APIS = new Set(['ListAccounts', 'ListAccountRoles', 'GetRoleCredentials']);

let emu: RunningEmulator;
let sandbox: Sandbox;

const counter = path.join(repo, 'scripts', 'bench', 'count-modules.mjs');

function sso(args: string[], onStderr?: (text: string) => void, nodeArgs: string[] = []) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, bin, ...args], {
      env: childEnv(sandbox),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The portal calls since the last clearCalls, in order: "Api accountId/roleName". */
const portalCalls = () =>
  emu
    .calls()
    .filter((c) => PORTAL_APIS.has(c.api))
    .map((c) => [c.api, c.accountId, c.roleName].filter(Boolean).join(' '));

beforeAll(async () => {
  // 250 accounts: three ListAccounts pages of 100.
  emu = await startEmulator({ accounts: 250 });
  sandbox = await makeSandbox(emu.url);
  let approved = false;
  const login = await sso(
    ['login', '--start-url', emu.startUrl, '--region', emu.region, '--session', 'acme', '--no-browser'],
    (text) => {
      const url = /https?:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/.exec(text)?.[0];
      if (url && !approved) {
        approved = true;
        void emu.approveAuthorization(url);
      }
    },
  );
  if (login.code !== 0) throw new Error(login.stderr);
});

afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

// Each test starts right after sign-in: no listing on disk.
beforeEach(async () => {
  await removeListings();
  emu.clearCalls();
});

describe('credentials for an account id and a role name', () => {
  it('makes one GetRoleCredentials call and nothing else', async () => {
    const account = emu.organisation.accounts[7]!;
    const role = account.roles[0]!;
    const run = await sso(['creds', account.accountId, role]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('export AWS_ACCESS_KEY_ID=ASIA');
    expect(portalCalls()).toEqual([`GetRoleCredentials ${account.accountId} ${role}`]);
  });

  it('writes a profile with one GetRoleCredentials call and nothing else', async () => {
    const account = emu.organisation.accounts[8]!;
    const role = account.roles[0]!;
    const run = await sso(['write', account.accountId, role, '--profile', 'direct']);
    expect(run.code, run.stderr).toBe(0);
    expect(portalCalls()).toEqual([`GetRoleCredentials ${account.accountId} ${role}`]);
  });

  it('answers credential_process for an id with one GetRoleCredentials call', async () => {
    const account = emu.organisation.accounts[9]!;
    const role = account.roles[0]!;
    const run = await sso(['process', account.accountId, role]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(portalCalls()).toEqual([`GetRoleCredentials ${account.accountId} ${role}`]);
  });

  it('says which roles exist after a wrong guess, as before', async () => {
    const account = emu.organisation.accounts[10]!;
    const run = await sso(['creds', account.accountId, 'Wizard']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `sso-tray: You have no role "Wizard" in ${account.accountName} (${account.accountId}); the roles are: ${[...account.roles].sort().join(', ')}.\n`,
    );
    expect(portalCalls()[0]).toBe(`GetRoleCredentials ${account.accountId} Wizard`);
  });
});

describe("one account's roles", () => {
  it('lists them with one ListAccountRoles call, for an id or a name from the cached listing', async () => {
    const account = emu.organisation.accounts[12]!;
    const run = await sso(['roles', account.accountId]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [...account.roles]
        .sort()
        .map((r) => `${r}\n`)
        .join(''),
    );
    expect(portalCalls()).toEqual([`ListAccountRoles ${account.accountId}`]);
  });
});

describe('credentials for an account name', () => {
  it('reads ListAccounts pages only until the name appears, then makes one GetRoleCredentials call', async () => {
    const account = emu.organisation.accounts[150]!;
    const role = account.roles[0]!;
    const run = await sso(['creds', account.accountName, role]);
    expect(run.code, run.stderr).toBe(0);
    expect(portalCalls()).toEqual([
      'ListAccounts',
      'ListAccounts',
      `GetRoleCredentials ${account.accountId} ${role}`,
    ]);
  });

  it('uses a cached listing of any age, making one GetRoleCredentials call', async () => {
    const listed = await sso(['accounts', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    await ageListings(2 * 24 * 3600_000);
    emu.clearCalls();
    const account = emu.organisation.accounts[200]!;
    const role = account.roles[0]!;
    const run = await sso(['creds', account.accountName.toUpperCase(), role.toLowerCase()]);
    expect(run.code, run.stderr).toBe(0);
    expect(portalCalls()).toEqual([`GetRoleCredentials ${account.accountId} ${role}`]);
  });

  it('names similar accounts when none matches, after reading every ListAccounts page and no role', async () => {
    const run = await sso(['creds', 'no-such-account', 'ReadOnlyAccess']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'sso-tray: No account "no-such-account" is assigned to you; run `sso-tray accounts` to list them.\n',
    );
    expect(portalCalls()).toEqual(['ListAccounts', 'ListAccounts', 'ListAccounts']);
  });
});

describe('start-up loads only what a command uses', () => {
  /** The modules a run loaded, counted by Node's module hooks (scripts/bench/count-modules.mjs). */
  async function modulesOf(args: string[]) {
    const run = await sso(args, undefined, ['--import', counter]);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(/MODULES (\{.*\})/.exec(run.stderr)![1]!) as {
      total: number;
      zod: number;
      sdk: number;
      packages: number;
      /** The files of the built program (dist/electron/cli/) it read. */
      program: string[];
    };
  }

  it('prints --version and --help without zod or the AWS SDK', async () => {
    expect(await modulesOf(['--version'])).toMatchObject({ zod: 0, sdk: 0 });
    expect(await modulesOf(['--help'])).toMatchObject({ zod: 0, sdk: 0 });
  });

  it('answers a warm `process` from the cache without the SDK, with or without --session', async () => {
    const account = emu.organisation.accounts[11]!;
    const role = account.roles[0]!;
    expect((await sso(['creds', account.accountId, role])).code).toBe(0);
    emu.clearCalls();
    // Nothing of the program either: zod is inside its bundle, where the counter cannot tell it apart.
    expect(await modulesOf(['process', account.accountId, role, '--session', 'acme'])).toMatchObject({
      sdk: 0,
      zod: 0,
      program: [],
    });
    expect(await modulesOf(['process', account.accountId, role])).toMatchObject({
      sdk: 0,
      zod: 0,
      program: [],
    });
    expect(portalCalls()).toEqual([]);
  });

  it('keeps the warm `process` answer for a settings.json the previous version wrote, once read, not rewritten', async () => {
    const account = emu.organisation.accounts[12]!;
    const role = account.roles[0]!;
    expect((await sso(['creds', account.accountId, role])).code).toBe(0);
    const file = path.join(sandbox.paths.appDataDir, 'settings.json');
    const current = await readFile(file, 'utf8');
    // Version 2 differs only in its template's text, which a `process` answer never reads.
    const settings = JSON.parse(current) as Record<string, unknown>;
    await writeFile(
      file,
      JSON.stringify({ ...settings, version: 2, profileNameTemplate: '{accountId} {roleName}' }),
    );
    const older = await readFile(file, 'utf8');
    emu.clearCalls();
    // A text no SSO Tray here has read yet is the program's once (electron/core/settings/settings-checked.ts): it
    // reads it, without rewriting it, and from then on the quick answer takes it.
    expect(await modulesOf(['process', account.accountId, role])).toMatchObject({ sdk: 0 });
    expect(await modulesOf(['process', account.accountId, role])).toMatchObject({ sdk: 0, zod: 0 });
    expect(portalCalls()).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(older);
    await writeFile(file, current);
  });

  it("answers a warm `process` byte for byte as the core's credentials:process does", async () => {
    const account = emu.organisation.accounts[13]!;
    const role = account.roles[0]!;
    expect((await sso(['creds', account.accountId, role])).code).toBe(0);
    expect((await sso(['accounts', '--json'])).code).toBe(0);
    const warm = await sso(['process', account.accountId, role]);
    // A name is looked up in the listing: the door's `credentials:process` answers, not the cached-process channel.
    const throughDoor = await sso(['process', account.accountName, role]);
    const printed = await sso(['creds', account.accountId, role, '--format', 'process']);
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.stdout).toMatch(/^\{\n {2}"Version": 1,\n/);
    expect(throughDoor.stdout).toBe(warm.stdout);
    expect(printed.stdout).toBe(warm.stdout);
  });

  it('lists sessions, cached accounts and warm credentials without the AWS SDK', async () => {
    const account = emu.organisation.accounts[12]!;
    const role = account.roles[0]!;
    expect((await sso(['creds', account.accountId, role])).code).toBe(0);
    expect((await sso(['accounts', '--json'])).code).toBe(0);
    emu.clearCalls();
    const figures = {
      sessions: await modulesOf(['sessions']),
      cached: await modulesOf(['accounts', '--cached']),
      creds: await modulesOf(['creds', account.accountId, role]),
    };
    // The program is one bundle (scripts/build-cli-program.mjs): no package's module and no file tsc built per source.
    const bundled = { sdk: 0, packages: 0, program: ['output.js', 'program-bundle.cjs', 'program.js'] };
    expect(figures).toMatchObject({ sessions: bundled, cached: bundled, creds: bundled });
    expect(portalCalls()).toEqual([]);
  });

  it("loads the AWS SDK's portal client, as its one bundle, for a command that calls Identity Center", async () => {
    const account = emu.organisation.accounts[14]!;
    const roles = await modulesOf(['roles', account.accountId]);
    expect(roles).toMatchObject({ sdk: 1, packages: 0 });
    expect(roles.program).toEqual(['output.js', 'program-bundle.cjs', 'program.js', 'sdk/client-sso.cjs']);
    expect(portalCalls()).toEqual([`ListAccountRoles ${account.accountId}`]);
  });
});

const listingDir = () => path.join(sandbox.env.SSO_TRAY_DATA_DIR!, 'accounts');

async function removeListings(): Promise<void> {
  await rm(listingDir(), { recursive: true, force: true });
}

async function ageListings(ms: number): Promise<void> {
  for (const file of await readdir(listingDir())) {
    const full = path.join(listingDir(), file);
    const listing = JSON.parse(await readFile(full, 'utf8')) as { fetchedAt: string };
    listing.fetchedAt = new Date(Date.now() - ms).toISOString();
    await writeFile(full, JSON.stringify(listing));
  }
}
