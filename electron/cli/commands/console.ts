// `sso-tray console`: the role's Management console in the system browser, or its sign-in URL on stdout (--print).
import type { Command } from 'commander';
import { SsoTrayError } from '../../core/public.js';
import type { Io } from '../output.js';
import { sessionOption, type CommandHost } from '../command-host.js';
import { withRole } from '../run/role-lookup.js';

export function addConsole(program: Command, { io, ctx }: CommandHost): void {
  program
    .command('console')
    .description("open a role's AWS Management console in the browser (federation sign-in)")
    .argument('<account>', 'account id or name')
    .argument('<role>', 'role (permission set) name')
    .addOption(sessionOption())
    .option(
      '--region <region>',
      "the console's region (default: the favourite's, the default region, the session's)",
    )
    .option('--destination <url-or-service>', 'a service such as s3, or a full console URL')
    .option('--print', 'print the sign-in URL (a secret for 15 minutes) instead of opening a browser')
    .action(
      async (
        accountQuery: string,
        roleQuery: string,
        options: { session?: string; region?: string; destination?: string; print?: boolean },
      ) => {
        const c = await ctx({ openExternal: await consoleOpener(options.print ?? false, io) });
        // Straight to the role's credentials (no listing); a role that is not assigned is looked up once in the listing.
        const role = await withRole(c, io, options.session, accountQuery, roleQuery, async (found) => {
          await c.call('console:open', {
            ...found,
            ...(options.region ? { region: options.region } : {}),
            ...(options.destination ? { destination: options.destination } : {}),
          });
          return found;
        });
        if (!options.print)
          io.err(`Opened the console of ${role.roleName} in ${role.accountId} in your browser.\n`);
      },
    );
}

async function consoleOpener(print: boolean, io: Io): Promise<(url: string) => Promise<void>> {
  if (print) return async (url) => io.out(`${url}\n`);
  const { openInBrowser } = await import('../open-browser.js');
  return async (url) => {
    try {
      await openInBrowser(url);
    } catch {
      // The reason may not name the URL, but it is not shown anyway: the sentence is what to do.
      throw new SsoTrayError(
        'invalid-input',
        'No browser could be opened here; run the same command with --print and open the URL it prints.',
      );
    }
  };
}
