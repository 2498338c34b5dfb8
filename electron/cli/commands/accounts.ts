// `sso-tray accounts` and `sso-tray roles`: what is assigned to the user.
import type { Command } from 'commander';
import { json, table } from '../output.js';
import { sessionOption, type CommandHost } from '../command-host.js';
import { withListingProgress } from '../run/listing-progress.js';
import { findAccountDirect } from '../run/role-lookup.js';
import { accountArgument } from '../arguments.js';

export function addAccounts(program: Command, { io, ctx }: CommandHost): void {
  program
    .command('accounts')
    .description('list the accounts assigned to you, with their roles')
    .addOption(sessionOption())
    .option('--json', 'print JSON')
    .option('--cached', 'answer from the last listing when there is one')
    .action(async (options: { session?: string; json?: boolean; cached?: boolean }) => {
      const c = await ctx();
      const session = await c.sessionName(options.session);
      // One table on stdout once the roles are known; on a terminal the count redraws on stderr meanwhile.
      const listing = await withListingProgress(c, io, () =>
        c.call('accounts:list', { session, ...(options.cached ? { maxAgeSeconds: 365 * 24 * 3600 } : {}) }),
      );
      if (options.json) return io.out(json(listing.accounts));
      io.out(
        await table(
          ['ACCOUNT ID', 'NAME', 'E-MAIL', 'ROLES'],
          listing.accounts.map((a) => [a.accountId, a.accountName, a.emailAddress, a.roles.join(', ')]),
        ),
      );
    });

  program
    .command('roles')
    .description('list your roles (permission sets) in an account')
    .argument('<account>', 'account id or name', accountArgument)
    .addOption(sessionOption())
    .option('--json', 'print JSON')
    .action(async (accountQuery: string, options: { session?: string; json?: boolean }) => {
      const c = await ctx();
      // One ListAccountRoles call for this account (ahead of any listing), not a listing of every account.
      const { session, accountId } = await findAccountDirect(c, options.session, accountQuery);
      const roles = await c.call('accounts:roles', { session, accountId });
      if (options.json) return io.out(json(roles));
      io.out(roles.map((r) => `${r}\n`).join(''));
    });
}
