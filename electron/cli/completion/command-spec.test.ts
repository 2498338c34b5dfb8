// The completion's spec is the program's: every command, subcommand, argument and option the program has, and no
// other (a command added without its completion, or an option renamed, fails here).
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../program.js';
import type { CommandHost } from '../command-host.js';
import { COMMAND_SPEC, type CommandSpec } from './command-spec.js';

function program(): Command {
  const root = new Command('sso-tray');
  // Adding a command only declares it: nothing in the host is used until an action runs.
  for (const add of COMMANDS) add(root, {} as CommandHost);
  return root;
}

function specOf(command: Command): CommandSpec {
  const options: CommandSpec['options'] = {};
  for (const option of command.options) {
    const kind = option.required || option.optional ? (option.argChoices ?? 'value') : null;
    for (const flag of [option.long, option.short]) if (flag) options[flag] = kind as never;
  }
  const subcommands = Object.fromEntries(command.commands.map((c) => [c.name(), specOf(c)]));
  return {
    args: command.registeredArguments.map(() => 'value' as never),
    options,
    ...(command.commands.length ? { subcommands } : {}),
  };
}

/** The spec with every value kind but a list of choices reduced to 'value', as the program can state it. */
function comparable(spec: CommandSpec, programSide: CommandSpec): CommandSpec {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([flag, kind]) => [
      flag,
      kind === null ? null : Array.isArray(programSide.options[flag]) ? [...kind] : 'value',
    ]),
  );
  const subcommands = spec.subcommands
    ? Object.fromEntries(
        Object.entries(spec.subcommands).map(([n, s]) => [
          n,
          comparable(s, programSide.subcommands?.[n] ?? s),
        ]),
      )
    : undefined;
  return {
    args: spec.args.map(() => 'value' as never),
    options: options as CommandSpec['options'],
    ...(subcommands ? { subcommands } : {}),
  };
}

describe('the completion spec', () => {
  it('names every command, argument, option and choice of the program, and nothing else', () => {
    const commands = program().commands;
    expect(Object.keys(COMMAND_SPEC).sort()).toEqual(commands.map((c) => c.name()).sort());
    for (const command of commands) {
      const actual = specOf(command);
      expect(comparable(COMMAND_SPEC[command.name()]!, actual), command.name()).toEqual(actual);
    }
  });
});
