import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { pythonJsonDumps } from './python-json.js';
import {
  formatCacheTime,
  parseCacheTime,
  registrationCacheFileName,
  tokenCacheFileName,
} from './sso-cache-format.js';
import { AwsCliSsoCache, MemorySsoCache, SecretStoreSsoCache } from './token-cache.js';

const mySso: SessionConfig = {
  name: 'my-sso',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  source: 'sso-session',
};
const legacy: SessionConfig = {
  name: 'legacy',
  startUrl: 'https://d-abc123.awsapps.com/start',
  region: 'us-west-2',
  source: 'legacy-profile',
};
const token: SsoToken = {
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  accessToken: 'aoaEXAMPLE',
  expiresAt: new Date('2024-01-01T08:00:00.789Z'),
  clientId: 'EXAMPLECLIENTID',
  clientSecret: 'EXAMPLESECRET',
  registrationExpiresAt: new Date('2024-03-31T00:00:00Z'),
  refreshToken: 'aorEXAMPLE',
};
// What `aws sso login` writes, byte for byte (docs/aws-files-and-protocols.md, "Token cache").
const CLI_TOKEN =
  '{"startUrl": "https://d-1234567890.awsapps.com/start", "region": "us-east-1", "accessToken": "aoaEXAMPLE", "expiresAt": "2024-01-01T08:00:00Z", "clientId": "EXAMPLECLIENTID", "clientSecret": "EXAMPLESECRET", "registrationExpiresAt": "2024-03-31T00:00:00Z", "refreshToken": "aorEXAMPLE"}';

let home: string;
let cacheDir: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'token-cache-'));
  cacheDir = path.join(home, '.aws', 'sso', 'cache');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('cache file names (the test vectors of botocore, docs/aws-files-and-protocols.md)', () => {
  it('names a session token by sha1 of the session name, a legacy one by sha1 of the start URL', () => {
    expect(tokenCacheFileName(mySso)).toBe('0ad374308c5a4e22f723adf10145eafad7c4031c.json');
    expect(tokenCacheFileName({ ...mySso, name: 'admin' })).toBe(
      'd033e22ae348aeb5660fc2140aec35850c4da997.json',
    );
    expect(tokenCacheFileName(legacy)).toBe('40a89917e3175433e361b710a9d43528d7f1890a.json');
  });

  it('names a registration by sha1 of botocore’s sorted json.dumps key', () => {
    expect(registrationCacheFileName(legacy)).toBe('d75f79f67bab3f92a2b1450471c0c2574de0dca4.json');
    expect(registrationCacheFileName(mySso)).toBe('8b2cedd020fb181ad4cf906d1d27b232fd31557e.json');
    expect(registrationCacheFileName({ ...mySso, registrationScopes: ['sso:account:access'] })).toBe(
      'a8343d65418848d0bc13a5f25cbb32508ceec5d1.json',
    );
  });

  it('spells JSON as Python’s json.dumps does (separators, ensure_ascii, surrogate pairs)', () => {
    // Expected bytes printed by python3 -c 'import json; print(json.dumps(...))'.
    expect(pythonJsonDumps({ k: 'é😀\n\u007f/"\\\t', n: null, l: ['a', 1], e: {} })).toBe(
      '{"k": "\\u00e9\\ud83d\\ude00\\n\\u007f/\\"\\\\\\t", "n": null, "l": ["a", 1], "e": {}}',
    );
  });
});

describe('cache times', () => {
  it.each([
    ['2024-01-01T08:00:00Z', '2024-01-01T08:00:00.000Z'],
    ['2024-01-01T08:00:00.123Z', '2024-01-01T08:00:00.123Z'],
    ['2024-01-01T08:00:00UTC', '2024-01-01T08:00:00.000Z'],
    ['2024-01-01T08:00:00.123456+00:00', '2024-01-01T08:00:00.123Z'],
    ['2024-01-01T10:00:00+0200', '2024-01-01T08:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseCacheTime(text)?.toISOString()).toBe(iso);
  });

  it.each(['', 'tomorrow', '2024-01-01 08:00:00', '2024-13-01T08:00:00Z', '2024-01-01T08:00:00'])(
    'refuses %j',
    (text) => {
      expect(parseCacheTime(text)).toBeUndefined();
    },
  );

  it('writes YYYY-MM-DDTHH:MM:SSZ', () => {
    expect(formatCacheTime(new Date('2024-01-01T08:00:00.999Z'))).toBe('2024-01-01T08:00:00Z');
  });
});

describe('the AWS CLI cache', () => {
  const tokenFile = () => path.join(cacheDir, '0ad374308c5a4e22f723adf10145eafad7c4031c.json');

  it('writes a token exactly as `aws sso login` does, 0600, in a folder it creates', async () => {
    await new AwsCliSsoCache(cacheDir).writeToken(mySso, token);
    expect(await readFile(tokenFile(), 'utf8')).toBe(CLI_TOKEN);
    expect((await stat(tokenFile())).mode & 0o777).toBe(0o600);
    expect(await readdir(cacheDir)).toEqual(['0ad374308c5a4e22f723adf10145eafad7c4031c.json']);
  });

  it('makes a token file another tool left 0644 private again', async () => {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(tokenFile(), CLI_TOKEN);
    await chmod(tokenFile(), 0o644);
    await new AwsCliSsoCache(cacheDir).writeToken(mySso, { ...token, accessToken: 'next' });
    expect((await stat(tokenFile())).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['aws sso login (Z)', CLI_TOKEN],
    ['old botocore (UTC)', CLI_TOKEN.replace('"2024-01-01T08:00:00Z"', '"2024-01-01T08:00:00UTC"')],
    [
      'the JS SDK after a refresh (.sssZ, indented)',
      JSON.stringify({ ...JSON.parse(CLI_TOKEN), expiresAt: '2024-01-01T08:00:00.000Z' }, null, 2),
    ],
  ])('reads a token written by %s', async (_, text) => {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(tokenFile(), text);
    expect(await new AwsCliSsoCache(cacheDir).readToken(mySso)).toEqual({
      ...token,
      expiresAt: new Date('2024-01-01T08:00:00Z'),
    });
  });

  it('reads no token for a session re-pointed to another start URL or region', async () => {
    await new AwsCliSsoCache(cacheDir).writeToken(mySso, token);
    const cache = new AwsCliSsoCache(cacheDir);
    expect(await cache.readToken({ ...mySso, startUrl: 'https://other.awsapps.com/start' })).toBeUndefined();
    expect(await cache.readToken({ ...mySso, region: 'eu-west-1' })).toBeUndefined();
    expect(await cache.readToken(mySso)).toBeDefined();
  });

  it('says a corrupt token file cannot be read, without its content', async () => {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(tokenFile(), '{"accessToken": "aoaSECRET", "expiresAt": "soon"}');
    const cache = new AwsCliSsoCache(cacheDir);
    await expect(cache.readToken(mySso)).rejects.toMatchObject({
      code: 'file-unreadable',
      message: `The cached sign-in for my-sso (us-east-1) in ${tokenFile()} cannot be read`,
      next: { do: 'sign-in', session: 'my-sso', when: 'to-replace' },
    });
  });

  it('keeps keys another tool added when it rewrites a token', async () => {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(tokenFile(), JSON.stringify({ ...JSON.parse(CLI_TOKEN), issuedBy: 'granted', n: 2 }));
    await new AwsCliSsoCache(cacheDir).writeToken(mySso, { ...token, refreshToken: undefined } as SsoToken);
    expect(await readFile(tokenFile(), 'utf8')).toBe(
      CLI_TOKEN.replace(', "refreshToken": "aorEXAMPLE"', '').replace(
        /}$/,
        ', "issuedBy": "granted", "n": 2}',
      ),
    );
  });

  it('writes and reads a registration as the CLI does, and keeps it when the token is deleted', async () => {
    const cache = new AwsCliSsoCache(cacheDir);
    const session = { ...mySso, registrationScopes: ['sso:account:access'] };
    await cache.writeRegistration(session, {
      clientId: 'EXAMPLECLIENTID',
      clientSecret: 'EXAMPLESECRET',
      expiresAt: new Date('2024-03-31T00:00:00Z'),
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    await cache.writeToken(session, token);
    const file = path.join(cacheDir, 'a8343d65418848d0bc13a5f25cbb32508ceec5d1.json');
    // A PKCE registration (docs/aws-files-and-protocols.md, "Token cache").
    expect(await readFile(file, 'utf8')).toBe(
      '{"clientId": "EXAMPLECLIENTID", "clientSecret": "EXAMPLESECRET", "expiresAt": "2024-03-31T00:00:00Z", "scopes": ["sso:account:access"], "grantTypes": ["authorization_code", "refresh_token"]}',
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await cache.deleteToken(session);
    await cache.deleteToken(session);
    expect(await cache.readToken(session)).toBeUndefined();
    expect(await cache.readRegistration(session)).toEqual({
      clientId: 'EXAMPLECLIENTID',
      clientSecret: 'EXAMPLESECRET',
      expiresAt: new Date('2024-03-31T00:00:00Z'),
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
    });
  });
});

describe('the secret store used when sharing with the AWS CLI is off', () => {
  it('keeps tokens in memory only, touching no file', async () => {
    const cache = new MemorySsoCache();
    await cache.writeToken(mySso, token);
    expect(await cache.readToken(mySso)).toEqual({ ...token, expiresAt: new Date('2024-01-01T08:00:00Z') });
    expect(await new MemorySsoCache().readToken(mySso)).toBeUndefined();
    await cache.deleteToken(mySso);
    expect(await cache.readToken(mySso)).toBeUndefined();
  });

  it('hands a store the CLI’s own JSON under the CLI’s file names, so entries can move between them', async () => {
    const saved = new Map<string, string>();
    const cache = new SecretStoreSsoCache({
      get: async (key) => saved.get(key),
      set: async (key, value) => void saved.set(key, value),
      delete: async (key) => void saved.delete(key),
    });
    await cache.writeToken(mySso, token);
    expect([...saved]).toEqual([['0ad374308c5a4e22f723adf10145eafad7c4031c.json', CLI_TOKEN]]);
    saved.set('0ad374308c5a4e22f723adf10145eafad7c4031c.json', 'not json');
    await expect(cache.readToken(mySso)).rejects.toMatchObject({
      code: 'file-unreadable',
      message: "The cached sign-in for my-sso (us-east-1) in SSO Tray's secret store cannot be read",
      next: { do: 'sign-in', session: 'my-sso', when: 'to-replace' },
    });
  });
});
