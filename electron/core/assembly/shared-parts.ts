// What the core's modules share: the options the core was built with, its clock and files, the work a quit waits
// for, and the one outlet for events.
import type { Clock } from '../clock.js';
import type { WorkTracker } from '../work-tracker.js';
import type { SettingsFile } from '../settings/settings-file.js';
import type { CredentialsFile } from '../aws-files/credentials-file.js';
import type { ProcessLauncher } from '../aws-files/credential-process-command.js';
import type { SsoCache } from '../aws-files/token-cache.js';
import type { AwsPaths, Endpoints } from '../shapes/aws-shapes.js';
import type { CoreEvents } from '../shapes/front-end-shapes.js';
import { isSsoTrayError } from '../errors.js';
import type { Problem } from '../next-step.js';

export interface CoreOptions {
  paths: AwsPaths;
  endpoints?: Endpoints;
  clock?: Clock;
  /** How credential_process runs `sso-tray process` on this machine; undefined: no CLI to run (the app says so). */
  processLauncher?: () => ProcessLauncher | undefined;
  /** Opens the system browser; absent where none can be opened (then sign-in uses a device code). */
  openBrowser?: (url: string) => Promise<void>;
  /** Where tokens go when sharing with the AWS CLI is off (the shell backs it with safeStorage). */
  secretStore?: SsoCache;
  /** Concurrent ListAccountRoles calls while listing. */
  listingConcurrency?: number;
  /** Schedule refreshes and keep-fresh rewrites (the app, `sso-tray keep-fresh`); one-shot CLI calls do not. */
  background?: boolean;
}

/** One role of one session, as every front end names it (front-end-shapes.ts). */
export type { RoleRef } from '../shapes/front-end-shapes.js';

export type Emit = <K extends keyof CoreEvents & string>(event: K, payload: CoreEvents[K]) => void;

export interface CoreParts {
  options: CoreOptions;
  clock: Clock;
  settingsFile: SettingsFile;
  credentialsFile: CredentialsFile;
  work: WorkTracker;
  emit: Emit;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a 'problem' event says about a failure: its sentence, and its next step when it has one. */
export function problemOf(error: unknown, before = ''): Problem {
  return isSsoTrayError(error)
    ? { message: before + error.message, ...(error.next ? { next: error.next } : {}) }
    : { message: before + messageOf(error) };
}
