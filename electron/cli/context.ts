// What every command shares: the core built from the environment, its handler table, and the chosen session.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SsoTrayCore } from '../core/core.js';
import { quoteArgument } from '../core/config-profiles.js';
import { awsPathsFromEnv, endpointsFromEnv } from '../core/environment.js';
import { SsoTrayError } from '../core/errors.js';
import { chooseSession } from './session-choice.js';
import { createHandlers, invoke, type HandlerTable } from '../ipc/handlers.js';
import type { Channel, ChannelInput, ChannelResult } from '../ipc/contract.js';
import type { AwsPaths } from '../core/types.js';

export type Env = Record<string, string | undefined>;

export interface CliContext {
  paths: AwsPaths;
  env: Env;
  /** Every operation goes through the handler table, as it does for the window and the tray. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  /** The core's events (the contract's events), for progress lines. */
  on: SsoTrayCore['on'];
  /** The core's clock, for "expires in …". */
  now(): number;
  /** The session a command means (session-choice.ts), or the core's sentence naming the sessions there are. */
  sessionName(option: string | undefined): Promise<string>;
  /** The session sessionName last named (or was asked for), for the way forward an error names. */
  chosenSession(): string | undefined;
  close(): void;
}

/** How credential_process should run this command: `sso-tray` when PATH finds this very one, else its full path. */
function processCommandFor(env: Env): string {
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
  let chosen: string | undefined;
  const call: CliContext['call'] = async (channel, input) => {
    const result = await invoke(handlers, channel, input);
    if (result.ok) return result.value;
    throw new SsoTrayError(result.error.code as never, result.error.message);
  };
  return {
    paths,
    env,
    on: (event, listener) => core.on(event, listener),
    now: () => core.clock.now(),
    call,
    async sessionName(option) {
      chosen = option;
      const known = async () => (await call('sessions:list', {})).map((s) => s.name);
      const name = (await chooseSession(option, env, paths, known)) ?? (await core.sessionName(undefined));
      chosen = name;
      return name;
    },
    chosenSession: () => chosen,
    close() {
      core.dispose();
    },
  };
}
