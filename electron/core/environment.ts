// Resolves where the core works from the process environment, the way the AWS CLI and SDKs do.
import os from 'node:os';
import path from 'node:path';
import type { AwsPaths, EndpointKind, Endpoints, NetworkRoute } from './shapes/aws-shapes.js';
import { SIGNIN_ENDPOINT_VARIABLE } from './console/signin-endpoint.js';

/** The process environment as the core reads it (process.env, or a test's own). */
export type Env = Record<string, string | undefined>;

/** ~ expanded as the SDK does (HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS). */
function expandHome(file: string, homeDir: string): string {
  return file.startsWith('~/') || file.startsWith('~\\') ? path.join(homeDir, file.slice(2)) : file;
}

/** The app's own folder: where Electron's app.getPath('userData') puts an app named sso-tray. */
function defaultAppDataDir(env: Env, homeDir: string, platform: NodeJS.Platform = process.platform): string {
  if (env.SSO_TRAY_DATA_DIR) return env.SSO_TRAY_DATA_DIR;
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Application Support', 'sso-tray');
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(homeDir, 'AppData', 'Roaming'), 'sso-tray');
  return path.join(env.XDG_CONFIG_HOME || path.join(homeDir, '.config'), 'sso-tray');
}

export function awsPathsFromEnv(env: Env = process.env): AwsPaths {
  // The SDK's order (getHomeDir in @smithy/shared-ini-file-loader, https://github.com/smithy-lang/smithy-typescript/
  // blob/main/packages/shared-ini-file-loader/src/getHomeDir.ts), without loading it: credential_process pays each load.
  const homeDir =
    env.HOME ||
    env.USERPROFILE ||
    (env.HOMEPATH ? `${env.HOMEDRIVE ?? `C:${path.sep}`}${env.HOMEPATH}` : os.homedir());
  return {
    homeDir,
    configFile: expandHome(env.AWS_CONFIG_FILE || path.join(homeDir, '.aws', 'config'), homeDir),
    credentialsFile: expandHome(
      env.AWS_SHARED_CREDENTIALS_FILE || path.join(homeDir, '.aws', 'credentials'),
      homeDir,
    ),
    ssoCacheDir: path.join(homeDir, '.aws', 'sso', 'cache'),
    appDataDir: defaultAppDataDir(env, homeDir),
  };
}

/**
 * AWS_ENDPOINT_URL_SSO_OIDC / AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL, unless ignored; each
 * with the variable that set it, which endpoint-url.ts names when it refuses the address (before any request).
 */
export function endpointsFromEnv(env: Env = process.env): Endpoints {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return {};
  const endpoints: Endpoints = {};
  const sources: NonNullable<Endpoints['sources']> = {};
  const pick = (kind: EndpointKind, variable: string) => {
    const name = env[variable] ? variable : env.AWS_ENDPOINT_URL ? 'AWS_ENDPOINT_URL' : undefined;
    if (!name) return;
    endpoints[kind] = env[name];
    sources[kind] = name;
  };
  pick('oidc', 'AWS_ENDPOINT_URL_SSO_OIDC');
  pick('portal', 'AWS_ENDPOINT_URL_SSO');
  pick('signin', SIGNIN_ENDPOINT_VARIABLE);
  if (Object.keys(sources).length > 0) endpoints.sources = sources;
  return endpoints;
}

/**
 * The proxy variables and AWS_CA_BUNDLE, which the AWS CLI honours too
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-proxy.html,
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html); `systemRoots` and `systemProxy` for the app.
 */
export function networkRouteFromEnv(
  env: Env = process.env,
  systemRoots = false,
  systemProxy?: NetworkRoute['systemProxy'],
): NetworkRoute {
  const proxyEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && (/_proxy$/i.test(name) || name === 'REQUEST_METHOD')) proxyEnv[name] = value;
  return {
    proxyEnv,
    ...(env.AWS_CA_BUNDLE ? { caBundle: env.AWS_CA_BUNDLE } : {}),
    systemRoots,
    ...(systemProxy ? { systemProxy } : {}),
  };
}
