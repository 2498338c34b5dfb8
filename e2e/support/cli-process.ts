// The built `sso-tray` as a child process in a sandbox: run to the end, or started and steered (Ctrl-C mid-call).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './sandbox.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = path.join(repo, 'bin', 'sso-tray.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface StartedCli {
  child: ChildProcess;
  /** Resolves with stderr so far once it matches; rejects if the program ends first. */
  stderrMatches(pattern: RegExp): Promise<string>;
  /** Resolves with stdout so far once it matches; rejects if the program ends first. */
  stdoutMatches(pattern: RegExp): Promise<string>;
  done: Promise<CliRun>;
}

/** Any program run to its end or steered; `onStderr` sees stderr as it grows (to approve a sign-in it prints). */
export function startProgram(
  file: string,
  args: string[],
  options: { env: Record<string, string>; cwd?: string; onStderr?: (stderr: string) => void },
): StartedCli {
  const child = spawn(file, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const text = { stdout: '', stderr: '' };
  const waiters: Array<() => void> = [];
  const collect = (stream: keyof typeof text) => (chunk: Buffer) => {
    text[stream] += chunk.toString();
    if (stream === 'stderr') options.onStderr?.(text.stderr);
    for (const check of [...waiters]) check();
  };
  child.stdout.on('data', collect('stdout'));
  child.stderr.on('data', collect('stderr'));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...text }));
  });
  const matches = (stream: keyof typeof text) => (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(text[stream])) return;
        waiters.splice(waiters.indexOf(check), 1);
        resolve(text[stream]);
      };
      waiters.push(check);
      check();
      void done.then((run) => reject(new Error(`The command ended (${run.code}) first:\n${run.stderr}`)));
    });
  return { child, stderrMatches: matches('stderr'), stdoutMatches: matches('stdout'), done };
}

/** The built command in a sandbox. */
export function startCli(
  sandbox: Sandbox,
  args: string[],
  env: Record<string, string> = {},
  onStderr?: (stderr: string) => void,
): StartedCli {
  return startProgram(process.execPath, [bin, ...args], {
    env: childEnv(sandbox, env),
    ...(onStderr ? { onStderr } : {}),
  });
}

export const runCli = (sandbox: Sandbox, args: string[], env: Record<string, string> = {}) =>
  startCli(sandbox, args, env).done;

/** `sso-tray login` for a new session on the emulator, approved through its device page. */
export async function loginToEmulator(
  sandbox: Sandbox,
  emu: RunningEmulator,
  session: string,
): Promise<CliRun> {
  const started = startCli(sandbox, [
    'login',
    '--start-url',
    emu.startUrl,
    '--region',
    emu.region,
    '--session',
    session,
    '--device-code',
    '--no-browser',
  ]);
  const text = await started.stderrMatches(/confirm the code (\S+)/);
  await emu.approveDevice(/confirm the code (\S+)/.exec(text)?.[1] ?? '');
  return started.done;
}

/** Registers the hooks of a CLI test file: the build fresh, one emulator and one sandbox for the file. */
export function useCliEmulator(): { emu: RunningEmulator; sandbox: Sandbox } {
  const h = {} as { emu: RunningEmulator; sandbox: Sandbox };
  beforeAll(async () => {
    h.emu = await startEmulator();
    h.sandbox = await makeSandbox(h.emu.url);
  });
  afterAll(async () => {
    await h.emu.close();
    await h.sandbox.cleanup();
  });
  return h;
}
