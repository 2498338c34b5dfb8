// What every command module gets from the program: the terminal, the environment, the context (built on first use)
// and a way to set the exit code; plus the options several commands share.
import { Option, type Command } from 'commander';
import type { CliContext } from './context.js';
import type { Env } from '../core/environment.js';
import type { Io } from './output.js';
import { accountArgument, roleArgument, sessionArgument } from './arguments.js';

export interface CommandHost {
  io: Io;
  env: Env;
  /** The core and its handler table, loaded only for commands that need them (`process` answers without). */
  ctx(options?: {
    openBrowser?: (url: string) => Promise<void>;
    background?: boolean;
    openExternal?: (url: string) => Promise<void>;
  }): Promise<CliContext>;
  setExitCode(code: number): void;
  /** What to undo when Ctrl-C interrupts the command (the program then exits 130); returns an unregister function. */
  onInterrupt(undo: () => Promise<unknown>): () => void;
  /** The command takes Ctrl-C over (it forwards it to a child); returns a function that gives it back. */
  handOverInterrupts(): () => void;
}

/** Adds one command (or a few related ones) to the program. */
export type CommandModule = (program: Command, host: CommandHost) => void;

export function sessionOption(): Option {
  return new Option(
    '-s, --session <name>',
    "the Identity Center session (default: SSO_TRAY_SESSION, AWS_PROFILE's, or the only one)",
  ).argParser(sessionArgument);
}

/** A command about one role: `<account> <role>`, each checked with AWS's rules, and `--session`. */
export function roleCommand(
  program: Command,
  name: string,
  description: string,
  accountHelp = 'account id or name',
): Command {
  return program
    .command(name)
    .description(description)
    .argument('<account>', accountHelp, accountArgument)
    .argument('<role>', 'role (permission set) name', roleArgument)
    .addOption(sessionOption());
}
