import { chmod, mkdir, mkdtemp, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../e2e/support/fake-clock.js';
import { awsPathsFromEnv } from '../environment.js';
import type { RoleCredentials } from '../shapes/aws-shapes.js';
import { CredentialsFile } from './credentials-file.js';

let home: string;
let file: string;
let appDataDir: string;
const clock = new FakeClock(Date.UTC(2026, 0, 5, 8, 0, 0));

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'credentials-file-'));
  file = path.join(home, '.aws', 'credentials');
  appDataDir = path.join(home, 'app-data');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const credentials = (n: number, over: Partial<RoleCredentials> = {}): RoleCredentials => ({
  accessKeyId: `ASIAEXAMPLE${n}`,
  secretAccessKey: `secret/${n}+EXAMPLE`,
  sessionToken: `IQoJb3JpZ2luX2VjE${n}==`,
  expiration: new Date(Date.UTC(2026, 0, 5, 9, 0, 0)),
  accountId: '111122223333',
  roleName: 'AdministratorAccess',
  ...over,
});
const block = (profile: string, n: number) =>
  `[${profile}]\naws_access_key_id = ASIAEXAMPLE${n}\naws_secret_access_key = secret/${n}+EXAMPLE\naws_session_token = IQoJb3JpZ2luX2VjE${n}==\n`;
const open = (options: { file?: string } = {}) =>
  new CredentialsFile({ file: options.file ?? file, appDataDir, clock, homeDir: home });
const modeOf = async (target: string) => (await stat(target)).mode & 0o777;
const meta = { session: 'acme', keepFresh: true };

describe('writing a profile', () => {
  it('creates the file 0600 in a new 0700 folder with exactly the three keys', async () => {
    await open().writeProfile('acme-admin', credentials(1), meta);
    expect(await readFile(file, 'utf8')).toBe(block('acme-admin', 1));
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(path.dirname(file))).toBe(0o700);
  });

  it('appends to a hand-kept file and leaves every one of its bytes as they were (CRLF, BOM, no final newline)', async () => {
    const original = `\uFEFF${(
      await readFile(path.join(import.meta.dirname, 'corpus', 'credentials-hand-kept.ini'), 'utf8')
    )
      .replace(/\n$/, '')
      .replace(/\n/g, '\r\n')}`;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, original);
    await open().writeProfile('acme-admin', credentials(1), meta);
    const appended = `\r\n\r\n${block('acme-admin', 1).trimEnd().replace(/\n/g, '\r\n')}`;
    expect(await readFile(file, 'utf8')).toBe(original + appended);
    await open().writeProfile('acme-admin', credentials(2), meta);
    expect(await readFile(file, 'utf8')).toBe(
      original + `\r\n\r\n${block('acme-admin', 2).trimEnd().replace(/\n/g, '\r\n')}`,
    );
    expect(await open().removeProfile('acme-admin')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('tightens an existing 0640 file to 0600 when secrets go in, and keeps a narrower 0400', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '[default]\nregion = us-east-1\n');
    await chmod(file, 0o640);
    await open().writeProfile('acme-admin', credentials(1), meta);
    expect(await modeOf(file)).toBe(0o600);
    await chmod(file, 0o400);
    await open().writeProfile('acme-admin', credentials(2), meta);
    expect(await modeOf(file)).toBe(0o400);
  });

  it('records what it wrote, 0600, under the resolved path of the file', async () => {
    await open().writeProfile('acme-admin', credentials(1), meta);
    clock.jump(60_000);
    await open().writeProfile('acme-ro', credentials(2, { roleName: 'ReadOnly' }), {
      session: 'acme',
      keepFresh: false,
    });
    expect(await open().ownedProfiles()).toEqual([
      {
        profile: 'acme-admin',
        session: 'acme',
        accountId: '111122223333',
        roleName: 'AdministratorAccess',
        keepFresh: true,
        expiration: '2026-01-05T09:00:00.000Z',
        writtenAt: '2026-01-05T08:00:00.000Z',
      },
      {
        profile: 'acme-ro',
        session: 'acme',
        accountId: '111122223333',
        roleName: 'ReadOnly',
        keepFresh: false,
        expiration: '2026-01-05T09:00:00.000Z',
        writtenAt: '2026-01-05T08:01:00.000Z',
      },
    ]);
    const record = path.join(appDataDir, 'owned-profiles.json');
    expect(await modeOf(record)).toBe(0o600);
    const files = JSON.parse(await readFile(record, 'utf8')).files;
    expect(Object.keys(files)).toEqual([path.join(await realpath(path.dirname(file)), 'credentials')]);
    expect(await readFile(record, 'utf8')).not.toContain('ASIAEXAMPLE');
  });

  it('reads a record written with the old spelling (sessionName), and writes it back as session', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, block('acme-admin', 1));
    const key = path.join(await realpath(path.dirname(file)), 'credentials');
    const old = {
      profile: 'acme-admin',
      sessionName: 'acme',
      accountId: '111122223333',
      roleName: 'AdministratorAccess',
      keepFresh: true,
      expiration: '2026-01-05T09:00:00.000Z',
      writtenAt: '2026-01-05T08:00:00.000Z',
    };
    await mkdir(appDataDir, { recursive: true });
    const record = path.join(appDataDir, 'owned-profiles.json');
    await writeFile(record, JSON.stringify({ version: 1, files: { [key]: { 'acme-admin': old } } }));
    const { sessionName, ...rest } = old;
    expect(await open().ownedProfiles()).toEqual([{ ...rest, session: sessionName }]);

    await open().writeProfile('acme-ro', credentials(2, { roleName: 'ReadOnly' }), meta);
    const written = JSON.parse(await readFile(record, 'utf8')).files[key];
    expect(written['acme-admin']).toEqual({ ...rest, session: 'acme' });
    expect(written['acme-ro'].session).toBe('acme');
    expect(await readFile(record, 'utf8')).not.toContain('sessionName');
  });

  it('refuses a profile it did not write, and overwrites it only when told to', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const original = '[default]\naws_access_key_id = AKIAMINE\naws_secret_access_key = mine\n';
    await writeFile(file, original);
    await expect(open().writeProfile('default', credentials(1), meta)).rejects.toMatchObject({
      code: 'foreign-profile',
      message: 'The profile "default" in ~/.aws/credentials was not written by SSO Tray',
      next: { do: 'choose-profile-name-or-overwrite', profile: 'default' },
    });
    expect(await readFile(file, 'utf8')).toBe(original);
    expect(await open().ownedProfiles()).toEqual([]);
    await open().writeProfile('default', credentials(1), { ...meta, overwrite: true });
    expect(await readFile(file, 'utf8')).toBe(block('default', 1));
    expect((await open().ownedProfiles()).map((p) => p.profile)).toEqual(['default']);
  });

  it('refuses a name the SDK could not read back', async () => {
    await expect(open().writeProfile('my profile', credentials(1), meta)).rejects.toMatchObject({
      code: 'invalid-input',
      message:
        'The profile name "my profile" cannot be used: it must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor").',
    });
  });

  it('never writes a file it cannot parse, and names the line', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const broken = '[default]\naws_access_key_id = AKIA\n<<<<<<< HEAD\n';
    await writeFile(file, broken);
    await expect(open().writeProfile('acme-admin', credentials(1), meta)).rejects.toMatchObject({
      code: 'file-unreadable',
      message:
        '~/.aws/credentials cannot be read: line 3 is neither a [section], a key = value, nor a comment. Fix or remove that line, then try again.',
    });
    expect(await readFile(file, 'utf8')).toBe(broken);
    expect(await open().ownedProfiles()).toEqual([]);
  });

  it('writes where AWS_SHARED_CREDENTIALS_FILE points, keeping its profiles apart from the default file', async () => {
    const elsewhere = path.join(home, 'work', 'creds');
    const paths = awsPathsFromEnv({ HOME: home, AWS_SHARED_CREDENTIALS_FILE: elsewhere });
    await new CredentialsFile({ file: paths.credentialsFile, appDataDir, clock }).writeProfile(
      'acme-admin',
      credentials(1),
      meta,
    );
    await open().writeProfile('acme-ro', credentials(2), meta);
    expect(await readFile(elsewhere, 'utf8')).toBe(block('acme-admin', 1));
    expect(await readFile(file, 'utf8')).toBe(block('acme-ro', 2));
    expect((await open({ file: elsewhere }).ownedProfiles()).map((p) => p.profile)).toEqual(['acme-admin']);
    expect((await open().ownedProfiles()).map((p) => p.profile)).toEqual(['acme-ro']);
  });
});

describe('profiles the user changed by hand', () => {
  it('forgets an owned profile whose section was deleted, on the next write', async () => {
    await open().writeProfile('one', credentials(1), meta);
    await open().writeProfile('two', credentials(2), meta);
    await writeFile(file, block('two', 2));
    expect((await open().ownedProfiles()).map((p) => p.profile)).toEqual(['two']);
    await open().writeProfile('three', credentials(3), meta);
    const record = JSON.parse(await readFile(path.join(appDataDir, 'owned-profiles.json'), 'utf8'));
    expect(Object.values(record.files).map((owned) => Object.keys(owned as object))).toEqual([
      ['two', 'three'],
    ]);
    // A profile of that name written by the user later is theirs, not SSO Tray's.
    await writeFile(file, `${block('two', 2)}\n[one]\naws_access_key_id = USERS\n`);
    await expect(open().writeProfile('one', credentials(4), meta)).rejects.toMatchObject({
      code: 'foreign-profile',
    });
  });

  it('still owns a profile whose keys were edited, and rewrites it to the three keys (comments stay)', async () => {
    await open().writeProfile('acme-admin', credentials(1), meta);
    await writeFile(file, `[acme-admin]\n# my note\naws_access_key_id = EDITED\nregion = eu-west-1\n`);
    await open().writeProfile('acme-admin', credentials(2), meta);
    expect(await readFile(file, 'utf8')).toBe(
      '[acme-admin]\n# my note\naws_access_key_id = ASIAEXAMPLE2\naws_secret_access_key = secret/2+EXAMPLE\naws_session_token = IQoJb3JpZ2luX2VjE2==\n',
    );
  });
});

describe('removing profiles', () => {
  it('removes an owned profile, and a foreign one only with force', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '[mine]\naws_access_key_id = AKIAMINE\n');
    await open().writeProfile('acme-admin', credentials(1), meta);
    await expect(open().removeProfile('mine')).rejects.toMatchObject({
      code: 'foreign-profile',
      message: 'The profile "mine" in ~/.aws/credentials was not written by SSO Tray',
      next: { do: 'allow-remove', profile: 'mine' },
    });
    expect(await open().removeProfile('acme-admin')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('[mine]\naws_access_key_id = AKIAMINE\n');
    expect(await open().removeProfile('acme-admin')).toBe(false);
    expect(await open().removeProfile('mine', { force: true })).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('');
  });

  it('removes the profiles of one session at sign-out and nothing else', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '[default]\nregion = us-east-1\n');
    await open().writeProfile('acme-admin', credentials(1), meta);
    await open().writeProfile('globex-admin', credentials(2), { session: 'globex', keepFresh: false });
    await open().writeProfile('acme-ro', credentials(3), meta);
    expect((await open().removeProfilesOfSession('acme')).sort()).toEqual(['acme-admin', 'acme-ro']);
    expect(await readFile(file, 'utf8')).toBe(`[default]\nregion = us-east-1\n\n${block('globex-admin', 2)}`);
    expect((await open().ownedProfiles()).map((p) => p.profile)).toEqual(['globex-admin']);
  });

  it('reads a profile as the SDK would', async () => {
    await open().writeProfile('acme-admin', credentials(1), meta);
    expect(await open().readProfile('acme-admin')).toEqual({
      aws_access_key_id: 'ASIAEXAMPLE1',
      aws_secret_access_key: 'secret/1+EXAMPLE',
      aws_session_token: 'IQoJb3JpZ2luX2VjE1==',
    });
    expect(await open().readProfile('nope')).toBeUndefined();
  });
});
