// Runs the command of `sso-tray exec` as a child, with no shell in between: its arguments reach it as given. The
// signals a terminal or a supervisor sends go on to the child, which decides; its exit code becomes ours.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { inTerminalForeground } from './terminal-foreground.js';

/** SIGINT, SIGTERM and SIGHUP are the child's to handle; `exec` waits for it either way (as aws-vault does). */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** 127 and 126 are what POSIX shells return for a command not found and one found but not executable. */
// https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_08_02
const NOT_FOUND = 127;
const NOT_EXECUTABLE = 126;

/**
 * Ctrl-C typed in a terminal: the terminal sends SIGINT to its whole foreground process group, the command included
 * (https://www.gnu.org/software/libc/manual/html_node/Signal-Characters.html), so passing it on would be a second
 * Ctrl-C, which programs read as "quit now" (uv leaves it to the terminal too: https://github.com/astral-sh/uv/pull/11009).
 * Outside the terminal's foreground (no terminal, a background job, `timeout`), a SIGINT came to exec alone: passed on.
 */
const fromTerminal = inTerminalForeground;

export interface ChildOutcome {
  exitCode: number;
  /** A sentence for stderr when the command could not be started. */
  problem?: string;
}

/**
 * On Windows, Node's spawn without a shell finds only .exe and .com files and refuses .cmd and .bat ones
 * (https://nodejs.org/api/child_process.html#spawning-bat-and-cmd-files-on-windows), so `-- npm test`, `-- npx cdk` or
 * `-- cdk deploy` (npm's .cmd shims) would not start. cross-spawn finds the command through PATH and PATHEXT and runs a
 * shim through cmd.exe with every argument escaped for it (https://github.com/moxystudio/node-cross-spawn). Elsewhere
 * cross-spawn is Node's spawn: it is loaded on Windows only, so `exec`'s start costs nothing more there.
 */
async function spawnerForPlatform(): Promise<typeof spawn> {
  if (process.platform !== 'win32') return spawn;
  return (await import('cross-spawn')).default.spawn as typeof spawn;
}

export async function runChild(
  command: string,
  args: string[],
  env: Record<string, string>,
  signals: Pick<NodeJS.Process, 'on' | 'off'> = process,
): Promise<ChildOutcome> {
  const spawner = await spawnerForPlatform();
  return new Promise((resolve) => {
    const child = spawner(command, args, { env, stdio: 'inherit', shell: false });
    const forward = (signal: NodeJS.Signals) => {
      if (signal === 'SIGINT' && fromTerminal()) return;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const signal of FORWARDED) signals.on(signal, forward);
    const done = (outcome: ChildOutcome) => {
      for (const signal of FORWARDED) signals.off(signal, forward);
      resolve(outcome);
    };
    child.once('error', (error: NodeJS.ErrnoException) => done(startProblem(command, error)));
    // 'exit', not 'close': a grandchild that keeps the inherited stdout open must not keep us waiting.
    child.once('exit', (code, signal) => {
      if (signal) done({ exitCode: 128 + (constants.signals[signal] ?? 0) });
      else done({ exitCode: code ?? 0 });
    });
  });
}

function startProblem(command: string, error: NodeJS.ErrnoException): ChildOutcome {
  if (error.code === 'ENOENT')
    return {
      exitCode: NOT_FOUND,
      problem: `There is no command "${command}"; check its name, or give its full path.`,
    };
  if (error.code === 'EACCES' || error.code === 'ENOEXEC' || error.code === 'EISDIR')
    return {
      exitCode: NOT_EXECUTABLE,
      problem: `"${command}" cannot be run (it is not an executable file); check its permissions, or run it through its interpreter.`,
    };
  return {
    exitCode: NOT_EXECUTABLE,
    problem: `"${command}" could not be started (${error.code ?? 'unknown error'}); check the command and try again.`,
  };
}
