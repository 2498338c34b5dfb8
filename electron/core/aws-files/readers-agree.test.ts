// What SSO Tray writes, the JS SDK and botocore (the AWS CLI) read the same.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botocoreRead, WITHOUT_BOTOCORE } from '../../../e2e/support/botocore-reader.js';
import { awsPathsFromEnv } from '../environment.js';
import type { AwsPaths } from '../shapes/aws-shapes.js';
import { writeSsoProfile } from './config-profile-writer.js';
import { writeSsoSession } from './sso-session-writer.js';
import { CredentialsFile } from './credentials-file.js';

let home: string;
let paths: AwsPaths;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'readers-agree-'));
  paths = awsPathsFromEnv({ HOME: home });
  await mkdir(path.dirname(paths.configFile), { recursive: true });
});
afterEach(() => rm(home, { recursive: true, force: true }));

const role = { session: 'acme', accountId: '111122223333', roleName: 'Admin' };
const sdkProfiles = async () =>
  (
    await loadSharedConfigFiles({
      filepath: paths.credentialsFile,
      configFilepath: paths.configFile,
      ignoreCache: true,
    })
  ).configFile;

describe('keys compare as the AWS CLI compares them', () => {
  it.each([
    ['Region = eu-west-1', 'Region'],
    ['REGION=eu-west-1', 'REGION'],
    ['region: eu-west-1', 'region:'],
    ['  Region = eu-west-1', 'indented Region'],
  ])(`replaces \`%s\` instead of adding a second region (%s)${WITHOUT_BOTOCORE}`, async (line) => {
    const identity = 'sso_session = acme\nsso_account_id = 111122223333\nsso_role_name = Admin\n';
    await writeFile(paths.configFile, `# mine\n[profile dev]\n${identity}${line}\noutput = json\n`);
    await writeSsoProfile(paths, 'dev', { ...role, region: 'us-east-1' });
    const text = await readFile(paths.configFile, 'utf8');
    expect(text.match(/region/gi)).toHaveLength(1);
    expect((await sdkProfiles()).dev?.region).toBe('us-east-1');
    const boto = botocoreRead(paths.configFile);
    if (boto) expect(boto).toEqual({ profiles: { dev: expect.objectContaining({ region: 'us-east-1' }) } });
  });
});

describe('the default profile follows the SDKs’ precedence', () => {
  it(`writes into an existing [profile default] instead of appending [default]${WITHOUT_BOTOCORE}`, async () => {
    await writeFile(paths.configFile, '[profile default]\nsso_session = acme\noutput = json\n');
    await writeSsoProfile(paths, 'default', { ...role, overwrite: true });
    const text = await readFile(paths.configFile, 'utf8');
    expect(text).not.toContain('[default]');
    expect((await sdkProfiles()).default).toMatchObject({ sso_account_id: '111122223333' });
    const boto = botocoreRead(paths.configFile);
    if (boto) expect(boto).toMatchObject({ profiles: { default: { sso_account_id: '111122223333' } } });
  });

  it('refuses, changing nothing, when [default] and [profile default] both exist', async () => {
    const before = '[profile default]\noutput = json\n\n[default]\nregion = eu-west-1\n';
    await writeFile(paths.configFile, before);
    await expect(writeSsoProfile(paths, 'default', role)).rejects.toMatchObject({
      code: 'invalid-input',
      message: `${path.join('~', '.aws', 'config')} has both [default] and [profile default], which the AWS CLI and the SDKs read differently; merge them into one section, then try again.`,
    });
    expect(await readFile(paths.configFile, 'utf8')).toBe(before);
  });
});

describe('every byte outside the app’s sections stays, whatever its encoding', () => {
  it('keeps a Latin-1 comment and value byte for byte (not U+FFFD) in the config and the credentials file', async () => {
    const latin1 = Buffer.from('# caf\xe9 \xa0 \xff\n[profile dev]\noutput = caf\xe9\n', 'latin1');
    await writeFile(paths.configFile, latin1);
    await writeSsoSession(paths, {
      name: 'acme',
      startUrl: 'https://d-1234567890.awsapps.com/start',
      region: 'us-east-1',
      source: 'app',
    });
    const after = await readFile(paths.configFile);
    expect(after.subarray(0, latin1.length).equals(latin1)).toBe(true);
    expect(after.subarray(latin1.length).toString('latin1')).toBe(
      '\n[sso-session acme]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
    );

    await writeFile(paths.credentialsFile, latin1);
    const file = new CredentialsFile({
      file: paths.credentialsFile,
      appDataDir: path.join(home, 'app'),
      homeDir: home,
    });
    const credentials = {
      ...role,
      accessKeyId: 'AKID',
      secretAccessKey: 'SECRET',
      sessionToken: 'TOKEN',
      expiration: new Date(8e12),
    };
    await file.writeProfile('p', credentials, { session: 'acme', keepFresh: false });
    await file.removeProfile('p');
    expect((await readFile(paths.credentialsFile)).equals(Buffer.concat([latin1]))).toBe(true);
  });

  it('keeps a UTF-8 byte order mark and CRLF endings', async () => {
    const bom = Buffer.from('\ufeff[profile dev]\r\noutput = json\r\n', 'utf8');
    await writeFile(paths.configFile, bom);
    await writeSsoProfile(paths, 'x', role);
    const after = await readFile(paths.configFile);
    expect(after.subarray(0, bom.length).equals(bom)).toBe(true);
  });
});

describe('a refused write changes nothing (item 8)', () => {
  const acme = {
    name: 'acme',
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'us-east-1',
    source: 'app' as const,
  };

  it('a profile refused as foreign leaves no [sso-session] behind; an accepted one brings it along', async () => {
    const before = '[profile dev]\nregion = eu-west-1\n';
    await writeFile(paths.configFile, before);
    await expect(writeSsoProfile(paths, 'dev', { ...role, withSession: acme })).rejects.toMatchObject({
      code: 'foreign-profile',
    });
    expect(await readFile(paths.configFile, 'utf8')).toBe(before);
    await writeSsoProfile(paths, 'ops', { ...role, withSession: acme });
    const read = await sdkProfiles();
    expect(read['sso-session.acme']).toMatchObject({ sso_start_url: acme.startUrl, sso_region: 'us-east-1' });
    expect(read.ops).toMatchObject({ sso_session: 'acme', sso_account_id: '111122223333' });
  });
});

describe('JavaScript object keys are refused everywhere a name is taken', () => {
  it.each(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'])('%s', async (name) => {
    await expect(writeSsoProfile(paths, name, role)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(writeSsoProfile(paths, 'ok', { ...role, session: name })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(
      writeSsoSession(paths, {
        name,
        startUrl: 'https://d-1234567890.awsapps.com/start',
        region: 'us-east-1',
        source: 'app',
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(readFile(paths.configFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('file-system errors name the file and the fix', () => {
  it('a ~/.aws that is a file, not a folder', async () => {
    await rm(path.dirname(paths.configFile), { recursive: true });
    await writeFile(path.dirname(paths.configFile), 'not a folder');
    await expect(writeSsoProfile(paths, 'x', role)).rejects.toMatchObject({
      code: expect.stringMatching(/^file-un(readable|writable)$/),
      message: `${paths.configFile} cannot be reached: a part of its path is a file, not a folder; move that file out of the way.`,
    });
  });

  // Root writes into a read-only folder all the same (CAP_DAC_OVERRIDE: https://man7.org/linux/man-pages/man7/capabilities.7.html);
  // Windows keeps no write bit on a folder (https://nodejs.org/api/fs.html#file-modes).
  const skipped =
    process.getuid?.() === 0
      ? ' (not run as root, who may write there)'
      : process.platform === 'win32'
        ? ' (not run on Windows, where a folder has no write bit)'
        : '';
  it.skipIf(skipped)(`a read-only ~/.aws${skipped}`, async () => {
    await writeFile(paths.configFile, '[profile dev]\noutput = json\n');
    await chmod(path.dirname(paths.configFile), 0o500);
    try {
      await expect(writeSsoProfile(paths, 'x', role)).rejects.toMatchObject({
        code: 'file-unwritable',
        // Named as the sibling test names it: the sandbox's HOME is not the process's, so the path is given in full.
        message: `${paths.configFile} cannot be locked for writing: permission denied; make it and its folder writable by you (for example chmod u+rw).`,
        cause: expect.objectContaining({ code: 'EACCES' }),
      });
    } finally {
      await chmod(path.dirname(paths.configFile), 0o700);
    }
  });
});
