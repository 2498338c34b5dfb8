// The built `sso-tray` as a user runs it, for CLI test files: a child process in a sandbox, signed in to the emulator.
import type { RunningEmulator } from '../identity-center/emulator.js';
import type { Sandbox } from './sandbox.js';
import { startCli, type CliRun, type StartedCli } from './cli-process.js';
import { servedVariables } from './endpoint-client.js';

export { type CliRun } from './cli-process.js';

export function runSsoTray(
  sandbox: Sandbox,
  args: string[],
  options: { onStderr?: (text: string) => void; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return startCli(sandbox, args, options.env, options.onStderr).done;
}

/** `sso-tray login --no-browser` to the emulator as session "acme", approving the printed /authorize URL. */
export function loginAcme(
  emu: RunningEmulator,
  sandbox: Sandbox,
  env?: Record<string, string>,
): Promise<CliRun> {
  let approved = false;
  return runSsoTray(
    sandbox,
    ['login', '--start-url', emu.startUrl, '--region', emu.region, '--session', 'acme', '--no-browser'],
    {
      ...(env ? { env } : {}),
      onStderr: (text) => {
        const url = /https?:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/.exec(text)?.[0];
        if (approved || !url) return;
        approved = true;
        void emu.approveAuthorization(url);
      },
    },
  );
}

/** The role `exec` and `serve` tests run as unless they name another: AdministratorAccess in the account Sandbox. */
export interface RoleArgs {
  /** The account as typed: its name (the default, Sandbox) or its id. */
  account?: string;
  role?: string;
  /** Options between the role and `--`: --region, --endpoint, --nested. */
  flags?: string[];
  env?: Record<string, string>;
}

/** `sso-tray exec Sandbox ROLE [flags] -- COMMAND…`: its arguments, for a test that starts it itself. */
export function execArgs(
  command: string[],
  { account = 'Sandbox', role = 'AdministratorAccess', flags = [] }: RoleArgs = {},
): string[] {
  return ['exec', account, role, ...flags, '--', ...command];
}

/** `sso-tray exec … -- COMMAND…` run to its end. */
export function runExec(sandbox: Sandbox, command: string[], options: RoleArgs = {}): Promise<CliRun> {
  return runSsoTray(sandbox, execArgs(command, options), options.env ? { env: options.env } : {});
}

/** `sso-tray serve Sandbox ROLE [flags]` started, once it serves: the two variables it printed. */
export async function startServe(
  sandbox: Sandbox,
  { role = 'AdministratorAccess', flags = [], env = {} }: RoleArgs = {},
): Promise<{ serve: StartedCli; url: string; token: string; stderr: string }> {
  const serve = startCli(sandbox, ['serve', 'Sandbox', role, ...flags], env);
  // The variables reach stdout before the stderr line that says it serves.
  const stderr = await serve.stderrMatches(/Ctrl-C to stop/);
  return {
    serve,
    stderr,
    ...servedVariables(await serve.stdoutMatches(/AWS_CONTAINER_AUTHORIZATION_TOKEN=\S+\n/)),
  };
}

/** Node running a script, as the command `exec` is given. */
export const nodeScript = (script: string, ...args: string[]): string[] => [
  process.execPath,
  '-e',
  script,
  ...args,
];
