// How the bench times things: repeats, medians, and a command run as a user runs it.
import { spawn } from 'node:child_process';

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** The median of `repeats` runs of `run` (each returns milliseconds). */
export async function repeated(repeats: number, run: () => Promise<number>): Promise<number> {
  const figures: number[] = [];
  for (let i = 0; i < repeats; i++) figures.push(await run());
  return median(figures);
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Runs Node (or `command`) to its end; its wall time in milliseconds, its stdout and stderr. */
export function runProcess(
  args: string[],
  env: Record<string, string | undefined>,
  command = process.execPath,
): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout, stderr }));
  });
}

/** A run's wall time and CPU time (user + system) in milliseconds. */
export interface CpuRun {
  ms: number;
  cpuMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

// bash's `times` prints the CPU its children used (getrusage RUSAGE_CHILDREN, to the millisecond), which a loaded machine
// barely moves, unlike wall time: https://www.gnu.org/software/bash/manual/html_node/Bourne-Shell-Builtins.html#index-times
// EPOCHREALTIME (bash 5) times the child alone, without bash's own start; older bashes fall back to the outer clock.
const TIMED_RUN = 'a=$EPOCHREALTIME; "$@"; s=$?; b=$EPOCHREALTIME; { echo "$a $b"; times; } >&3; exit $s';

/** Runs Node (or `command`) to its end under bash, which reports the child's CPU time; also its wall time. */
export function runProcessCpu(
  args: string[],
  env: Record<string, string | undefined>,
  command = process.execPath,
): Promise<CpuRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', TIMED_RUN, 'bash', command, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let report = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdio[3]!.on('data', (chunk: Buffer) => (report += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const outer = performance.now() - started;
      const [clock = '', , children = ''] = report.split('\n');
      const [a, b] = clock.split(' ').map(Number);
      const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      if (seconds.length !== 2) return reject(new Error(`bash's times printed ${JSON.stringify(report)}`));
      const inner = a && b ? (b - a) * 1000 : NaN;
      resolve({
        ms: Number.isFinite(inner) ? inner : outer,
        cpuMs: (seconds[0]! + seconds[1]!) * 1000,
        code,
        stdout,
        stderr,
      });
    });
  });
}

/** The medians of wall and CPU time over `repeats` runs. */
export async function repeatedCpu(
  repeats: number,
  run: () => Promise<CpuRun>,
): Promise<{ ms: number; cpuMs: number }> {
  const runs: CpuRun[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await run());
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}
