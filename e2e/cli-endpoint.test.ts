// `sso-tray serve` and `exec --endpoint`: the role's credentials at a loopback endpoint in the SDKs' container
// credentials format, only for a request with the token to a loopback name; read by the AWS SDK's own provider.
import { fromHttp } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCliEmulator, type StartedCli } from './support/cli-process.js';
import { loginAcme, nodeScript, runExec, runSsoTray, startServe } from './support/cli-run.js';
import { askEndpoint } from './support/endpoint-client.js';

const h = useCliEmulator();
let serve: StartedCli;
let url: string;
let token: string;

beforeAll(async () => {
  const login = await loginAcme(h.emu, h.sandbox);
  expect(login.code, login.stderr).toBe(0);
  ({ serve, url, token } = await startServe(h.sandbox));
});

afterAll(async () => {
  serve.child.kill('SIGTERM');
  await serve.done;
});

describe('sso-tray serve', () => {
  it('prints the two variables and serves the role credentials in the container-credentials format', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/role-credentials$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const answer = await askEndpoint(url, { authorization: token });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual([
      'AccessKeyId',
      'SecretAccessKey',
      'Token',
      'Expiration',
      'AccountId',
    ]);
    const issued = JSON.parse(
      (await runSsoTray(h.sandbox, ['creds', 'Sandbox', 'AdministratorAccess', '--format', 'process']))
        .stdout,
    ) as Record<string, string>;
    expect([answer.body.AccessKeyId, answer.body.SecretAccessKey, answer.body.Token]).toEqual([
      issued.AccessKeyId,
      issued.SecretAccessKey,
      issued.SessionToken,
    ]);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('refuses a missing token, a wrong token, a foreign Host and a web page', async () => {
    const port = new URL(url).port;
    const cases = [
      [{}, 401, 'MissingToken'],
      [{ authorization: `${token}x` }, 401, 'WrongToken'],
      [{ authorization: token.slice(1) }, 401, 'WrongToken'],
      [{ authorization: token, host: `attacker.example:${port}` }, 403, 'ForeignHost'],
      [{ authorization: token, host: `127.0.0.1.nip.io:${port}` }, 403, 'ForeignHost'],
      [{ authorization: token, origin: 'http://127.0.0.1:8080' }, 403, 'BrowserRequest'],
    ] as const;
    for (const [headers, status, code] of cases) {
      const answer = await askEndpoint(url, headers);
      expect([answer.status, answer.body.Code, answer.body.AccessKeyId], JSON.stringify(headers)).toEqual([
        status,
        code,
        undefined,
      ]);
    }
    // The sentence says where the token is: what this `serve` printed.
    expect((await askEndpoint(url, {})).body.Message).toBe(
      'Set AWS_CONTAINER_AUTHORIZATION_TOKEN to the token `sso-tray serve` printed.',
    );
    // Loopback names pass: [::1] and localhost as the Host header.
    for (const host of [`localhost:${port}`, `[::1]:${port}`, `127.0.0.1:${port}`])
      expect((await askEndpoint(url, { authorization: token, host })).status).toBe(200);
  });

  it('serves 200 concurrent clients without a failure', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => askEndpoint(url, { authorization: token })),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(new Set(answers.map((a) => a.body.AccessKeyId)).size).toBe(1);
  });

  it("is read by the AWS JS SDK's container provider, whose STS call the emulator accepts", async () => {
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: h.emu.url,
      credentials: fromHttp({ awsContainerCredentialsFullUri: url, awsContainerAuthorizationToken: token }),
    });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toMatch(/^arn:aws:sts::\d{12}:assumed-role\/AWSReservedSSO_AdministratorAccess_/);
    expect(
      h.emu
        .calls()
        .filter((c) => c.api === 'GetCallerIdentity')
        .map((c) => c.status),
    ).toEqual([200]);
  });

  it('never writes the token or a credential to its stderr', async () => {
    const answer = await askEndpoint(url, { authorization: token });
    const stderr = await serve.stderrMatches(/Ctrl-C to stop/);
    for (const secret of [token, answer.body.SecretAccessKey!, answer.body.Token!])
      expect(stderr).not.toContain(secret);
  });

  it('refuses a listen address other machines reach unless asked, and then warns', async () => {
    const refused = await runSsoTray(h.sandbox, [
      'serve',
      'Sandbox',
      'AdministratorAccess',
      '--listen',
      '0.0.0.0',
    ]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      'sso-tray: 0.0.0.0 is not a loopback address, so other machines could ask for these credentials; add --allow-non-loopback if that is what you want.\n',
    ]);
    const wide = await startServe(h.sandbox, { flags: ['--listen', '0.0.0.0', '--allow-non-loopback'] });
    expect(wide.stderr.split('\n')[0]).toBe(
      'sso-tray: warning: listening on 0.0.0.0: any machine that reaches it and has the token gets the credentials.',
    );
    wide.serve.child.kill('SIGINT');
    expect((await wide.serve.done).code).toBe(130);
  });
});

describe('sso-tray exec --endpoint', () => {
  it('gives the command the endpoint and its token instead of keys; the SDK in it reads the role credentials', async () => {
    const program = [
      "const { fromContainerMetadata } = require('@aws-sdk/credential-providers');",
      "const keys = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].filter((k) => process.env[k]);",
      'fromContainerMetadata()().then((c) => process.stdout.write(JSON.stringify({ keys, uri: process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, id: c.accessKeyId })));',
    ].join('\n');
    const run = await runExec(h.sandbox, nodeScript(program), {
      flags: ['--endpoint'],
      env: { AWS_ACCESS_KEY_ID: 'AKIASTALE', NODE_PATH: `${process.cwd()}/node_modules` },
    });
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout) as { keys: string[]; uri: string; id: string };
    expect(seen.keys).toEqual([]);
    expect(seen.uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/role-credentials$/);
    expect(seen.id).toMatch(/^ASIA/);
    // The endpoint is gone with the command.
    await expect(askEndpoint(seen.uri, {})).rejects.toThrow(/ECONNREFUSED/);
  });
});
