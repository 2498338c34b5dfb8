// The core's one door: the window, the tray and the CLI are each handed `{ call, on }` and nothing else. Every call
// is checked against the contract's zod schema (invoke) before its handler runs; the core object never leaves here.
import { SsoTrayCore } from '../core/core.js';
import type { Clock } from '../core/clock.js';
import { awsPathsFromEnv, endpointsFromEnv, networkRouteFromEnv, type Env } from '../core/environment.js';
import { SsoTrayError, isSsoTrayError, type ErrorCode } from '../core/errors.js';
import { installedCliLauncher, runningCliLauncher } from '../core/profiles/process-launcher.js';
import { SecretStoreSsoCache, type SecretStore } from '../core/aws-files/token-cache.js';
import { whenWritesSettled } from '../core/aws-files/writes-in-flight.js';
import type {
  AppEventName,
  AppEvents,
  CallOutcome,
  Channel,
  ChannelInput,
  ChannelResult,
} from './contract.js';
import { createHandlers, errorForCaller, invoke, type HandlerCapabilities } from './handlers.js';

/** What every front end holds: the contract's calls and the core's events. */
export interface Door {
  /** Validated against the contract; a refusal or failure is thrown as an SsoTrayError (one sentence). */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
}

/** What the one who opens the door (the app's start-up, the CLI's context) also holds: the core's lifetime. */
export interface OpenDoor extends Door {
  /** After resume from sleep or a clock jump: re-read tokens and reschedule everything. */
  recheck(): Promise<void>;
  /** Resolves when no refresh, rewrite or file write is in flight (before quitting or restarting to update). */
  whenIdle(): Promise<void>;
  /** Stops the core's timers and watchers. */
  close(): void;
}

/** Where and how the core runs, from the front end's point of view. */
export interface DoorSetup {
  /** The process environment: the AWS files' paths and endpoints, as the AWS CLI reads them. */
  env: Env;
  /** The app's own folder when SSO_TRAY_DATA_DIR does not name one (the app's userData). */
  appDataDir?: string;
  /** Which `sso-tray` a credential_process line names: this very command, or the one installed with npm. */
  cli: 'running' | 'installed';
  /** Where tokens go when sharing with the AWS CLI is off (the app backs it with safeStorage). */
  secretStore?: SecretStore;
  /** Trust the operating system's certificate store besides Node's roots and AWS_CA_BUNDLE (the app). */
  systemRoots?: boolean;
  /** The system's proxy for a URL (the app: Electron's session.resolveProxy), asked when no proxy variable decides. */
  systemProxy?: (url: string) => Promise<string>;
  /** Schedule refreshes and keep-fresh rewrites (the app, `sso-tray keep-fresh`); one-shot commands do not. */
  background?: boolean;
  openBrowser?: (url: string) => Promise<void>;
  clock?: Clock;
}

export function openDoor(setup: DoorSetup, capabilities: HandlerCapabilities = {}): OpenDoor {
  const { env } = setup;
  const core = new SsoTrayCore({
    paths: {
      ...awsPathsFromEnv(env),
      ...(setup.appDataDir && !env.SSO_TRAY_DATA_DIR ? { appDataDir: setup.appDataDir } : {}),
    },
    // The proxy variables and AWS_CA_BUNDLE apply whether or not an endpoint is overridden.
    endpoints: {
      ...endpointsFromEnv(env),
      network: networkRouteFromEnv(env, setup.systemRoots ?? false, setup.systemProxy),
    },
    background: setup.background ?? false,
    // The packaged app cannot run as Node (RunAsNode fuse off): its credential_process names the npm-installed CLI.
    processLauncher: setup.cli === 'installed' ? () => installedCliLauncher(env) : runningCliLauncher,
    ...(setup.openBrowser ? { openBrowser: setup.openBrowser } : {}),
    ...(setup.secretStore ? { secretStore: new SecretStoreSsoCache(setup.secretStore) } : {}),
    ...(setup.clock ? { clock: setup.clock } : {}),
  });
  const handlers = createHandlers(core, capabilities);
  return {
    async call(channel, input) {
      // invoke reduces an error to its sentence; the caller keeps what was thrown as the cause (SSO_TRAY_DEBUG=1).
      let thrown: unknown;
      const outcome = await invoke(handlers, channel, input, (error) => (thrown = error));
      if (outcome.ok) return outcome.value;
      const cause = isSsoTrayError(thrown) ? thrown.cause : thrown;
      const { code, message, next } = outcome.error;
      throw new SsoTrayError(code as ErrorCode, message, { cause, next });
    },
    on: (event, listener) => core.on(event, listener),
    recheck: () => core.recheck(),
    // The core's own work, and every atomic write or lock of any file (settings from the window included).
    whenIdle: () => Promise.all([core.whenIdle(), whenWritesSettled()]).then(() => undefined),
    close: () => core.dispose(),
  };
}

/** A call whose input came from outside (IPC, the window's bridge): its outcome as plain data, never a throw. */
export async function outcomeOf<C extends Channel>(
  door: Door,
  channel: C,
  input: unknown,
): Promise<CallOutcome<C>> {
  try {
    return { ok: true, value: await door.call(channel, input as ChannelInput<C>) };
  } catch (error) {
    return { ok: false, error: errorForCaller(error) };
  }
}
