// What the shell completes, command by command: positional arguments and options with the kind of value each takes.
// Kept beside the program without loading it (commander and every command module cost a TAB press ~150 ms);
// command-spec.test.ts holds it to the program's own commands and options.
import { CREDENTIAL_FORMATS } from '../../core/public.js';

/** A positional argument or an option's value: where its candidates come from. */
export type ValueKind = 'account' | 'role' | 'session' | 'shell' | 'command' | 'free' | readonly string[];

export interface CommandSpec {
  args: ValueKind[];
  /** Every flag (long and short) -> the kind of its value, or null for a switch. */
  options: Record<string, ValueKind | null>;
  subcommands?: Record<string, CommandSpec>;
}

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
const SERVE_FORMATS = ['env', 'fish', 'powershell', 'windows-cmd', 'dotenv', 'json'] as const;
const session = { '--session': 'session', '-s': 'session' } as const;
const roleArgs: ValueKind[] = ['account', 'role'];

export const COMMAND_SPEC: Record<string, CommandSpec> = {
  login: {
    args: [],
    options: {
      ...session,
      '--start-url': 'free',
      '--region': 'free',
      '--device-code': null,
      '--no-browser': null,
    },
  },
  logout: { args: [], options: { ...session, '--all': null } },
  sessions: {
    args: [],
    options: { '--json': null },
    subcommands: { remove: { args: ['session'], options: { '--dry-run': null } } },
  },
  accounts: { args: [], options: { ...session, '--json': null, '--cached': null } },
  roles: { args: ['account'], options: { ...session, '--json': null } },
  creds: {
    args: roleArgs,
    options: {
      ...session,
      '--format': CREDENTIAL_FORMATS,
      '-f': CREDENTIAL_FORMATS,
      '--profile-name': 'free',
    },
  },
  write: {
    args: roleArgs,
    options: { ...session, '--profile': 'free', '-p': 'free', '--keep-fresh': null, '--overwrite': null },
  },
  remove: { args: ['free'], options: { '--force': null } },
  profiles: { args: [], options: { '--json': null } },
  'config-profile': {
    args: roleArgs,
    options: {
      ...session,
      '--profile': 'free',
      '-p': 'free',
      '--credential-process': null,
      '--region': 'free',
      '--overwrite': null,
    },
  },
  config: {
    args: [],
    options: {},
    subcommands: {
      sync: {
        args: [],
        options: {
          ...session,
          '--template': 'free',
          '--region': 'free',
          '--no-region': null,
          '--prune': null,
          '--no-prune': null,
          '--dry-run': null,
          '--diff': null,
          '--refresh': null,
          '--kind': ['sso', 'process'],
        },
      },
    },
  },
  console: {
    args: roleArgs,
    options: { ...session, '--region': 'free', '--destination': 'free', '--print': null },
  },
  exec: {
    args: [...roleArgs, 'command'],
    options: { ...session, '--region': 'free', '--endpoint': null, '--nested': null },
  },
  serve: {
    args: roleArgs,
    options: {
      ...session,
      '--listen': ['127.0.0.1', '::1'],
      '--port': 'free',
      '--allow-non-loopback': null,
      '--format': SERVE_FORMATS,
      '-f': SERVE_FORMATS,
    },
  },
  process: { args: roleArgs, options: session },
  'keep-fresh': { args: [], options: {} },
  completion: { args: ['shell'], options: {} },
};
