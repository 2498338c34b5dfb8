// `sso-tray sessions` and `sso-tray logout`: the sessions and their state, and signing out of them.
import type { Command } from 'commander';
import { json, table, timeLeft } from '../output.js';
import { sessionOption, type CommandHost } from '../command-host.js';

export function addSessions(program: Command, { io, ctx }: CommandHost): void {
  program
    .command('logout')
    .description('sign out: Identity Center Logout, cached tokens and the profiles sso-tray wrote removed')
    .addOption(sessionOption())
    .option('--all', 'sign out of every session')
    .action(async (options: { session?: string; all?: boolean }) => {
      const c = await ctx();
      const names = options.all
        ? (await c.call('sessions:list', {})).filter((s) => s.state !== 'signed-out').map((s) => s.name)
        : [await c.sessionName(options.session)];
      for (const name of names) {
        const { removedProfiles } = await c.call('sessions:sign-out', { session: name });
        io.err(
          `Signed out of ${name}.` +
            (removedProfiles.length ? ` Removed profiles: ${removedProfiles.join(', ')}.` : '') +
            '\n',
        );
      }
      if (options.all && names.length === 0) io.err('No session was signed in.\n');
    });

  const sessions = program
    .command('sessions')
    .description('list the Identity Center sessions and their state (`sessions remove NAME` removes one)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const c = await ctx();
      const sessions = await c.call('sessions:list', {});
      if (options.json) return io.out(json(sessions));
      if (sessions.length === 0) {
        io.err('No session yet: run `sso-tray login --start-url URL --region REGION`.\n');
        return;
      }
      const now = c.now();
      io.out(
        await table(
          ['NAME', 'STATE', 'EXPIRES', 'REGION', 'START URL', 'FROM'],
          sessions.map((s) => [
            s.name,
            s.state,
            s.expiresAt ? timeLeft(s.expiresAt, now) : '-',
            s.region,
            s.startUrl,
            s.source,
          ]),
        ),
      );
    });

  sessions
    .command('remove')
    .description(
      'sign out of a session and remove it: from the settings, and its generated profiles and [sso-session] from ~/.aws/config',
    )
    .argument('<name>', 'the session name')
    .option('--dry-run', 'say what would be removed, and change nothing')
    .action(async (session: string, options: { dryRun?: boolean }) => {
      const c = await ctx();
      const { removedProfiles } = await c.call('sessions:remove', { session, dryRun: options.dryRun });
      const profiles = removedProfiles.length
        ? ` and its ${removedProfiles.length === 1 ? 'generated profile' : `${removedProfiles.length} generated profiles`} (${removedProfiles.join(', ')})`
        : '';
      io.err(
        options.dryRun
          ? `Would remove session ${session}${profiles}; run again without --dry-run to remove ${profiles ? 'them' : 'it'}.\n`
          : `Removed session ${session}${profiles}.\n`,
      );
    });
}
