// `sso-tray config sync`: a profile in ~/.aws/config for every role of a session; the diff on stdout, the summary
// on stderr.
import { Option, type Command } from 'commander';
import { sessionOption, type CommandHost } from './command-host.js';
import { withListingProgress } from './listing-progress.js';

export function addConfigSync(program: Command, { io, ctx }: CommandHost): void {
  program
    .command('config')
    .description('manage ~/.aws/config for the AWS CLI and SDKs')
    .command('sync')
    .description('write a profile for every role of a session into ~/.aws/config, kept in sync')
    .addOption(sessionOption())
    .option(
      '--template <template>',
      'profile names from {accountName} {accountId} {emailAddress} {roleName} {session} (default {accountName}.{roleName})',
    )
    .option('--region <region>', 'the region written to every profile')
    .option('--prune', 'remove the profiles it generated earlier whose role is no longer assigned')
    .option('--dry-run', 'print the change as a diff and write nothing')
    .addOption(
      new Option('--kind <kind>', 'native SSO profiles, or credential_process ones for tools without SSO')
        .choices(['sso', 'process'])
        .default('sso'),
    )
    .action(
      async (options: {
        session?: string;
        template?: string;
        region?: string;
        prune?: boolean;
        dryRun?: boolean;
        kind: 'sso' | 'process';
      }) => {
        const c = await ctx();
        const session = await c.sessionName(options.session);
        const result = await withListingProgress(c, io, () =>
          c.call('config:sync', {
            session,
            kind: options.kind,
            ...(options.template ? { template: options.template } : {}),
            ...(options.region ? { region: options.region } : {}),
            ...(options.prune ? { prune: true } : {}),
            ...(options.dryRun ? { dryRun: true } : {}),
          }),
        );
        if (result.diff) io.out(result.diff);
        io.err(result.summary.map((line) => `${line}\n`).join(''));
      },
    );
}
