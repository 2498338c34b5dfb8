// `sso-tray process` when the warm answer missed (electron/cli.ts asks the core's cached-process channel first): the
// role found by id or name and its credentials through the door's `credentials:process`. Never a browser, never a prompt.
import { SsoTrayError } from '../../core/public.js';
import type { CliContext } from '../context.js';
import { withRole } from './role-lookup.js';

export async function runProcessCommand(
  c: CliContext,
  accountQuery: string,
  roleQuery: string,
  sessionOption: string | undefined,
): Promise<string> {
  try {
    // Never a progress line: the AWS SDKs run this on every call.
    const quiet = { out: () => undefined, err: () => undefined, interactive: false };
    return await withRole(
      c,
      quiet,
      sessionOption,
      accountQuery,
      roleQuery,
      async (role) => (await c.call('credentials:process', role)).text,
    );
  } catch (error) {
    if (
      error instanceof SsoTrayError &&
      (error.code === 'sign-in-needed' || error.code === 'session-ended')
    ) {
      const session = await c.sessionName(sessionOption).catch(() => undefined);
      throw new SsoTrayError(
        error.code,
        `${error.message.replace(/\.$/, '')}: run \`sso-tray login${session ? ` --session ${session}` : ''}\`.`,
      );
    }
    throw error;
  }
}
