// Importing the sign-ins and profiles already in ~/.aws/config, as the SDK reads them.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFilePerTest } from '../../../e2e/support/config-file-fixture.js';
import { awsPathsFromEnv } from '../environment.js';
import { profilesInConfig, readSessionsFromConfig } from './config-reader.js';

const aws = configFilePerTest();
const { given } = aws;

const corpus = (name: string) => readFile(path.join(import.meta.dirname, 'corpus', name), 'utf8');

describe('importing the sign-ins already in ~/.aws/config', () => {
  it('finds the sso-sessions, then one legacy profile per start URL and region', async () => {
    await given((await corpus('config-sso.ini')).replace(/\n/g, '\r\n'));
    expect(await readSessionsFromConfig(aws.paths)).toEqual([
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
    expect((await readSessionsFromConfig(aws.paths))[0]?.registrationScopes).toEqual([
      'sso:account:access',
      'codewhisperer:completions',
    ]);
  });

  it('reads nothing from a missing file, and the file AWS_CONFIG_FILE names', async () => {
    expect(await readSessionsFromConfig(aws.paths)).toEqual([]);
    const other = path.join(aws.home, 'elsewhere', 'config');
    await mkdir(path.dirname(other), { recursive: true });
    await writeFile(
      other,
      '[sso-session x]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-2\n',
    );
    const moved = awsPathsFromEnv({ HOME: aws.home, AWS_CONFIG_FILE: other });
    expect((await readSessionsFromConfig(moved)).map((s) => s.name)).toEqual(['x']);
  });

  it('names the line of a config it cannot parse', async () => {
    await given('[default]\nregion = us-east-1\n\n[profile dev\nregion = eu-west-1\n');
    await expect(readSessionsFromConfig(aws.paths)).rejects.toMatchObject({
      code: 'file-unreadable',
      message:
        '~/.aws/config cannot be read: line 4 is neither a [section], a key = value, nor a comment. Fix or remove that line, then try again.',
    });
  });

  it('lists profiles by name with their keys as the SDK reads them', async () => {
    await given(await corpus('config-sso.ini'));
    const profiles = await profilesInConfig(aws.paths);
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
