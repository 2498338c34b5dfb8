// The three real clients of the container-credentials format against `sso-tray serve`, while the emulator issues role
// credentials that live 6 seconds: the AWS JS SDK, botocore and the AWS CLI each keep calling STS GetCallerIdentity
// (which the emulator answers only for unexpired credentials it issued, with a valid SigV4 signature) until two
// served credentials have expired, with no failed call.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { fromHttp } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { startCli, type StartedCli } from './support/cli-process.js';
import { loginAcme } from './support/cli-run.js';
import { askEndpoint, servedVariables } from './support/endpoint-client.js';

const LIFETIME_MS = 6_000;
const run = promisify(execFile);
const installed = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
// CI installs both from Debian (.ci/run); a machine without them says so in the skipped test's name.
const hasBotocore = installed('python3', ['-c', 'import botocore']);
// Debian's awscli is the AWS CLI v2 (2.9); a pip-installed `aws` on PATH (v1) serves where it is missing.
const AWS = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
const hasAwsCli = installed(AWS, ['--version']);

let emu: RunningEmulator;
let sandbox: Sandbox;
let serve: StartedCli;
let endpoint: { url: string; token: string };

/** Past this moment, two credentials the endpoint serves from now on have expired (each lives LIFETIME_MS, renewed at half). */
async function twoExpiriesFromNow(): Promise<number> {
  const now = await askEndpoint(endpoint.url, { authorization: endpoint.token });
  return Date.parse(now.body.Expiration ?? '') + LIFETIME_MS;
}

beforeAll(async () => {
  emu = await startEmulator({ lifetimes: { roleCredentialSeconds: LIFETIME_MS / 1000 } });
  sandbox = await makeSandbox(emu.url);
  expect((await loginAcme(emu, sandbox)).code).toBe(0);
  serve = startCli(sandbox, ['serve', 'Sandbox', 'AdministratorAccess']);
  let stdout = '';
  serve.child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  await serve.stderrMatches(/Ctrl-C to stop/);
  endpoint = servedVariables(stdout);
});

afterAll(async () => {
  serve.child.kill('SIGTERM');
  await serve.done;
  await emu.close();
  await sandbox.cleanup();
});

const clientEnv = () =>
  childEnv(sandbox, {
    AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.url,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: endpoint.token,
    AWS_ENDPOINT_URL_STS: emu.url,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
  });

const BOTOCORE = `
import sys, time, botocore.session
until = float(sys.argv[1]) / 1000
client = botocore.session.get_session().create_client('sts')
ok = 0
keys = set()
while True:
    client.get_caller_identity()
    ok += 1
    keys.add(client._request_signer._credentials.access_key)
    if time.time() > until:
        break
    time.sleep(0.3)
print(ok, len(keys))
`;

describe('the endpoint across credential expiries', () => {
  it('the AWS JS SDK (fromHttp) calls STS with no failure', async () => {
    const until = await twoExpiriesFromNow();
    const provider = fromHttp({});
    const keys = new Set<string>();
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: emu.url,
      credentials: async () => {
        const credentials = await provider({});
        keys.add(credentials.accessKeyId);
        return credentials;
      },
    });
    const previous = { ...process.env };
    Object.assign(process.env, {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.url,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: endpoint.token,
    });
    let calls = 0;
    try {
      do {
        await sts.send(new GetCallerIdentityCommand({}));
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
      } while (Date.now() <= until);
    } finally {
      process.env = previous;
    }
    expect(calls).toBeGreaterThan(2);
    expect(keys.size).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!hasBotocore)('botocore (python3) calls STS with no failure', async () => {
    const until = await twoExpiriesFromNow();
    const { stdout } = await run('python3', ['-c', BOTOCORE, String(until)], { env: clientEnv() });
    const [calls, keys] = stdout.trim().split(' ').map(Number);
    expect(calls).toBeGreaterThan(2);
    expect(keys).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!hasAwsCli)('the AWS CLI calls STS with no failure', async () => {
    const until = await twoExpiriesFromNow();
    let calls = 0;
    do {
      // --endpoint-url: the AWS CLI reads AWS_ENDPOINT_URL_STS only from 2.13 on; Debian's is 2.9.
      const args = ['sts', 'get-caller-identity', '--output', 'json', '--endpoint-url', emu.url];
      const { stdout } = await run(AWS, args, { env: clientEnv() });
      expect(JSON.parse(stdout).Arn).toMatch(/assumed-role\/AWSReservedSSO_AdministratorAccess_/);
      calls += 1;
    } while (Date.now() <= until);
    expect(calls).toBeGreaterThan(1);
  });

  it('the emulator refused no call, and the role credentials were renewed several times', () => {
    const sts = emu.calls().filter((c) => c.api === 'GetCallerIdentity');
    expect(sts.filter((c) => c.status !== 200)).toEqual([]);
    expect(emu.calls().filter((c) => c.api === 'GetRoleCredentials').length).toBeGreaterThanOrEqual(3);
  });
});
