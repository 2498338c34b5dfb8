// `sso-tray serve ACCOUNT ROLE`: the role's credentials at a local endpoint in the SDKs' container-credentials format,
// renewed before they expire, until Ctrl-C. Prints the two variables a process needs (the token is on stdout only).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SsoTrayError, formatVariables } from '../../core/public.js';
import { roleCommand, type CommandHost } from '../command-host.js';
import { credentialSource, roleWithCredentials } from '../exec/role-for-child.js';
import { isLoopbackAddress } from '../../endpoint/request-guard.js';
import { cliErrorSentence } from '../next-step-words.js';

const FORMATS = ['env', 'fish', 'powershell', 'windows-cmd', 'dotenv', 'json'] as const;
type VariablesFormat = (typeof FORMATS)[number];

interface ServeOptions {
  session?: string;
  listen: string;
  port?: number;
  allowNonLoopback?: boolean;
  format: VariablesFormat;
}

export function addServe(program: Command, host: CommandHost): void {
  const { io } = host;
  roleCommand(
    program,
    'serve',
    "serve the role's credentials to other processes at a local endpoint that renews them (until Ctrl-C)",
  )
    .option('--listen <address>', 'the address to listen on: 127.0.0.1 or ::1', '127.0.0.1')
    .option('--port <port>', 'the port (default: a free one)', portArgument)
    .option(
      '--allow-non-loopback',
      'allow a --listen address that other machines can reach (the token is then the only guard)',
    )
    .addOption(
      new Option('-f, --format <format>', 'how to print the variables').choices(FORMATS).default('env'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Any AWS SDK or the AWS CLI started with the two printed variables (AWS_CONTAINER_CREDENTIALS_FULL_URI and',
        'AWS_CONTAINER_AUTHORIZATION_TOKEN) reads the credentials there and renews them by itself.',
        '',
      ].join('\n'),
    )
    .action(async (accountQuery: string, roleQuery: string, options: ServeOptions) => {
      const wide = !isLoopbackAddress(options.listen);
      if (wide && !options.allowNonLoopback)
        throw new SsoTrayError(
          'invalid-input',
          `${options.listen} is not a loopback address, so other machines could ask for these credentials; add --allow-non-loopback if that is what you want.`,
        );
      const c = await host.ctx();
      const { role } = await roleWithCredentials(c, io, options.session, accountQuery, roleQuery);
      const { startCredentialEndpoint } = await import('../../endpoint/credential-endpoint.js');
      const endpoint = await startCredentialEndpoint({
        fetch: credentialSource(c, role),
        tokenFrom: '`sso-tray serve` printed',
        accountId: role.accountId,
        listen: options.listen,
        ...(options.port === undefined ? {} : { port: options.port }),
        allowNonLoopback: wide,
        onProblem: (sentence) => io.err(`sso-tray: ${sentence}\n`),
        sentenceOf: cliErrorSentence,
      }).catch((error: NodeJS.ErrnoException) => {
        throw new SsoTrayError(
          'network',
          `Nothing could listen on ${options.listen}${options.port ? ` port ${options.port}` : ''} (${error.code ?? error.message}); choose another --listen or --port.`,
        );
      });
      if (wide)
        io.err(
          `sso-tray: warning: listening on ${options.listen}: any machine that reaches it and has the token gets the credentials.\n`,
        );
      io.out(variables(options.format, endpoint.url, endpoint.token));
      io.err(`Serving ${role.roleName} in ${role.accountId} at ${endpoint.url}; Ctrl-C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          void endpoint.close().then(resolve);
        };
        // Ctrl-C: the program's guard closes the endpoint, then exits 130; SIGTERM: closed, exit 0.
        host.onInterrupt(() => endpoint.close());
        process.on('SIGTERM', stop);
      });
    });
}

function portArgument(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 1 to 65535.');
  return port;
}

/** The two variables, written as the app's Copy variables writes them (electron/core/role-credentials/formats.ts). */
function variables(format: VariablesFormat, url: string, token: string): string {
  const pairs: Array<[string, string]> = [
    ['AWS_CONTAINER_CREDENTIALS_FULL_URI', url],
    ['AWS_CONTAINER_AUTHORIZATION_TOKEN', token],
  ];
  if (format === 'json') return JSON.stringify(Object.fromEntries(pairs), null, 2) + '\n';
  return formatVariables(format, pairs);
}
