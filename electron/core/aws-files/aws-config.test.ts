import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsPathsFromEnv } from '../environment.js';
import type { AwsPaths, SessionConfig } from '../types.js';
import {
  profilesInConfig,
  readSessionsFromConfig,
  writeProcessProfile,
  writeSsoProfile,
  writeSsoSession,
} from './aws-config.js';

let home: string;
let paths: AwsPaths;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'aws-config-'));
  paths = awsPathsFromEnv({ HOME: home });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const corpus = (name: string) => readFile(path.join(import.meta.dirname, 'corpus', name), 'utf8');
async function given(text: string): Promise<void> {
  await mkdir(path.dirname(paths.configFile), { recursive: true });
  await writeFile(paths.configFile, text);
}
const config = () => readFile(paths.configFile, 'utf8');
const acme: SessionConfig = {
  name: 'acme',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  source: 'app',
};

describe('importing the sign-ins already in ~/.aws/config', () => {
  it('finds the sso-sessions, then one legacy profile per start URL and region', async () => {
    await given((await corpus('config-sso.ini')).replace(/\n/g, '\r\n'));
    expect(await readSessionsFromConfig(paths)).toEqual([
      {
        name: 'acme',
        startUrl: 'https://d-1234567890.awsapps.com/start',
        region: 'us-east-1',
        registrationScopes: ['sso:account:access'],
        source: 'sso-session',
      },
      {
        name: 'legacy',
        startUrl: 'https://d-1234567890.awsapps.com/start',
        region: 'us-east-1',
        source: 'legacy-profile',
      },
      {
        name: 'other-portal',
        startUrl: 'https://other.awsapps.com/start',
        region: 'eu-central-1',
        source: 'legacy-profile',
      },
    ]);
  });

  it('splits and trims the registration scopes', async () => {
    await given(
      '[sso-session s]\nsso_start_url = https://s.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access , codewhisperer:completions,\n',
    );
    expect((await readSessionsFromConfig(paths))[0]?.registrationScopes).toEqual([
      'sso:account:access',
      'codewhisperer:completions',
    ]);
  });

  it('reads nothing from a missing file, and the file AWS_CONFIG_FILE names', async () => {
    expect(await readSessionsFromConfig(paths)).toEqual([]);
    const other = path.join(home, 'elsewhere', 'config');
    await mkdir(path.dirname(other), { recursive: true });
    await writeFile(
      other,
      '[sso-session x]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-2\n',
    );
    const moved = awsPathsFromEnv({ HOME: home, AWS_CONFIG_FILE: other });
    expect((await readSessionsFromConfig(moved)).map((s) => s.name)).toEqual(['x']);
  });

  it('names the line of a config it cannot parse', async () => {
    await given('[default]\nregion = us-east-1\n\n[profile dev\nregion = eu-west-1\n');
    await expect(readSessionsFromConfig(paths)).rejects.toMatchObject({
      code: 'file-unreadable',
      message:
        '~/.aws/config cannot be read: line 4 is neither a [section], a key = value, nor a comment. Fix or remove that line, then try again.',
    });
  });

  it('lists profiles by name with their keys as the SDK reads them', async () => {
    await given(await corpus('config-sso.ini'));
    const profiles = await profilesInConfig(paths);
    expect(Object.keys(profiles)).toEqual([
      'default',
      'dev',
      'legacy',
      'legacy-too',
      'other-portal',
      's3-tuned',
      'dup',
    ]);
    expect(profiles.dev?.sso_session).toBe('acme');
  });
});

describe('writing an sso-session', () => {
  it('creates the config 0600 with the session and the default scope', async () => {
    await writeSsoSession(paths, acme);
    expect(await config()).toBe(
      '[sso-session acme]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
    );
    expect((await stat(paths.configFile)).mode & 0o777).toBe(0o600);
    expect(await readSessionsFromConfig(paths)).toEqual([
      { ...acme, source: 'sso-session', registrationScopes: ['sso:account:access'] },
    ]);
  });

  it('appends to an existing config and leaves its bytes as they were', async () => {
    const original = (await corpus('config-botocore-only.ini')).replace(/\n/g, '\r\n');
    await given(original);
    await writeSsoSession(paths, {
      ...acme,
      name: 'globex',
      registrationScopes: ['sso:account:access', 'x:y'],
    });
    expect(await config()).toBe(
      `${original}\r\n[sso-session globex]\r\nsso_start_url = https://d-1234567890.awsapps.com/start\r\nsso_region = us-east-1\r\nsso_registration_scopes = sso:account:access,x:y\r\n`,
    );
  });

  it('leaves the same session alone and refuses to change a different one', async () => {
    const original =
      '[sso-session acme]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region=us-east-1\n';
    await given(original);
    await writeSsoSession(paths, acme);
    expect(await config()).toBe(original);
    await expect(writeSsoSession(paths, { ...acme, region: 'eu-west-1' })).rejects.toMatchObject({
      code: 'invalid-input',
      message:
        'The sso-session "acme" in ~/.aws/config already points to https://d-1234567890.awsapps.com/start in us-east-1; choose another session name or change it there.',
    });
    expect(await config()).toBe(original);
  });

  it('never writes a config it cannot parse', async () => {
    const broken = '[default]\nregion = us-east-1\nnot a line\n';
    await given(broken);
    await expect(writeSsoSession(paths, acme)).rejects.toMatchObject({ code: 'file-unreadable' });
    expect(await config()).toBe(broken);
  });
});

describe('writing profiles into the config', () => {
  it('writes an SSO profile, and updates it in place keeping the user’s own keys', async () => {
    await given(
      '[profile dev]\noutput = table\nsso_session = acme\nsso_account_id = 111122223333\nsso_role_name = Admin\n',
    );
    await writeSsoProfile(paths, 'dev', {
      session: 'acme',
      accountId: '111122223333',
      roleName: 'Admin',
      region: 'eu-west-1',
    });
    expect(await config()).toBe(
      '[profile dev]\noutput = table\nsso_session = acme\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = eu-west-1\n',
    );
    await writeSsoProfile(paths, 'default', {
      session: 'acme',
      accountId: '444455556666',
      roleName: 'ReadOnly',
    });
    expect(
      (await config()).endsWith(
        '\n[default]\nsso_session = acme\nsso_account_id = 444455556666\nsso_role_name = ReadOnly\n',
      ),
    ).toBe(true);
  });

  it('refuses a profile that is something else, and replaces it only when told to', async () => {
    const original =
      '[profile dev]\nrole_arn = arn:aws:iam::111122223333:role/Deploy\nsource_profile = default\n';
    await given(original);
    const dev = { session: 'acme', accountId: '111122223333', roleName: 'Admin' };
    await expect(writeSsoProfile(paths, 'dev', dev)).rejects.toMatchObject({
      code: 'foreign-profile',
      message:
        'The profile "dev" in ~/.aws/config already exists with other settings; choose another profile name or allow overwriting it.',
    });
    expect(await config()).toBe(original);
    await writeSsoProfile(paths, 'dev', { ...dev, overwrite: true });
    expect(await config()).toBe(
      '[profile dev]\nsso_session = acme\nsso_account_id = 111122223333\nsso_role_name = Admin\n',
    );
  });

  it('writes a credential_process profile, and refuses a command the SDK would cut at a comment', async () => {
    await writeProcessProfile(paths, 'acme-admin', 'sso-tray process --profile "acme admin"', 'us-east-1');
    expect(await config()).toBe(
      '[profile acme-admin]\ncredential_process = sso-tray process --profile "acme admin"\nregion = us-east-1\n',
    );
    expect((await profilesInConfig(paths))['acme-admin']?.credential_process).toBe(
      'sso-tray process --profile "acme admin"',
    );
    await expect(writeProcessProfile(paths, 'other', 'sso-tray process #1')).rejects.toMatchObject({
      code: 'invalid-input',
      message:
        'The key "credential_process" cannot be written to ~/.aws/config: its name or value would not read back the same.',
    });
  });
});
