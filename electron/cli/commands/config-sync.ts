// `sso-tray config sync`: a profile in ~/.aws/config for every role of a session; the summary on stderr, and the
// diff on stdout with --diff or --dry-run (a real sync of 100 profiles would otherwise print some 400 lines). Without flags it writes as the saved choices say (the window's Apply saves them); a flag overrides them.
import { Option, type Command } from 'commander';
import { DEFAULT_TEMPLATES, PLACEHOLDER_HINT, PROFILE_KINDS } from '../../core/public.js';
import type { ProfileKind } from '../../core/shapes/front-end-shapes.js';
import { regionArgument } from '../arguments.js';
import { sessionOption, type CommandHost } from '../command-host.js';
import { withListingProgress } from '../run/listing-progress.js';

/** A listing younger than this is reused, as the role commands reuse one (role-lookup.ts). */
const LISTING_MAX_AGE_SECONDS = 10 * 60;

/** "3 minutes", "40 seconds": the age of a listing this run did not fetch; undefined when it fetched it. */
function listingAge(listedAt: string | undefined, startedAt: number): string | undefined {
  const ms = startedAt - Date.parse(listedAt ?? '');
  if (!(ms >= 0)) return undefined;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function addConfigSync(program: Command, { io, ctx }: CommandHost): void {
  program
    .command('config')
    .description('manage ~/.aws/config for the AWS CLI and SDKs')
    .command('sync')
    .description('write a profile for every role of a session into ~/.aws/config, kept in sync')
    .addOption(sessionOption())
    .option(
      '--template <template>',
      `profile names from ${PLACEHOLDER_HINT} (default: the saved one, else ${DEFAULT_TEMPLATES['config-sync']})`,
    )
    .option('--region <region>', 'the region written to every profile', regionArgument)
    .option('--no-region', 'write no region this time, whatever the saved choices say')
    .option('--prune', 'remove the profiles it generated earlier whose role is no longer assigned')
    .option('--no-prune', 'keep them this time, whatever the saved choices say')
    .option('--dry-run', 'print the change as a unified diff of ~/.aws/config and write nothing')
    .option('--refresh', 'list the accounts again, even when a recent listing exists')
    .option('--diff', 'print the change as a unified diff on stdout too (a sync prints only its summary)')
    .addOption(
      new Option(
        '--kind <kind>',
        'native SSO profiles, or credential_process ones for tools without SSO (default: the saved one, else sso)',
      ).choices(PROFILE_KINDS),
    )
    .addHelpText(
      'after',
      [
        '',
        'Without a flag, each choice (template, kind, region, prune) is the one saved by Apply under',
        '"Profiles in ~/.aws/config" in the window, which the sync after each listing uses too; a flag',
        'overrides it for this run only.',
        '',
      ].join('\n'),
    )
    .action(
      async (options: {
        session?: string;
        template?: string;
        region?: string | false;
        prune?: boolean;
        dryRun?: boolean;
        diff?: boolean;
        kind?: ProfileKind;
        refresh?: boolean;
      }) => {
        const c = await ctx();
        const startedAt = c.now();
        const session = await c.sessionName(options.session);
        const result = await withListingProgress(c, io, () =>
          c.call('config:sync', {
            session,
            ...(options.kind ? { kind: options.kind } : {}),
            ...(options.template ? { template: options.template } : {}),
            // --no-region: '' is none for this run.
            ...(options.region === undefined ? {} : { region: options.region || '' }),
            ...(options.prune === undefined ? {} : { prune: options.prune }),
            ...(options.dryRun ? { dryRun: true } : {}),
            ...(options.refresh ? {} : { maxAgeSeconds: LISTING_MAX_AGE_SECONDS }),
          }),
        );
        const reused = listingAge(result.listedAt, startedAt);
        if (reused)
          io.err(`Using the account listing from ${reused} ago; --refresh lists the accounts again.\n`);
        if (result.diff && (options.diff || options.dryRun)) io.out(result.diff);
        io.err(result.summary.map((line) => `${line}\n`).join(''));
      },
    );
}
