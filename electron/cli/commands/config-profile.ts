// `sso-tray config-profile`: a profile in ~/.aws/config that the AWS CLI and SDKs use for a role.
import type { Command } from 'commander';
import { fileLabel } from '../../core/public.js';
import { roleCommand, type CommandHost } from '../command-host.js';
import { findListedRole } from '../run/role-lookup.js';
import { profileArgument, regionArgument } from '../arguments.js';

export function addConfigProfile(program: Command, { io, ctx }: CommandHost): void {
  roleCommand(
    program,
    'config-profile',
    'add a profile to ~/.aws/config that the AWS CLI and SDKs use for a role',
  )
    .requiredOption('-p, --profile <name>', 'the profile name in ~/.aws/config', profileArgument)
    .option('--credential-process', 'ask `sso-tray process` for credentials instead of a native SSO profile')
    .option('--region <region>', "the profile's default region", regionArgument)
    .option('--overwrite', 'replace a profile of that name with other settings')
    .action(
      async (
        accountQuery: string,
        roleQuery: string,
        options: {
          profile: string;
          session?: string;
          credentialProcess?: boolean;
          region?: string;
          overwrite?: boolean;
        },
      ) => {
        const c = await ctx();
        const role = await findListedRole(c, io, options.session, accountQuery, roleQuery);
        const written = await c.call('config:write-profile', {
          ...role,
          profile: options.profile,
          kind: options.credentialProcess ? 'credential-process' : 'sso',
          ...(options.region ? { region: options.region } : {}),
          ...(options.overwrite ? { overwrite: true } : {}),
        });
        io.err(
          `Added profile ${written.profile} to ${fileLabel(written.file, c.paths.homeDir)}; use it with AWS_PROFILE=${written.profile}.\n`,
        );
      },
    );
}
