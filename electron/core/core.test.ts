// The core end to end against the emulator: what a user of the tray or the CLI sees, with the real SDK clients.
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../e2e/identity-center/emulator.js';
import { startCoreHarness, type CoreHarness } from '../../e2e/support/core-harness.js';
import type { Sandbox } from '../../e2e/support/sandbox.js';
import type { CoreOptions } from './assembly/shared-parts.js';
import type { SsoTrayCore } from './core.js';
import { isSsoTrayError } from './errors.js';
import { SettingsFile } from './settings/settings-file.js';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

let h: CoreHarness;
let emu: RunningEmulator;
let sandbox: Sandbox;
let core: SsoTrayCore;

async function begin(options: Parameters<typeof startCoreHarness>[0] = {}): Promise<void> {
  h = await startCoreHarness(options);
  ({ emu, sandbox, core } = h);
}

const newCore = (extra: Partial<CoreOptions> = {}) => h.newCore(extra);

/** The accounts the user has at least one role in: the only ones the portal lists. */
function assigned() {
  return emu.organisation.accounts.filter((a) => a.roles.length > 0);
}

async function signedInCore(): Promise<SsoTrayCore> {
  await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
  await core.signIn('acme', 'browser');
  return core;
}

beforeEach(() => begin());

afterEach(() => h.close());

describe('signing in', () => {
  it('signs in with the browser (PKCE) and shares the token with the AWS CLI', async () => {
    const events: string[] = [];
    core.on('session-changed', (view) => events.push(view.state));
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    const view = await core.signIn('acme', 'browser');

    expect(view).toMatchObject({ name: 'acme', state: 'signed-in', renewable: true, region: 'us-east-1' });
    expect(events).toEqual(['signing-in', 'signed-in']);
    const tokenFile = path.join(sandbox.paths.ssoCacheDir, `${sha1('acme')}.json`);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const cached = JSON.parse(await readFile(tokenFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(cached)).toEqual([
      'startUrl',
      'region',
      'accessToken',
      'expiresAt',
      'clientId',
      'clientSecret',
      'registrationExpiresAt',
      'refreshToken',
    ]);
    expect(cached.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The AWS CLI needs the [sso-session] to use the sign-in.
    const config = await readFile(sandbox.paths.configFile, 'utf8');
    expect(config).toContain('[sso-session acme]');
    expect(config).toContain(`sso_start_url = ${emu.startUrl}`);
    expect(emu.calls({ api: 'CreateToken' }).map((c) => c.grantType)).toEqual(['authorization_code']);
  });

  it('signs in with a device code, announcing the code and the countdown', async () => {
    core = newCore({ openBrowser: undefined });
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    const steps: string[] = [];
    core.on('sign-in-progress', ({ progress }) => {
      steps.push(progress.step);
      if (progress.step === 'device-code') void emu.approveDevice(progress.userCode);
    });
    const view = await core.signIn('acme', 'device-code');
    expect(view.state).toBe('signed-in');
    expect(steps).toContain('device-code');
    expect(emu.calls({ api: 'CreateToken', status: 200 }).map((c) => c.grantType)).toEqual([
      'urn:ietf:params:oauth:grant-type:device_code',
    ]);
  });

  it('picks up a sign-in another process made (a second app instance, or `aws sso login`) without signing in', async () => {
    await signedInCore();
    const second = newCore({ openBrowser: async () => Promise.reject(new Error('must not open a browser')) });
    await second.start();
    expect(second.sessions().find((s) => s.name === 'acme')?.state).toBe('signed-in');
    const listing = await second.accounts('acme');
    expect(listing.accounts.length).toBe(assigned().length);
    second.dispose();
  });

  it('reads a token the AWS CLI wrote with an older `…UTC` expiry for an [sso-session] of ~/.aws/config', async () => {
    await signedInCore();
    const tokenFile = path.join(sandbox.paths.ssoCacheDir, `${sha1('acme')}.json`);
    const cached = JSON.parse(await readFile(tokenFile, 'utf8')) as Record<string, string>;
    await writeFile(
      tokenFile,
      JSON.stringify({ ...cached, expiresAt: cached.expiresAt!.replace('Z', 'UTC') }),
    );
    // Only ~/.aws/config knows the session now, as after `aws configure sso` and `aws sso login`.
    await new SettingsFile(sandbox.paths.appDataDir).update((s) => ({ ...s, sessions: [] }));
    const fresh = newCore();
    await fresh.start();
    expect(fresh.sessions()).toEqual([
      expect.objectContaining({ name: 'acme', state: 'signed-in', source: 'sso-session' }),
    ]);
    fresh.dispose();
  });

  it('says so when Identity Center in the region does not know the start URL (a wrong URL or region)', async () => {
    await core.addSession({
      name: 'acme',
      startUrl: 'https://d-9999999999.awsapps.com/start',
      region: 'eu-west-1',
    });
    const refusal = {
      message:
        'Identity Center in eu-west-1 does not recognise https://d-9999999999.awsapps.com/start for acme.',
      next: { do: 'check-start-url', session: 'acme' },
    };
    await expect(core.signIn('acme', 'browser')).rejects.toMatchObject(refusal);
    await expect(core.signIn('acme', 'device-code')).rejects.toMatchObject(refusal);
    expect(core.sessions()[0]?.state).toBe('signed-out');
  });

  it('keeps several sessions at once', async () => {
    await h.close();
    await begin({
      emulator: {
        directories: [
          {
            startUrl: 'https://globex.awsapps.com/start',
            region: 'eu-west-1',
            organisation: {
              accounts: [
                {
                  accountId: '999999999999',
                  accountName: 'globex-prod',
                  emailAddress: 'aws@globex.example',
                  roles: ['ReadOnlyAccess'],
                },
              ],
            },
          },
        ],
      },
    });
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.addSession({
      name: 'globex',
      startUrl: 'https://globex.awsapps.com/start',
      region: 'eu-west-1',
    });
    await core.signIn('acme', 'browser');
    await core.signIn('globex', 'browser');
    expect(core.sessions().map((s) => [s.name, s.state])).toEqual([
      ['acme', 'signed-in'],
      ['globex', 'signed-in'],
    ]);
    expect((await core.accounts('globex')).accounts.map((a) => a.accountName)).toEqual(['globex-prod']);
  });

  it('with sharing off, keeps tokens out of ~/.aws/sso/cache', async () => {
    await core.updateSettings({ shareTokenCacheWithAwsCli: false });
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    await expect(stat(sandbox.paths.ssoCacheDir)).rejects.toThrow();
    expect((await core.accounts('acme')).accounts.length).toBeGreaterThan(0);
  });
});

describe('the portal’s list and credentials', () => {
  it('lists every account with its roles, sorted, and caches the listing with its age', async () => {
    await signedInCore();
    const listing = await core.accounts('acme');
    const expected = assigned().sort((a, b) => a.accountName.localeCompare(b.accountName));
    expect(listing.accounts.map((a) => a.accountId)).toEqual(expected.map((a) => a.accountId));
    expect(listing.accounts[0]?.roles).toEqual([...(expected[0]?.roles ?? [])].sort());
    emu.clearCalls();
    const again = await core.accounts('acme', { maxAgeMs: 60_000 });
    expect(again.fetchedAt).toBe(listing.fetchedAt);
    expect(emu.calls()).toEqual([]);
  });

  it('copies credentials in a format, and a second copy is instant (no second call)', async () => {
    await signedInCore();
    const account = emu.organisation.accounts[0]!;
    const role = { session: 'acme', accountId: account.accountId, roleName: account.roles[0]! };
    const first = await core.credentialsText({ ...role, format: 'env' });
    expect(first.text).toMatch(/^export AWS_ACCESS_KEY_ID=ASIA[A-Z0-9]{16}\n/);
    const second = await core.credentialsText({ ...role, format: 'env' });
    expect(second.text).toBe(first.text);
    expect(emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(1);
    expect((await core.settings()).recent[0]).toMatchObject({
      accountId: account.accountId,
      roleName: role.roleName,
    });
  });

  it('says so in one sentence when a role is not assigned', async () => {
    await signedInCore();
    const account = emu.organisation.accounts[0]!;
    await expect(
      core.credentials({ session: 'acme', accountId: account.accountId, roleName: 'NotMine' }),
    ).rejects.toThrow(
      `You are not assigned the NotMine permission set in account ${account.accountId}. Ask your administrator for access, or choose another role.`,
    );
  });

  it('ends the session with one sentence and one announcement when Identity Center revokes it', async () => {
    await signedInCore();
    const announcements: unknown[] = [];
    core.on('sign-in-needed', (reason) => announcements.push(reason));
    emu.revokeSessions();
    const error = await core.accounts('acme').catch((e: unknown) => e);
    expect(isSsoTrayError(error, 'session-ended')).toBe(true);
    const ended = {
      message: 'Your session for acme (us-east-1) has ended.',
      next: { do: 'sign-in', session: 'acme', when: 'again' },
    };
    expect(error).toMatchObject(ended);
    await core.accounts('acme').catch(() => undefined);
    expect(announcements).toEqual([{ session: 'acme', ...ended }]);
    expect(core.sessions()[0]?.state).toBe('expired');
  });
});

describe('sessions of the app', () => {
  it('stays the app’s own (removable) although it is also in ~/.aws/config, and removing it takes that section too', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    expect(core.sessions()).toEqual([expect.objectContaining({ name: 'acme', source: 'app' })]);
    await writeFile(sandbox.paths.configFile, `# mine\n${await readFile(sandbox.paths.configFile, 'utf8')}`);
    await core.removeSession('acme');
    expect(core.sessions()).toEqual([]);
    expect(await readFile(sandbox.paths.configFile, 'utf8')).toBe('# mine\n');
  });

  it('refuses to remove a session a profile in ~/.aws/config signs in through, naming it, and changes nothing', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    const account = emu.organisation.accounts[0]!;
    await core.writeConfigProfile({
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
      profile: 'dev',
      kind: 'sso',
    });
    const before = await readFile(sandbox.paths.configFile, 'utf8');
    await expect(core.removeSession('acme')).rejects.toThrow(
      'The session "acme" is still used by the profile dev in ~/.aws/config (outside the profiles config sync generates); remove it there or point it to another session, then remove the session.',
    );
    expect(await readFile(sandbox.paths.configFile, 'utf8')).toBe(before);
    // Not reported removed while it would stay listed: still the app's session, still signed in.
    expect(core.sessions()).toEqual([
      expect.objectContaining({ name: 'acme', source: 'app', state: 'signed-in' }),
    ]);
  });
});

describe('profiles and sign-out', () => {
  it('writes a profile, and sign-out logs out, removes the token and the app’s profiles but keeps foreign ones', async () => {
    await mkdir(path.dirname(sandbox.paths.credentialsFile), { recursive: true });
    await writeFile(
      sandbox.paths.credentialsFile,
      '# mine\n[personal]\naws_access_key_id = AKIAPERSONAL\naws_secret_access_key = s3cr3t\n',
    );
    await signedInCore();
    const account = emu.organisation.accounts[0]!;
    const owned = await core.writeProfile({
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
    });
    expect(owned.profile).toBe(`${account.accountId}_${account.roles[0]}`);
    expect(await readFile(sandbox.paths.credentialsFile, 'utf8')).toContain(`[${owned.profile}]`);

    const { removedProfiles } = await core.signOut('acme');
    expect(removedProfiles).toEqual([owned.profile]);
    expect(await readFile(sandbox.paths.credentialsFile, 'utf8')).toBe(
      '# mine\n[personal]\naws_access_key_id = AKIAPERSONAL\naws_secret_access_key = s3cr3t\n',
    );
    await expect(stat(path.join(sandbox.paths.ssoCacheDir, `${sha1('acme')}.json`))).rejects.toThrow();
    expect(emu.calls({ api: 'Logout' })).toHaveLength(1);
    expect(core.sessions()[0]?.state).toBe('signed-out');
    await expect(core.accounts('acme')).rejects.toMatchObject({
      message: 'You are not signed in to acme (us-east-1).',
      next: { do: 'sign-in', session: 'acme', when: 'first' },
    });
  });
});
