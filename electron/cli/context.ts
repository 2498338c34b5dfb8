// What every command shares: the core built from the environment, its handler table, and the chosen session.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SsoTrayCore } from '../core/core.js';
import { quoteArgument } from '../core/config-profiles.js';
import { awsPathsFromEnv, endpointsFromEnv } from '../core/environment.js';
import { SsoTrayError } from '../core/errors.js';
import { profilesInConfig } from '../core/aws-files/aws-config.js';
import { createHandlers, invoke, type HandlerTable } from '../ipc/handlers.js';
import type { Channel, ChannelInput, ChannelResult } from '../ipc/contract.js';
import type { AwsPaths } from '../core/types.js';

export type Env = Record<string, string | undefined>;

export interface CliContext {
  core: SsoTrayCore;
  paths: AwsPaths;
  env: Env;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  /** --session, then SSO_TRAY_SESSION, then the sso_session of AWS_PROFILE, then the only session. */
  sessionName(option: string | undefined): Promise<string>;
  close(): void;
}

/** How credential_process should run this command: `sso-tray` when PATH finds this very one, else its full path. */
export function processCommandFor(env: Env): string {
  const bin = fileURLToPath(new URL('../../../bin/sso-tray.js', import.meta.url));
  const self = realpathOr(bin);
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of process.platform === 'win32' ? ['sso-tray.cmd', 'sso-tray'] : ['sso-tray']) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate) && realpathOr(candidate) === self) return 'sso-tray';
    }
  }
  return `${quoteArgument(process.execPath)} ${quoteArgument(bin)}`;
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

export function createContext(
  env: Env,
  options: { openBrowser?: (url: string) => Promise<void>; background?: boolean } = {},
): CliContext {
  const paths = awsPathsFromEnv(env);
  const core = new SsoTrayCore({
    paths,
    endpoints: endpointsFromEnv(env),
    ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
    background: options.background ?? false,
    processCommand: processCommandFor(env),
  });
  const handlers: HandlerTable = createHandlers(core);
  return {
    core,
    paths,
    env,
    async call(channel, input) {
      const result = await invoke(handlers, channel, input);
      if (result.ok) return result.value;
      throw new SsoTrayError(result.error.code as never, result.error.message);
    },
    async sessionName(option) {
      if (option) return option;
      if (env.SSO_TRAY_SESSION) return env.SSO_TRAY_SESSION;
      await core.start();
      const profileName = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
      if (profileName) {
        const profiles = await profilesInConfig(paths);
        const profile =
          profiles[profileName === 'default' ? 'default' : `profile ${profileName}`] ?? profiles[profileName];
        const fromProfile = profile?.sso_session ?? (profile?.sso_start_url ? profileName : undefined);
        if (fromProfile && core.sessions().some((s) => s.name === fromProfile)) return fromProfile;
      }
      return core.sessionName(undefined);
    },
    close() {
      core.dispose();
    },
  };
}
