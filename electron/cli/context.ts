// What every command shares: the core's door ({ call, on }, opened from the environment) and the chosen session.
import { openDoor, type Door } from '../ipc/door.js';
import { awsPathsFromEnv, type Env } from '../core/public.js';
import type { AwsPaths } from '../core/shapes/aws-shapes.js';

export interface CliContext extends Door {
  paths: AwsPaths;
  env: Env;
  /** The clock "expires in …" is measured against. */
  now(): number;
  /** The session a command means (the core's `sessions:choose`), or the core's sentence naming the sessions there are. */
  sessionName(option: string | undefined): Promise<string>;
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
  return {
    paths: awsPathsFromEnv(env),
    env,
    call: (channel, input) => door.call(channel, input),
    on: (event, listener) => door.on(event, listener),
    now: () => Date.now(),
    async sessionName(option) {
      const named = option ?? env.SSO_TRAY_SESSION;
      const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
      return door.call('sessions:choose', {
        ...(named ? { session: named } : {}),
        ...(profile ? { profile } : {}),
      });
    },
    close() {
      door.close();
    },
  };
}
