// The built `sso-tray` as a user runs it, for CLI test files: a child process in a sandbox, signed in to the emulator.
import type { RunningEmulator } from '../identity-center/emulator.js';
import type { Sandbox } from './sandbox.js';
import { startCli, type CliRun } from './cli-process.js';

export { type CliRun } from './cli-process.js';

export function runSsoTray(
  sandbox: Sandbox,
  args: string[],
  options: { onStderr?: (text: string) => void; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return startCli(sandbox, args, options.env, options.onStderr).done;
}

/** `sso-tray login --no-browser` to the emulator as session "acme", approving the printed /authorize URL. */
export function loginAcme(emu: RunningEmulator, sandbox: Sandbox): Promise<CliRun> {
  let approved = false;
  return runSsoTray(
    sandbox,
    ['login', '--start-url', emu.startUrl, '--region', emu.region, '--session', 'acme', '--no-browser'],
    {
      onStderr: (text) => {
        const url = /https?:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/.exec(text)?.[0];
        if (approved || !url) return;
        approved = true;
        void emu.approveAuthorization(url);
      },
    },
  );
}
