// The three real clients of the container-credentials format against `sso-tray serve`, while the emulator issues role
// credentials that live 6 seconds: the AWS JS SDK, botocore and the AWS CLI each keep calling STS GetCallerIdentity
// (which the emulator answers only for unexpired credentials it issued, with a valid SigV4 signature) until the
// emulator has seen them keep calling past the expiry of two credential sets they used, with no failed call. The loops
// stop on that event, not at a moment: a loaded machine makes fewer calls, not a different verdict.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { promisify } from 'node:util';
import { fromHttp } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import type { CallRecord } from './identity-center/model.js';
import { eventually } from './support/eventually.js';
import { setProcessEnv } from './support/process-env.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { startProgram, type StartedCli } from './support/cli-process.js';
import { loginAcme, startServe } from './support/cli-run.js';

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

beforeAll(async () => {
  emu = await startEmulator({ lifetimes: { roleCredentialSeconds: LIFETIME_MS / 1000 } });
  sandbox = await makeSandbox(emu.url);
  expect((await loginAcme(emu, sandbox)).code).toBe(0);
  const served = await startServe(sandbox);
  serve = served.serve;
  endpoint = { url: served.url, token: served.token };
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

/**
 * Expiries a client's calls crossed, as the emulator saw them: the credential sets that signed its successful calls
 * and expired before a later successful call of the same client (which a newer set must then have signed).
 */
function expiriesCrossed(calls: CallRecord[]): number {
  const ok = calls.filter((c) => c.status === 200 && c.credentialsExpireAt !== undefined);
  const last = Math.max(...ok.map((c) => c.at));
  return new Set(ok.map((c) => c.credentialsExpireAt).filter((at) => at !== undefined && at <= last)).size;
}

/**
 * Repeats `call` (one STS call by the client under test, a pause of 300 ms between calls so as not to spin) until the
 * emulator has seen the client's calls cross two expiries, or until a call fails; returns the client's calls as the
 * emulator answered them and the failure, if any. Only the hang guard bounds it.
 */
async function callAcrossTwoExpiries(call: () => Promise<void>) {
  const from = emu.calls().length;
  const mine = () =>
    emu
      .calls()
      .slice(from)
      .filter((c) => c.api === 'GetCallerIdentity');
  const state: { failure?: unknown; stop: boolean } = { stop: false };
  const loop = (async () => {
    try {
      while (!state.stop) {
        await call();
        await pause(300);
      }
    } catch (error) {
      state.failure = error;
    }
  })();
  await eventually(() => {
    if (state.failure === undefined) expect(expiriesCrossed(mine())).toBeGreaterThanOrEqual(2);
  });
  state.stop = true;
  await loop;
  return { calls: mine(), failure: state.failure };
}

/** The verdict for every client: no call failed, none was refused, and they crossed two expiries. */
function expectTwoExpiriesWithoutFailure(result: { calls: CallRecord[]; failure?: unknown }) {
  expect(result.failure).toBeUndefined();
  expect(result.calls.filter((c) => c.status !== 200)).toEqual([]);
  expect(expiriesCrossed(result.calls)).toBeGreaterThanOrEqual(2);
}

// Calls until a stop file appears (the test writes it once the emulator has seen two expiries crossed); a failed call
// raises, so python exits non-zero and the loop above sees it. Prints its calls and the access keys it held.
const BOTOCORE = `
import os, sys, time, botocore.session
stop = sys.argv[1]
client = botocore.session.get_session().create_client('sts')
ok = 0
keys = set()
while not os.path.exists(stop):
    client.get_caller_identity()
    ok += 1
    keys.add(client._request_signer._credentials.access_key)
    time.sleep(0.3)
print(ok, len(keys))
`;

/** Runs the botocore loop; resolves with its stdout, rejects with its stderr when it exits non-zero. */
function startBotocore(stop: string) {
  const done = startProgram('python3', ['-c', BOTOCORE, stop], { env: clientEnv() }).done.then(
    ({ code, stdout, stderr }) => {
      if (code !== 0) throw new Error(`botocore exited ${code}: ${stderr}`);
      return stdout;
    },
  );
  done.catch(() => undefined);
  return done;
}

describe('the endpoint across credential expiries', () => {
  it('the AWS JS SDK (fromHttp) calls STS across two expiries with no failure', async () => {
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
    const restoreEnv = setProcessEnv({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.url,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: endpoint.token,
    });
    try {
      expectTwoExpiriesWithoutFailure(
        await callAcrossTwoExpiries(async () => {
          await sts.send(new GetCallerIdentityCommand({}));
        }),
      );
    } finally {
      restoreEnv();
    }
    expect(keys.size).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!hasBotocore)(
    `botocore (python3) calls STS across two expiries with no failure${hasBotocore ? '' : ' (python3 with botocore is not installed)'}`,
    async () => {
      const stop = join(sandbox.home, 'botocore-stop');
      const done = startBotocore(stop);
      // The python loop is the client; this watches it: a non-zero exit is the failure.
      const result = await callAcrossTwoExpiries(() =>
        Promise.race([done.then(() => undefined), pause(300)]),
      );
      await writeFile(stop, '');
      expectTwoExpiriesWithoutFailure(result);
      const [calls, keys] = (await done).trim().split(' ').map(Number);
      expect(calls).toBeGreaterThanOrEqual(3);
      expect(keys).toBeGreaterThanOrEqual(3);
    },
  );

  it.skipIf(!hasAwsCli)(
    `the AWS CLI calls STS across two expiries with no failure${hasAwsCli ? '' : ' (the AWS CLI is not installed)'}`,
    async () => {
      expectTwoExpiriesWithoutFailure(
        await callAcrossTwoExpiries(async () => {
          // --endpoint-url: the AWS CLI reads AWS_ENDPOINT_URL_STS only from 2.13 on; Debian's is 2.9.
          const args = ['sts', 'get-caller-identity', '--output', 'json', '--endpoint-url', emu.url];
          const { stdout } = await run(AWS, args, { env: clientEnv() });
          expect(JSON.parse(stdout).Arn).toMatch(/assumed-role\/AWSReservedSSO_AdministratorAccess_/);
        }),
      );
    },
  );

  it('the emulator refused no call, and the role credentials were renewed several times', () => {
    const sts = emu.calls().filter((c) => c.api === 'GetCallerIdentity');
    expect(sts.filter((c) => c.status !== 200)).toEqual([]);
    expect(emu.calls().filter((c) => c.api === 'GetRoleCredentials').length).toBeGreaterThanOrEqual(3);
  });
});
