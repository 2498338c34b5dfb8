// The `sso-tray` command: the core's handler table behind a command line for scripts, CI jobs and credential_process.
// Each command lives in commands/; this file builds the program, runs it and maps the outcome to an exit code.
import { Command, CommanderError } from 'commander';
import type { CliContext } from './context.js';
import type { Env } from '../core/environment.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { oneLine, reportError, type Io } from './output.js';
import { fileNotices } from '../core/public.js';
import { guardInterrupts } from './interrupt.js';
import type { CommandHost, CommandModule } from './command-host.js';
import { addLogin } from './commands/login.js';
import { addSessions } from './commands/sessions.js';
import { addAccounts } from './commands/accounts.js';
import { addCreds } from './commands/creds.js';
import { addProfiles } from './commands/profiles.js';
import { addConfigProfile } from './commands/config-profile.js';
import { addBackground } from './commands/process-and-keep-fresh.js';
import { addConsole } from './commands/console.js';
import { addConfigSync } from './commands/config-sync.js';
import { addExec } from './commands/exec.js';
import { addServe } from './commands/serve.js';
import { addCompletion } from './commands/completion.js';

/** Every command, in help's order (the completion's spec is checked against them). */
export const COMMANDS: CommandModule[] = [
  addLogin,
  addSessions,
  addAccounts,
  addCreds,
  addProfiles,
  addConfigProfile,
  addConfigSync,
  addConsole,
  addExec,
  addServe,
  addBackground,
  addCompletion,
];

export async function runCli(argv: string[], env: Env, io: Io, version: string): Promise<number> {
  let exitCode: number = EXIT.ok;
  let context: CliContext | undefined;
  const guard = guardInterrupts();
  const host: CommandHost = {
    io,
    env,
    // The core and the AWS SDK load only for commands that need them: `process` answers from its cache without them.
    ctx: async (options = {}) =>
      (context ??= (await import('./waiting-notice.js')).withWaitingNotice(
        (await import('./context.js')).createContext(env, options),
        io,
      )),
    setExitCode: (code) => (exitCode = code),
    onInterrupt: (undo) => guard.onInterrupt(undo),
    handOverInterrupts: () => guard.handOver(),
  };
  const program = new Command('sso-tray')
    .description(
      'AWS IAM Identity Center sign-in and short-term credentials for scripts, shells and the AWS SDKs.',
    )
    .version(version, '-v, --version')
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(oneLine(text)),
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);
  for (const add of COMMANDS) add(program, host);
  // What SSO Tray did to a user's file (a mode tightened to 0600) is said once, on stderr.
  const notice = (sentence: string) => io.err(`sso-tray: ${sentence}\n`);
  fileNotices.on('notice', notice);

  // The core's timers are unref'd (the tray app must not be kept up by them): a running command holds the process
  // itself, or a device-code sign-in waiting between polls would end with exit code 0 and nothing signed in.
  const keepAlive = setInterval(() => undefined, 2 ** 30);
  try {
    const run = program.parseAsync(argv, { from: 'user' }).then(() => undefined);
    const signalled = await Promise.race([run, guard.interrupted]);
    if (signalled !== undefined) return signalled;
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
    fileNotices.off('notice', notice);
    clearInterval(keepAlive);
    guard.dispose();
    context?.close();
  }
  return exitCode;
}
