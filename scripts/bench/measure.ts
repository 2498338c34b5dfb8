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
