// `sso-tray exec ACCOUNT ROLE -- COMMAND [ARGS…]`: runs a command with the role's credentials in its environment
// (or, with --endpoint, the local credential endpoint, so it outlives the credentials' expiry). No shell in between.
import type { Command } from 'commander';
import { regionArgument } from '../arguments.js';
import { roleCommand, type CommandHost } from '../command-host.js';
import { checkNesting, childEnvironment, type ChildCredentials } from '../exec/child-environment.js';
import { credentialSource, regionFor, roleWithCredentials } from '../exec/role-for-child.js';
import { runChild } from '../exec/run-child.js';
import type { RunningEndpoint } from '../../endpoint/credential-endpoint.js';
import { cliErrorSentence } from '../next-step-words.js';
import { SsoTrayError, type Env } from '../../core/public.js';

interface ExecOptions {
  session?: string;
  region?: string;
  endpoint?: boolean;
  nested?: boolean;
}

export function addExec(program: Command, host: CommandHost): void {
  const { io, env } = host;
  roleCommand(program, 'exec', "run a command with the role's credentials in its environment")
    .argument('[command...]', 'the command and its arguments, as given (default: your shell, $SHELL)')
    .option(
      '--region <region>',
      "AWS_REGION for the command (default: the favourite's, the default region)",
      regionArgument,
    )
    .option('--endpoint', 'give the command a local credential endpoint that renews itself, not fixed keys')
    .option('--nested', 'run even inside another `sso-tray exec` of a different role')
    // aws s3 ls --recursive without -- before it: commander takes --recursive as exec's own option.
    .showHelpAfterError(
      "(usage: sso-tray exec ACCOUNT ROLE [options] -- COMMAND [ARGS…]; the command's own options go after --)",
    )
    .addHelpText(
      'after',
      [
        '',
        'Everything after -- is the command and its own arguments and options; without one, your shell ($SHELL) starts',
        "with the role's variables (as aws-vault exec does), and exit leaves it.",
        "The command's exit code is returned (128+N when signal N ended it; 127 when it cannot be found, 126 when it",
        'cannot be run). Ctrl-C, SIGTERM and SIGHUP go to the command, and exec waits for it.',
        'Example: sso-tray exec Sandbox AdministratorAccess -- aws s3 ls',
        '',
      ].join('\n'),
    )
    .action(async (accountQuery: string, roleQuery: string, argv: string[], options: ExecOptions) => {
      if (!argv.length) interactiveShell(env); // no command and no shell: said before anything is fetched
      const c = await host.ctx();
      const { role, credentials } = await roleWithCredentials(
        c,
        io,
        options.session,
        accountQuery,
        roleQuery,
      );
      checkNesting(env, role, options.nested ?? false);
      const region = await regionFor(c, role, options.region);
      let endpoint: RunningEndpoint | undefined;
      let given: ChildCredentials = { kind: 'keys', ...credentials };
      if (options.endpoint) {
        const { startCredentialEndpoint } = await import('../../endpoint/credential-endpoint.js');
        endpoint = await startCredentialEndpoint({
          fetch: credentialSource(c, role),
          tokenFrom: '`sso-tray exec --endpoint` gave the command',
          accountId: role.accountId,
          onProblem: (sentence) => io.err(`sso-tray: ${sentence}\n`),
          sentenceOf: cliErrorSentence,
        });
        given = { kind: 'endpoint', url: endpoint.url, token: endpoint.token };
      }
      const [command, ...args] = argv.length ? (argv as [string, ...string[]]) : [interactiveShell(env)];
      const giveBack = host.handOverInterrupts();
      try {
        const outcome = await runChild(command, args, childEnvironment(env, role, given, region));
        if (outcome.problem) io.err(`sso-tray: ${outcome.problem}\n`);
        host.setExitCode(outcome.exitCode);
      } finally {
        giveBack();
        await endpoint?.close();
      }
    });
}

/** The user's shell, for `exec` without a command (aws-vault's defaults to $SHELL: https://github.com/99designs/aws-vault/blob/master/cli/exec.go). */
function interactiveShell(env: Env): string {
  const shell = process.platform === 'win32' ? env.COMSPEC : env.SHELL;
  if (shell) return shell;
  throw new SsoTrayError(
    'invalid-input',
    'There is no command to run and no shell in SHELL; give the command after --, as in `sso-tray exec ACCOUNT ROLE -- aws s3 ls`.',
  );
}
