// `sso-tray write`, `remove` and `profiles`: the profiles sso-tray keeps in the credentials file.
import type { Command } from 'commander';
import { DEFAULT_TEMPLATES, fileLabel } from '../../core/public.js';
import { json, table, timeLeft } from '../output.js';
import { roleCommand, type CommandHost } from '../command-host.js';
import { withRole } from '../run/role-lookup.js';
import { profileArgument } from '../arguments.js';

export function addProfiles(program: Command, { io, ctx }: CommandHost): void {
  roleCommand(program, 'write', "write a role's credentials as a profile into the credentials file")
    .option(
      '-p, --profile <name>',
      `profile name (default: the settings' profile name template, else ${DEFAULT_TEMPLATES.credentials})`,
      profileArgument,
    )
    .option('--keep-fresh', 'rewrite it before it expires while the tray app or `sso-tray keep-fresh` runs')
    .option('--overwrite', 'replace a profile of that name that sso-tray did not write')
    .action(
      async (
        accountQuery: string,
        roleQuery: string,
        options: { session?: string; profile?: string; keepFresh?: boolean; overwrite?: boolean },
      ) => {
        const c = await ctx();
        const owned = await withRole(c, io, options.session, accountQuery, roleQuery, (role) =>
          c.call('profiles:write', {
            ...role,
            ...(options.profile ? { profile: options.profile } : {}),
            keepFresh: Boolean(options.keepFresh),
            ...(options.overwrite ? { overwrite: true } : {}),
          }),
        );
        io.out(`${owned.profile}\n`);
        io.err(
          `Wrote profile ${owned.profile} to ${fileLabel(c.paths.credentialsFile, c.paths.homeDir)}; its credentials expire ${timeLeft(owned.expiration, c.now())}.` +
            (owned.keepFresh ? ' It is kept fresh while the tray app or `sso-tray keep-fresh` runs.' : '') +
            '\n',
        );
      },
    );

  program
    .command('remove')
    .description('remove a profile sso-tray wrote from the credentials file')
    .argument('<profile>', 'profile name', profileArgument)
    .option('--force', 'remove it even if sso-tray did not write it')
    .action(async (profile: string, options: { force?: boolean }) => {
      const c = await ctx();
      const { removed } = await c.call('profiles:remove', {
        profile,
        ...(options.force ? { force: true } : {}),
      });
      io.err(removed ? `Removed profile ${profile}.\n` : `There is no profile ${profile}.\n`);
    });

  program
    .command('profiles')
    .description('list the profiles sso-tray wrote')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const c = await ctx();
      const profiles = await c.call('profiles:list', {});
      if (options.json) return io.out(json(profiles));
      const now = c.now();
      io.out(
        await table(
          ['PROFILE', 'SESSION', 'ACCOUNT ID', 'ROLE', 'EXPIRES', 'KEEP FRESH'],
          profiles.map((p) => [
            p.profile,
            p.session,
            p.accountId,
            p.roleName,
            timeLeft(p.expiration, now),
            p.keepFresh ? 'yes' : 'no',
          ]),
        ),
      );
    });
}
