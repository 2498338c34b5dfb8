// `sso-tray creds`: a role's short-term credentials printed in one of the formats.
import type { Command } from 'commander';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '../../core/formats.js';
import { SsoTrayError } from '../../core/errors.js';
import { sessionOption, type CommandHost } from './command-host.js';
import { withRole } from './role-lookup.js';

export function addCreds(program: Command, { io, ctx }: CommandHost): void {
  program
    .command('creds')
    .description('print short-term credentials for a role, in one of the access portal / AWS CLI formats')
    .argument('<account>', 'account id or name')
    .argument('<role>', 'role (permission set) name')
    .addOption(sessionOption())
    .option('-f, --format <format>', `one of: ${CREDENTIAL_FORMATS.join(', ')}`, 'env')
    .option('--profile-name <name>', 'the section name of the profile format')
    .action(
      async (
        accountQuery: string,
        roleQuery: string,
        options: { session?: string; format: string; profileName?: string },
      ) => {
        const format = checkFormat(options.format);
        const c = await ctx();
        const { text } = await withRole(c, io, options.session, accountQuery, roleQuery, (role) =>
          c.call('credentials:text', {
            ...role,
            format,
            ...(options.profileName ? { profileName: options.profileName } : {}),
          }),
        );
        io.out(text);
      },
    );
}

function checkFormat(format: string): CredentialFormat {
  if ((CREDENTIAL_FORMATS as readonly string[]).includes(format)) return format as CredentialFormat;
  throw new SsoTrayError(
    'invalid-input',
    `There is no format "${format}"; use one of: ${CREDENTIAL_FORMATS.join(', ')}.`,
  );
}
