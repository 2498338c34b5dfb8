// A throwaway HOME for one test: its own ~/.aws, app data folder and environment, never the real ones.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { awsPathsFromEnv } from '../../electron/core/environment.js';
import type { AwsPaths } from '../../electron/core/shapes/aws-shapes.js';

export interface Sandbox {
  home: string;
  paths: AwsPaths;
  /** The environment a child process (the CLI, the AWS SDK) needs to see this sandbox and the emulator. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function makeSandbox(emulatorUrl?: string): Promise<Sandbox> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-test-'));
  const env: Record<string, string> = {
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
    SSO_TRAY_DATA_DIR: path.join(home, 'sso-tray-data'),
  };
  if (emulatorUrl) {
    env.AWS_ENDPOINT_URL_SSO_OIDC = emulatorUrl;
    env.AWS_ENDPOINT_URL_SSO = emulatorUrl;
    env.AWS_ENDPOINT_URL_SIGNIN = emulatorUrl; // console sign-in: never AWS's federation endpoint from a test
  }
  return {
    home,
    paths: awsPathsFromEnv(env),
    env,
    cleanup: () => rm(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
  };
}

/**
 * A proxy the machine running the tests happens to set would stand between botocore or the AWS CLI and the emulator
 * on 127.0.0.1 (both honour these variables: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-proxy.html).
 */
const PROXY_VARIABLE = /^(https?|all|no)_proxy$/i;

/** The environment of this process without anything AWS, SSO Tray or proxy, plus the sandbox's. */
export function childEnv(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      key.startsWith('AWS_') ||
      key.startsWith('SSO_TRAY_') ||
      PROXY_VARIABLE.test(key)
    )
      continue;
    base[key] = value;
  }
  return { ...base, ...sandbox.env, ...extra };
}
