// The `sso-tray` command: the core's handler table behind a command line for scripts, CI jobs and credential_process.
import { Command, CommanderError, Option } from 'commander';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '../core/formats.js';
import { SsoTrayError } from '../core/errors.js';
import { fileLabel } from '../core/aws-files/file-label.js';
import type { AccountWithRoles } from '../core/listing-cache.js';
import type { CliContext, Env } from './context.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { json, reportError, table, timeLeft, type Io } from './output.js';
import { resolveAccount, resolveRole, sessionNameFromStartUrl } from './resolve.js';
import { runProcessCommand } from './process-command.js';

/** A listing younger than this answers name look-ups without a call. */
const LOOKUP_MAX_AGE_SECONDS = 10 * 60;

export async function runCli(argv: string[], env: Env, io: Io, version: string): Promise<number> {
  let exitCode: number = EXIT.ok;
  let context: CliContext | undefined;
  // The core and the AWS SDK load only for commands that need them: `process` answers from its cache without them.
  const ctx = async (options: { openBrowser?: (url: string) => Promise<void>; background?: boolean } = {}) =>
    (context ??= (await import('./context.js')).createContext(env, options));

  const program = new Command('sso-tray')
    .description(
      'AWS IAM Identity Center sign-in and short-term credentials for scripts, shells and the AWS SDKs.',
    )
    .version(version, '-v, --version')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);
  const sessionOption = () =>
    new Option(
      '-s, --session <name>',
      "the Identity Center session (default: SSO_TRAY_SESSION, AWS_PROFILE's, or the only one)",
    );

  program
    .command('login')
    .description('sign in to Identity Center (browser with PKCE by default)')
    .addOption(sessionOption())
    .option('--start-url <url>', 'start URL of a session to add, e.g. https://acme.awsapps.com/start')
    .option('--region <region>', 'Identity Center region of the start URL, e.g. us-east-1')
    .option('--device-code', 'sign in with a device code instead of the browser redirect')
    .option('--no-browser', 'print the URL (and code) instead of opening a browser')
    .action(
      async (options: {
        session?: string;
        startUrl?: string;
        region?: string;
        deviceCode?: boolean;
        browser: boolean;
      }) => {
        const c = await ctx({ openBrowser: await browserOpener(options.browser, io) });
        let name = options.session;
        if (options.startUrl || options.region) {
          if (!options.startUrl || !options.region) {
            throw new SsoTrayError('invalid-input', 'Give both --start-url and --region to add a session.');
          }
          name ??= sessionNameFromStartUrl(options.startUrl);
          const sessions = await c.call('sessions:list', {});
          const existing = sessions.find((s) => s.name === name);
          if (!existing) {
            await c.call('sessions:add', { name, startUrl: options.startUrl, region: options.region });
            io.err(`Added session ${name} (${options.region}).\n`);
          } else if (existing.startUrl !== options.startUrl || existing.region !== options.region) {
            throw new SsoTrayError(
              'invalid-input',
              `The session "${name}" already uses ${existing.startUrl} in ${existing.region}; choose another --session name.`,
            );
          }
        }
        name = await c.sessionName(name);
        const { signInWithProgress } = await import('./login.js');
        const view = await signInWithProgress(c, io, name, options.deviceCode ? 'device-code' : 'browser');
        io.err(
          `Signed in to ${view.name} (${view.region}); the sign-in expires ${timeLeft(view.expiresAt, c.core.clock.now())}${view.renewable ? ' and renews itself' : ''}.\n`,
        );
      },
    );

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

  program
    .command('sessions')
    .description('list the Identity Center sessions and their state')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const c = await ctx();
      const sessions = await c.call('sessions:list', {});
      if (options.json) return io.out(json(sessions));
      if (sessions.length === 0) {
        io.err('No session yet: run `sso-tray login --start-url URL --region REGION`.\n');
        return;
      }
      const now = c.core.clock.now();
      io.out(
        table(
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

  program
    .command('accounts')
    .description('list the accounts assigned to you, with their roles')
    .addOption(sessionOption())
    .option('--json', 'print JSON')
    .option('--cached', 'answer from the last listing when there is one')
    .action(async (options: { session?: string; json?: boolean; cached?: boolean }) => {
      const c = await ctx();
      const session = await c.sessionName(options.session);
      const listing = await withListingProgress(c, io, () =>
        c.call('accounts:list', { session, ...(options.cached ? { maxAgeSeconds: 365 * 24 * 3600 } : {}) }),
      );
      if (options.json) return io.out(json(listing.accounts));
      io.out(
        table(
          ['ACCOUNT ID', 'NAME', 'E-MAIL', 'ROLES'],
          listing.accounts.map((a) => [a.accountId, a.accountName, a.emailAddress, a.roles.join(', ')]),
        ),
      );
    });

  program
    .command('roles')
    .description('list your roles (permission sets) in an account')
    .argument('<account>', 'account id or name')
    .addOption(sessionOption())
    .option('--json', 'print JSON')
    .action(async (accountQuery: string, options: { session?: string; json?: boolean }) => {
      const c = await ctx();
      const { account } = await findAccount(c, options.session, accountQuery, io);
      if (options.json) return io.out(json(account.roles));
      io.out(account.roles.map((r) => `${r}\n`).join(''));
    });

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
        const { session, account } = await findAccount(c, options.session, accountQuery, io);
        const roleName = resolveRole(account, roleQuery);
        const { text } = await c.call('credentials:text', {
          session,
          accountId: account.accountId,
          roleName,
          format,
          ...(options.profileName ? { profileName: options.profileName } : {}),
        });
        io.out(text);
      },
    );

  program
    .command('write')
    .description("write a role's credentials as a profile into the credentials file")
    .argument('<account>', 'account id or name')
    .argument('<role>', 'role (permission set) name')
    .addOption(sessionOption())
    .option('-p, --profile <name>', "profile name (default: the settings' template, ACCOUNTID_ROLENAME)")
    .option('--keep-fresh', 'rewrite it before it expires while the tray app or `sso-tray keep-fresh` runs')
    .option('--overwrite', 'replace a profile of that name that sso-tray did not write')
    .action(
      async (
        accountQuery: string,
        roleQuery: string,
        options: { session?: string; profile?: string; keepFresh?: boolean; overwrite?: boolean },
      ) => {
        const c = await ctx();
        const { session, account } = await findAccount(c, options.session, accountQuery, io);
        const roleName = resolveRole(account, roleQuery);
        const owned = await c.call('profiles:write', {
          session,
          accountId: account.accountId,
          roleName,
          ...(options.profile ? { profile: options.profile } : {}),
          keepFresh: Boolean(options.keepFresh),
          ...(options.overwrite ? { overwrite: true } : {}),
        });
        io.out(`${owned.profile}\n`);
        io.err(
          `Wrote profile ${owned.profile} to ${fileLabel(c.paths.credentialsFile, c.paths.homeDir)}; its credentials expire ${timeLeft(owned.expiration, c.core.clock.now())}.` +
            (owned.keepFresh ? ' It is kept fresh while the tray app or `sso-tray keep-fresh` runs.' : '') +
            '\n',
        );
      },
    );

  program
    .command('remove')
    .description('remove a profile sso-tray wrote from the credentials file')
    .argument('<profile>', 'profile name')
    .option('--force', 'remove it even if sso-tray did not write it')
    .action(async (profile: string, options: { force?: boolean }) => {
      const { removed } = await (
        await ctx()
      ).call('profiles:remove', {
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
      const now = c.core.clock.now();
      io.out(
        table(
          ['PROFILE', 'SESSION', 'ACCOUNT ID', 'ROLE', 'EXPIRES', 'KEEP FRESH'],
          profiles.map((p) => [
            p.profile,
            p.sessionName,
            p.accountId,
            p.roleName,
            timeLeft(p.expiration, now),
            p.keepFresh ? 'yes' : 'no',
          ]),
        ),
      );
    });

  program
    .command('config-profile')
    .description('add a profile to ~/.aws/config that the AWS CLI and SDKs use for a role')
    .argument('<account>', 'account id or name')
    .argument('<role>', 'role (permission set) name')
    .requiredOption('-p, --profile <name>', 'the profile name in ~/.aws/config')
    .addOption(sessionOption())
    .option('--credential-process', 'ask `sso-tray process` for credentials instead of a native SSO profile')
    .option('--region <region>', "the profile's default region")
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
        const { session, account } = await findAccount(c, options.session, accountQuery, io);
        const roleName = resolveRole(account, roleQuery);
        const written = await c.call('config:write-profile', {
          session,
          accountId: account.accountId,
          roleName,
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

  program
    .command('process')
    .description(
      'print credentials for `credential_process` in ~/.aws/config; never opens a browser or prompts',
    )
    .argument('<account>', 'account id (or name, from the last listing)')
    .argument('<role>', 'role (permission set) name')
    .addOption(sessionOption())
    .addHelpText(
      'after',
      '\nIn ~/.aws/config:\n  [profile dev]\n  credential_process = sso-tray process 111122223333 AdministratorAccess --session acme\n',
    )
    .action(async (account: string, role: string, options: { session?: string }) => {
      io.out(await runProcessCommand(env, account, role, options.session));
    });

  program
    .command('keep-fresh')
    .description(
      'stay running and rewrite the profiles marked --keep-fresh before they expire (what the tray does)',
    )
    .action(async () => {
      const { runKeepFresh } = await import('./keep-fresh-command.js');
      exitCode = await runKeepFresh(await ctx({ background: true }), io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    exitCode = reportError(io, error);
  } finally {
    context?.close();
  }
  return exitCode;
}

function checkFormat(format: string): CredentialFormat {
  if ((CREDENTIAL_FORMATS as readonly string[]).includes(format)) return format as CredentialFormat;
  throw new SsoTrayError(
    'invalid-input',
    `There is no format "${format}"; use one of: ${CREDENTIAL_FORMATS.join(', ')}.`,
  );
}

/** A big organisation takes a while to list: on a terminal, a line that counts up (nothing in a log). */
async function withListingProgress<T>(c: CliContext, io: Io, run: () => Promise<T>): Promise<T> {
  if (!io.interactive) return run();
  let shown = false;
  let last = 0;
  const stop = c.core.on('listing-progress', ({ progress }) => {
    const total = progress.totalAccounts;
    const now = Date.now();
    if (now - last < 100 && progress.accountsWithRoles !== total) return; // a redraw every 100 ms is plenty
    last = now;
    io.err(
      total === undefined
        ? `\rListing accounts: ${progress.accountsListed}…\x1b[K`
        : `\rListing roles: ${progress.accountsWithRoles} of ${total} accounts…\x1b[K`,
    );
    shown = true;
  });
  try {
    return await run();
  } finally {
    stop();
    if (shown) io.err('\r\x1b[K');
  }
}

async function findAccount(
  c: CliContext,
  sessionOption: string | undefined,
  query: string,
  io: Io,
): Promise<{ session: string; account: AccountWithRoles }> {
  const session = await c.sessionName(sessionOption);
  let listing = await withListingProgress(c, io, () =>
    c.call('accounts:list', { session, maxAgeSeconds: LOOKUP_MAX_AGE_SECONDS }),
  );
  try {
    return { session, account: resolveAccount(listing.accounts, query) };
  } catch (error) {
    // A cached listing may predate a new assignment: look once more, live.
    listing = await withListingProgress(c, io, () => c.call('accounts:list', { session }));
    try {
      return { session, account: resolveAccount(listing.accounts, query) };
    } catch {
      throw error;
    }
  }
}

async function browserOpener(open: boolean, io: Io): Promise<(url: string) => Promise<void>> {
  if (!open) {
    return async (url) => io.err(`Open this URL in a browser to sign in:\n  ${url}\n`);
  }
  const { openInBrowser } = await import('./open-browser.js');
  return openInBrowser;
}
