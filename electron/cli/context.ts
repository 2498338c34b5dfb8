// What every command shares: the core's door ({ call, on }, opened from the environment) and the chosen session.
import { openDoor, type Door } from '../ipc/door.js';
import { awsPathsFromEnv, type Env } from '../core/public.js';
import type { AwsPaths } from '../core/types.js';

export interface CliContext extends Door {
  paths: AwsPaths;
  env: Env;
  /** The clock "expires in …" is measured against. */
  now(): number;
  /** The session a command means (the core's `sessions:choose`), or the core's sentence naming the sessions there are. */
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
  const door = openDoor(
    {
      env,
      cli: 'running',
      background: options.background ?? false,
      ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
    },
    options.openExternal ? { openExternal: options.openExternal } : {},
  );
  let chosen: string | undefined;
  return {
    paths: awsPathsFromEnv(env),
    env,
    call: (channel, input) => door.call(channel, input),
    on: (event, listener) => door.on(event, listener),
    now: () => Date.now(),
    async sessionName(option) {
      chosen = option ?? env.SSO_TRAY_SESSION;
      const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
      chosen = await door.call('sessions:choose', {
        ...(chosen ? { session: chosen } : {}),
        ...(profile ? { profile } : {}),
      });
      return chosen;
    },
    chosenSession: () => chosen,
    close() {
      door.close();
    },
  };
}
