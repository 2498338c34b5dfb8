// What every command shares: the core built from the environment, its handler table, and the chosen session.
import { SsoTrayCore } from '../core/core.js';
import { runningCliLauncher } from '../core/process-launcher.js';
import { awsPathsFromEnv, endpointsFromEnv, type Env } from '../core/environment.js';
import { SsoTrayError, isSsoTrayError } from '../core/errors.js';
import { chooseSession } from './session-choice.js';
import { createHandlers, invoke, type HandlerTable } from '../ipc/handlers.js';
import type { Channel, ChannelInput, ChannelResult } from '../ipc/contract.js';
import type { AwsPaths } from '../core/types.js';

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

export function createContext(
  env: Env,
  options: {
    openBrowser?: (url: string) => Promise<void>;
    background?: boolean;
    /** Where `console:open` hands the login URL: the system browser, or stdout for --print. */
    openExternal?: (url: string) => Promise<void>;
  } = {},
): CliContext {
  const paths = awsPathsFromEnv(env);
  const core = new SsoTrayCore({
    paths,
    endpoints: endpointsFromEnv(env),
    ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
    background: options.background ?? false,
    processLauncher: runningCliLauncher,
  });
  // invoke reduces an error to its sentence; the CLI keeps what was thrown as the cause (SSO_TRAY_DEBUG=1 shows it).
  let thrown: unknown;
  const handlers = traced(
    createHandlers(core, options.openExternal ? { openExternal: options.openExternal } : {}),
    (error) => (thrown = error),
  );
  let chosen: string | undefined;
  const call: CliContext['call'] = async (channel, input) => {
    thrown = undefined;
    const result = await invoke(handlers, channel, input);
    if (result.ok) return result.value;
    const cause = isSsoTrayError(thrown) ? thrown.cause : thrown;
    throw new SsoTrayError(result.error.code as never, result.error.message, { cause });
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

function traced(handlers: HandlerTable, onError: (error: unknown) => void): HandlerTable {
  const wrap =
    (handler: (input: never) => Promise<unknown>) =>
    (input: never): Promise<unknown> =>
      handler(input).catch((error: unknown) => {
        onError(error);
        throw error;
      });
  return Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [channel, wrap(handler as never)]),
  ) as unknown as HandlerTable;
}
