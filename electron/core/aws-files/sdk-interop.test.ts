// The JS SDK's own credential providers reading what SSO Tray wrote; the only server is a tiny portal on 127.0.0.1.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsPathsFromEnv } from '../environment.js';
import type { AwsPaths } from '../shapes/aws-shapes.js';
import { writeSsoProfile } from './config-profile-writer.js';
import { writeSsoSession } from './sso-session-writer.js';
import { CredentialsFile } from './credentials-file.js';
import { AwsCliSsoCache } from './token-cache.js';

let home: string;
let paths: AwsPaths;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'sdk-interop-'));
  paths = awsPathsFromEnv({ HOME: home });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const expiration = Date.UTC(2030, 0, 1, 12, 0, 0);

describe('fromSSO using the token cache SSO Tray wrote', () => {
  let server: Server;
  let requests: Array<{ url: string; headers: IncomingHttpHeaders }>;
  const saved = { HOME: process.env.HOME, AWS_ENDPOINT_URL_SSO: process.env.AWS_ENDPOINT_URL_SSO };

  beforeEach(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push({ url: request.url ?? '', headers: request.headers });
      if (request.method !== 'GET' || !request.url?.startsWith('/federation/credentials')) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          roleCredentials: {
            accessKeyId: 'ASIAFROMPORTAL',
            secretAccessKey: 'portalSecret',
            sessionToken: 'portalToken',
            expiration,
          },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // The SDK finds ~/.aws/sso/cache through HOME, and the portal through AWS_ENDPOINT_URL_SSO.
    process.env.HOME = home;
    process.env.AWS_ENDPOINT_URL_SSO = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const [key, value] of Object.entries(saved))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    await new Promise((resolve) => server.close(resolve));
  });

  const portalCredentials = {
    accessKeyId: 'ASIAFROMPORTAL',
    secretAccessKey: 'portalSecret',
    sessionToken: 'portalToken',
    expiration: new Date(expiration),
  };

  it('gets role credentials for an sso-session profile, sending the token SSO Tray cached', async () => {
    const session = {
      name: 'acme',
      startUrl: 'https://d-1234567890.awsapps.com/start',
      region: 'us-east-1',
      source: 'app' as const,
    };
    await writeSsoSession(paths, session);
    await writeSsoProfile(paths, 'dev', {
      session: 'acme',
      accountId: '111122223333',
      roleName: 'Admin',
    });
    await new AwsCliSsoCache(paths.ssoCacheDir).writeToken(session, {
      startUrl: session.startUrl,
      region: session.region,
      accessToken: 'aoaTOKENWRITTENBYSSOTRAY',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const provider = fromSSO({
      profile: 'dev',
      filepath: paths.credentialsFile,
      configFilepath: paths.configFile,
    });
    expect(await provider()).toMatchObject(portalCredentials);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers['x-amz-sso_bearer_token']).toBe('aoaTOKENWRITTENBYSSOTRAY');
    expect(new URL(requests[0]?.url ?? '', 'http://x').searchParams.toString()).toBe(
      'account_id=111122223333&role_name=Admin',
    );
  });

  it('gets role credentials for a legacy profile, whose token is filed under its start URL', async () => {
    await mkdir(path.dirname(paths.configFile), { recursive: true });
    await writeFile(
      paths.configFile,
      '[profile old]\nsso_start_url = https://d-abc123.awsapps.com/start\nsso_region = us-west-2\nsso_account_id = 444455556666\nsso_role_name = ReadOnly\n',
    );
    await new AwsCliSsoCache(paths.ssoCacheDir).writeToken(
      {
        name: 'old',
        startUrl: 'https://d-abc123.awsapps.com/start',
        region: 'us-west-2',
        source: 'legacy-profile',
      },
      {
        startUrl: 'https://d-abc123.awsapps.com/start',
        region: 'us-west-2',
        accessToken: 'aoaLEGACY',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    );
    const provider = fromSSO({
      profile: 'old',
      filepath: paths.credentialsFile,
      configFilepath: paths.configFile,
    });
    expect(await provider()).toMatchObject(portalCredentials);
    expect(requests[0]?.headers['x-amz-sso_bearer_token']).toBe('aoaLEGACY');
  });
});

describe('fromIni reading a profile CredentialsFile wrote', () => {
  it('gets exactly the credentials written, next to the user’s own profiles', async () => {
    const original = `\uFEFF${(await readFile(path.join(import.meta.dirname, 'corpus', 'credentials-hand-kept.ini'), 'utf8')).replace(/\n/g, '\r\n')}`;
    await mkdir(path.dirname(paths.credentialsFile), { recursive: true });
    await writeFile(paths.credentialsFile, original);
    const file = new CredentialsFile({ file: paths.credentialsFile, appDataDir: paths.appDataDir });
    const written = {
      accessKeyId: 'ASIAWRITTEN',
      secretAccessKey: 'wJalr/K7MDENG+bPxRfiCY==',
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==',
      expiration: new Date(expiration),
      accountId: '111122223333',
      roleName: 'Admin',
    };
    await file.writeProfile('acme-admin', written, { session: 'acme', keepFresh: true });
    const read = (profile: string) =>
      fromIni({
        profile,
        filepath: paths.credentialsFile,
        configFilepath: paths.configFile,
        ignoreCache: true,
      })();
    expect(await read('acme-admin')).toMatchObject({
      accessKeyId: 'ASIAWRITTEN',
      secretAccessKey: 'wJalr/K7MDENG+bPxRfiCY==',
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==',
    });
    expect(await read('default')).toMatchObject({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
  });
});
