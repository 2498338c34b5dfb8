// `sso-tray process` when the warm answer missed (electron/cli.ts asks the core's cached-process channel first): the
// role found by id or name and its credentials through the door's `credentials:process`. Never a browser, never a prompt.
// A refusal's way forward (`sso-tray login --session NAME`) is the error's next step, worded by the program's report.
import type { CliContext } from '../context.js';
import { withRole } from './role-lookup.js';

export async function runProcessCommand(
  c: CliContext,
  accountQuery: string,
  roleQuery: string,
  sessionOption: string | undefined,
): Promise<string> {
  // Never a progress line: the AWS SDKs run this on every call.
  const quiet = { out: () => undefined, err: () => undefined, interactive: false };
  return withRole(
    c,
    quiet,
    sessionOption,
    accountQuery,
    roleQuery,
    async (role) => (await c.call('credentials:process', role)).text,
  );
}
