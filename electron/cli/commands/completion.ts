// `sso-tray completion bash|zsh|fish|powershell`: prints the shell's completion script (README: how to install it).
import { Argument, type Command } from 'commander';
import type { CommandHost } from '../command-host.js';
import { SHELLS } from '../completion/command-spec.js';
import { COMPLETION_SCRIPTS, type Shell } from '../completion/completion-scripts.js';

export function addCompletion(program: Command, { io }: CommandHost): void {
  program
    .command('completion')
    .description('print the completion script for a shell (commands, options, sessions, accounts and roles)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action((shell: Shell) => io.out(COMPLETION_SCRIPTS[shell]));
}
