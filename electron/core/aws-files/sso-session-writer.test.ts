// The [sso-session] sections SSO Tray adds to ~/.aws/config, byte for byte.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFilePerTest } from '../../../e2e/support/config-file-fixture.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { readSessionsFromConfig } from './config-reader.js';
import { writeSsoSession } from './sso-session-writer.js';

const aws = configFilePerTest();
const { given, config } = aws;

const corpus = (name: string) => readFile(path.join(import.meta.dirname, 'corpus', name), 'utf8');
const acme: SessionConfig = {
  name: 'acme',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  source: 'app',
};

describe('writing an sso-session', () => {
  it('creates the config 0600 with the session and the default scope', async () => {
    await writeSsoSession(aws.paths, acme);
    expect(await config()).toBe(
      '[sso-session acme]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
    );
    expect((await stat(aws.paths.configFile)).mode & 0o777).toBe(0o600);
    expect(await readSessionsFromConfig(aws.paths)).toEqual([
      { ...acme, source: 'sso-session', registrationScopes: ['sso:account:access'] },
    ]);
  });

  it('appends to an existing config and leaves its bytes as they were', async () => {
    const original = (await corpus('config-botocore-only.ini')).replace(/\n/g, '\r\n');
    await given(original);
    await writeSsoSession(aws.paths, {
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
    await writeSsoSession(aws.paths, acme);
    expect(await config()).toBe(original);
    await expect(writeSsoSession(aws.paths, { ...acme, region: 'eu-west-1' })).rejects.toMatchObject({
      code: 'invalid-input',
      message:
        'The sso-session "acme" in ~/.aws/config already points to https://d-1234567890.awsapps.com/start in us-east-1',
      next: { do: 'choose-session-name', orChangeItThere: true },
    });
    expect(await config()).toBe(original);
  });

  it('never writes a config it cannot parse', async () => {
    const broken = '[default]\nregion = us-east-1\nnot a line\n';
    await given(broken);
    await expect(writeSsoSession(aws.paths, acme)).rejects.toMatchObject({ code: 'file-unreadable' });
    expect(await config()).toBe(broken);
  });
});
