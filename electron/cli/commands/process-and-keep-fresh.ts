// `sso-tray process` (credential_process) and `sso-tray keep-fresh` (the tray's keep-fresh without the tray).
import type { Command } from 'commander';
import { roleCommand, type CommandHost } from '../command-host.js';

export function addBackground(
  program: Command,
  { io, ctx, setExitCode, handOverInterrupts }: CommandHost,
): void {
  roleCommand(
    program,
    'process',
    'print credentials for `credential_process` in ~/.aws/config; never opens a browser or prompts',
    'account id (or name, from the last listing)',
  )
    .addHelpText(
      'after',
      '\nIn ~/.aws/config:\n  [profile dev]\n  credential_process = sso-tray process 111122223333 AdministratorAccess --session acme\n',
    )
    .action(async (account: string, role: string, options: { session?: string }) => {
      // Loaded when run: --version and --help never read settings (zod) or the AWS files.
      const { runProcessCommand } = await import('../run/process-credentials.js');
      io.out(await runProcessCommand(await ctx(), account, role, options.session));
    });

  program
    .command('keep-fresh')
    .description(
      'stay running and rewrite the profiles marked --keep-fresh before they expire (what the tray does)',
    )
    .action(async () => {
      const { runKeepFresh } = await import('../run/keep-fresh-until-stopped.js');
      // Its signals are its own: SIGTERM (a service manager's stop) and SIGHUP end it cleanly, Ctrl-C with 130.
      const giveBack = handOverInterrupts();
      try {
        setExitCode(await runKeepFresh(await ctx({ background: true }), io));
      } finally {
        giveBack();
      }
    });
}
