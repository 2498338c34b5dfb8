// The built `sso-tray` as a user runs it, for CLI test files: a child process in a sandbox, signed in to the emulator.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningEmulator } from '../identity-center/emulator.js';
import { childEnv, type Sandbox } from './sandbox.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(REPO, 'bin', 'sso-tray.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runSsoTray(
  sandbox: Sandbox,
  args: string[],
  options: { onStderr?: (text: string) => void; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return new Promise<CliRun>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: childEnv(sandbox, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `sso-tray login --no-browser` to the emulator as session "acme", approving the printed /authorize URL. */
export function loginAcme(emu: RunningEmulator, sandbox: Sandbox): Promise<CliRun> {
  let approved = false;
  return runSsoTray(
    sandbox,
    ['login', '--start-url', emu.startUrl, '--region', emu.region, '--session', 'acme', '--no-browser'],
    {
      onStderr: (text) => {
        const url = /https?:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/.exec(text)?.[0];
        if (approved || !url) return;
        approved = true;
        void emu.approveAuthorization(url);
      },
    },
  );
}
