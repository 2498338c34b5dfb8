import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIdentifier, isValidIdentifier, type IdentifierKind } from './identifiers.js';

const OBJECT_KEYS = Object.getOwnPropertyNames(Object.prototype);
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    ...OBJECT_KEYS,
    '$(touch x)',
    '`id`',
    'a b',
    'a;b',
    "a'b",
    'a"b',
    '[x]',
    ' dev',
    'dev ',
    '',
  ),
);

describe('identifiers follow the rules AWS uses', () => {
  it.each([
    ['account-id', '111122223333'],
    ['role-name', 'AdministratorAccess'],
    ['role-name', 'a+=,.@_-Z9'],
    ['role-name', 'x'.repeat(64)],
    ['permission-set-name', 'x'.repeat(32)],
    ['profile-name', 'default'],
    ['profile-name', '111122223333_Admin@acme.com:/%+'],
    ['session-name', 'acme'],
    ['region', 'us-east-1'],
    ['region', 'us-gov-west-1'],
    ['region', 'eusc-de-east-1'],
    ['start-url', 'https://d-1234567890.awsapps.com/start'],
  ] as Array<[IdentifierKind, string]>)('accepts %s %s', (kind, value) => {
    expect(checkIdentifier(kind, value)).toBe(value);
  });

  it.each([
    [
      'account-id',
      '11112222333',
      'The account ID "11112222333" cannot be used: it must be exactly 12 digits.',
    ],
    [
      'role-name',
      'Admin$(touch /tmp/x)',
      'The role name "Admin$(touch /tmp/x)" cannot be used: it must be 1 to 64 letters, digits or + = , . @ _ - (the IAM role name rule).',
    ],
    ['role-name', 'x'.repeat(65), undefined],
    ['permission-set-name', 'x'.repeat(33), undefined],
    [
      'profile-name',
      'constructor',
      'The profile name "constructor" is a word the AWS SDKs cannot read as a name; choose another profile name.',
    ],
    ['profile-name', '__proto__', undefined],
    ['profile-name', 'toString', undefined],
    ['profile-name', 'my dev', undefined],
    ['profile-name', '[dev]', undefined],
    ['session-name', 'valueOf', undefined],
    [
      'session-name',
      'a\nb',
      'The session name "a\\nb" cannot be used: it must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor").',
    ],
    [
      'region',
      'US-EAST-1',
      'The region "US-EAST-1" cannot be used: it must be an AWS region code such as us-east-1.',
    ],
    ['region', 'us-east-1 ', undefined],
    ['start-url', 'http://evil.example/start', undefined],
    ['start-url', 'http://127.0.0.1:4567/start', undefined],
    ['start-url', 'https://u:p@d-1.awsapps.com/start', undefined],
    ['start-url', 'https://d-1.awsapps.com/start #x', undefined],
    ['account-id', '', 'The account ID (empty) cannot be used: it must be exactly 12 digits.'],
  ] as Array<[IdentifierKind, string, string | undefined]>)(
    'refuses %s %j in one sentence',
    (kind, value, sentence) => {
      expect(() => checkIdentifier(kind, value)).toThrow(
        expect.objectContaining({
          code: 'invalid-input',
          message: sentence ?? expect.stringMatching(/^The .+\.$/),
        }),
      );
    },
  );

  it('refuses every JavaScript object key as a profile or session name', () => {
    for (const key of OBJECT_KEYS) {
      expect(isValidIdentifier('profile-name', key)).toBe(false);
      expect(isValidIdentifier('session-name', key)).toBe(false);
    }
  });

  it('whatever it accepts is free of shell, INI and JSON metacharacters; whatever it refuses is one clean sentence', () => {
    const kinds: IdentifierKind[] = [
      'account-id',
      'role-name',
      'permission-set-name',
      'profile-name',
      'session-name',
      'region',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), anyText, (kind, value) => {
        if (isValidIdentifier(kind, value)) {
          expect(value).toMatch(/^[A-Za-z0-9_+=,.@%:/-]+$/);
          if (kind === 'profile-name' || kind === 'session-name') expect(OBJECT_KEYS).not.toContain(value);
        } else {
          let message = '';
          try {
            checkIdentifier(kind, value);
          } catch (error) {
            message = (error as Error).message;
          }
          expect(message).toMatch(
            /^The [a-zA-Z ]+ ((".*"|\(empty\)) cannot be used: it [^\n]+|".*" is a word the AWS SDKs cannot read as a name; choose another [a-z ]+)\.$/s,
          );
          expect(message).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('an accepted profile or session name reads back through the JS SDK as itself', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-identifiers-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('for generated names and every object key the validator lets through (none)', async () => {
    const name = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_\-@+.%:/]{1,20}$/), anyText);
    await fc.assert(
      fc.asyncProperty(name, async (profile) => {
        if (!isValidIdentifier('profile-name', profile) || profile === 'default') return;
        const configFile = path.join(dir, 'config');
        const credentialsFile = path.join(dir, 'credentials');
        await writeFile(
          configFile,
          `[profile ${profile}]\nregion = us-east-1\n[sso-session ${profile}]\nsso_region = eu-west-1\n`,
        );
        await writeFile(credentialsFile, `[${profile}]\naws_access_key_id = AKID\n`);
        const read = await loadSharedConfigFiles({
          filepath: credentialsFile,
          configFilepath: configFile,
          ignoreCache: true,
        });
        expect(Object.hasOwn(read.configFile, profile)).toBe(true);
        expect(read.configFile[profile]).toEqual({ region: 'us-east-1' });
        expect(read.configFile[`sso-session.${profile}`]).toEqual({ sso_region: 'eu-west-1' });
        expect(Object.hasOwn(read.credentialsFile, profile)).toBe(true);
        expect(read.credentialsFile[profile]).toEqual({ aws_access_key_id: 'AKID' });
      }),
      { numRuns: 150 },
    );
  });
});
