// `sso-tray creds`: a role's short-term credentials printed in one of the formats.
import type { Command } from 'commander';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '../../core/public.js';
import { SsoTrayError } from '../../core/public.js';
import { roleCommand, type CommandHost } from '../command-host.js';
import { withRole } from '../run/role-lookup.js';
import { profileArgument } from '../arguments.js';

export function addCreds(program: Command, { io, ctx }: CommandHost): void {
  roleCommand(
    program,
    'creds',
    'print short-term credentials for a role, in one of the access portal / AWS CLI formats',
  )
    .option('-f, --format <format>', `one of: ${CREDENTIAL_FORMATS.join(', ')}`, 'env')
    .option('--profile-name <name>', 'the section name of the profile format', profileArgument)
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

/** Case does not matter (`ENV`, `Env`), as for account and role names. */
function checkFormat(format: string): CredentialFormat {
  const known = CREDENTIAL_FORMATS.find((f) => f.toLowerCase() === format.toLowerCase());
  if (known) return known;
  throw new SsoTrayError(
    'invalid-input',
    `There is no format "${format}"; use one of: ${CREDENTIAL_FORMATS.join(', ')}.`,
  );
}
