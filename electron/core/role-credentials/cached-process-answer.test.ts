// credential_process's warm answer against files laid out as the core and the AWS CLI write them, on an injected
// clock: it answers only what the core would answer, and anything else is a miss (the core then explains).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../../../e2e/support/sandbox.js';
import { AwsCliSsoCache } from '../aws-files/token-cache.js';
import { cachedProcessAnswer } from './cached-process-answer.js';
import { formatCredentials } from './formats.js';
import { RoleCredentialsFileCache } from './role-credentials-file-cache.js';
import { SettingsFile } from '../settings/settings-file.js';
import { SETTINGS_VERSION } from '../settings/settings-version.js';
import type { RoleCredentials, SessionConfig } from '../shapes/aws-shapes.js';

const NOW = Date.parse('2030-01-01T10:00:00Z');
const HOUR = 3600_000;
const APP: SessionConfig = {
  name: 'acme',
  startUrl: 'https://d-1111111111.awsapps.com/start',
  region: 'eu-west-1',
  source: 'app',
};
const CREDENTIALS: RoleCredentials = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
  secretAccessKey: 'secret/with+chars',
  sessionToken: 'token',
  expiration: new Date(NOW + HOUR),
  accountId: '111122223333',
  roleName: 'ReadOnly',
};
const REQUEST = { accountId: '111122223333', roleName: 'ReadOnly' };
const SETTINGS = {
  version: SETTINGS_VERSION,
  sessions: [{ name: APP.name, startUrl: APP.startUrl, region: APP.region }],
};

/** settings.json as a hand edit leaves it; `read` then reads it as the program does (which marks a text it accepts). */
async function settingsFile(settings: object, { read }: { read: boolean }): Promise<void> {
  await writeFile(path.join(sandbox.paths.appDataDir, 'settings.json'), JSON.stringify(settings));
  if (read) await new SettingsFile(sandbox.paths.appDataDir).read();
}

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await makeSandbox();
  await mkdir(sandbox.paths.appDataDir, { recursive: true });
  await settingsFile(SETTINGS, { read: true });
});

afterEach(() => sandbox.cleanup());

async function signedIn(session: SessionConfig, expiresAt: number): Promise<void> {
  await new AwsCliSsoCache(sandbox.paths.ssoCacheDir).writeToken(session, {
    startUrl: session.startUrl,
    region: session.region,
    accessToken: 'access',
    expiresAt: new Date(expiresAt),
  });
  await new RoleCredentialsFileCache(path.join(sandbox.home, '.aws', 'cli', 'cache')).write(
    session,
    CREDENTIALS,
  );
}

async function configWith(text: string): Promise<void> {
  await mkdir(path.dirname(sandbox.paths.configFile), { recursive: true });
  await writeFile(sandbox.paths.configFile, text);
}

describe("credential_process's warm answer", () => {
  it('is the process format of the cached credentials while the session is signed in', async () => {
    await signedIn(APP, NOW + 8 * HOUR);
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW)).toBe(
      formatCredentials('process', CREDENTIALS),
    );
    expect(await cachedProcessAnswer({ ...REQUEST, session: 'acme' }, sandbox.paths, NOW)).toBe(
      formatCredentials('process', CREDENTIALS),
    );
  });

  it('is a miss once the token has expired by the clock it is given', async () => {
    await signedIn(APP, NOW + 8 * HOUR);
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW + 8 * HOUR)).toBeUndefined();
  });

  it('is a miss for credentials within 15 minutes of their expiry (the core renews those)', async () => {
    await signedIn(APP, NOW + 8 * HOUR);
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW + HOUR - 14 * 60_000)).toBeUndefined();
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW + HOUR - 15 * 60_000)).toBeDefined();
  });

  it("takes ~/.aws/config's session of the same name on another portal, as the core does: no token for it, a miss", async () => {
    await signedIn(APP, NOW + 8 * HOUR);
    await configWith(
      '[sso-session acme]\nsso_start_url = https://d-2222222222.awsapps.com/start\nsso_region = eu-west-1\n',
    );
    expect(await cachedProcessAnswer({ ...REQUEST, session: 'acme' }, sandbox.paths, NOW)).toBeUndefined();
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW)).toBeUndefined();
  });

  it("answers for the app's own session written into ~/.aws/config for the AWS CLI", async () => {
    await signedIn(APP, NOW + 8 * HOUR);
    await configWith(`[sso-session acme]\nsso_start_url = ${APP.startUrl}\nsso_region = ${APP.region}\n`);
    expect(await cachedProcessAnswer({ ...REQUEST, session: 'acme' }, sandbox.paths, NOW)).toBe(
      formatCredentials('process', CREDENTIALS),
    );
  });

  it('is a miss when the session cannot be told (two sessions, none named)', async () => {
    await signedIn(APP, NOW + 8 * HOUR);
    await configWith(
      '[sso-session other]\nsso_start_url = https://d-3333333333.awsapps.com/start\nsso_region = us-east-1\n',
    );
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW)).toBeUndefined();
    expect(await cachedProcessAnswer({ ...REQUEST, session: 'acme' }, sandbox.paths, NOW)).toBeDefined();
  });

  it('is a miss for a settings text the program has not read (a hand edit), and answers once it has accepted it', async () => {
    await signedIn(APP, NOW + 8 * HOUR);
    // A text the schema refuses stays a miss after the program's read (which refuses it in its own sentence).
    await settingsFile({ ...SETTINGS, theme: 'purple' }, { read: false });
    await expect(new SettingsFile(sandbox.paths.appDataDir).read()).rejects.toThrow('theme must be');
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW)).toBeUndefined();
    // A valid hand edit is the program's until it has read it once.
    await settingsFile({ ...SETTINGS, theme: 'dark' }, { read: false });
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW)).toBeUndefined();
    await new SettingsFile(sandbox.paths.appDataDir).read();
    expect(await cachedProcessAnswer(REQUEST, sandbox.paths, NOW)).toBe(
      formatCredentials('process', CREDENTIALS),
    );
  });
});
