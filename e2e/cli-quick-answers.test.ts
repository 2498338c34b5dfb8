// The answers that come before the program (bin/sso-tray.js, electron/cli/quick/): credential_process's warm answer
// and a TAB's candidates load none of Node's modules that bare `node -e 0` does not, but for `os` — no fs/promises
// (which brings streams and readline), no crypto, no streams for stdout — and answer as the program does.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, loginToEmulator, runCli, useCliEmulator } from './support/cli-process.js';
import { childEnv } from './support/sandbox.js';

const hook = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'builtins-on-exit.cjs');
const h = useCliEmulator();

/** Node's built-in modules a run loaded (e2e/support/builtins-on-exit.cjs), its stdout and exit code. */
function builtinsOf(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; builtins: string[] }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', hook, ...args], {
      env: childEnv(h.sandbox),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = /^BUILTINS (\[.*\])$/m.exec(stderr)?.[1];
      if (!line) return reject(new Error(`No BUILTINS line in: ${stderr}`));
      resolve({ code, stdout, builtins: JSON.parse(line) as string[] });
    });
  });
}

/** What a run loaded beyond bare `node -e 0` (with the same preload). */
async function beyondBareNode(args: string[]) {
  const [bare, run] = await Promise.all([builtinsOf(['-e', '0']), builtinsOf([bin, ...args])]);
  return { ...run, extra: run.builtins.filter((m) => !bare.builtins.includes(m)) };
}

let accountId = '';
let roleName = '';
beforeAll(async () => {
  expect((await loginToEmulator(h.sandbox, h.emu, 'acme')).code).toBe(0);
  const account = h.emu.organisation.accounts[2]!;
  accountId = account.accountId;
  roleName = account.roles[0]!;
  expect((await runCli(h.sandbox, ['creds', accountId, roleName])).code).toBe(0);
  expect((await runCli(h.sandbox, ['accounts'])).code).toBe(0);
});

describe('the quick answers load only what bare node loads', () => {
  it('answers a warm `process` without fs/promises, crypto or streams, as the program answers it', async () => {
    const run = await beyondBareNode(['process', accountId, roleName]);
    expect(run.code).toBe(0);
    expect(run.extra).toEqual(['os']);
    // The program's own answer for the same role (creds --format process goes through the door).
    const printed = await runCli(h.sandbox, ['creds', accountId, roleName, '--format', 'process']);
    expect(run.stdout).toMatch(/^\{\n {2}"Version": 1,\n/);
    expect(run.stdout).toBe(printed.stdout);
  });

  it('offers the cached account names on TAB without fs/promises, crypto or streams', async () => {
    const name = h.emu.organisation.accounts[2]!.accountName;
    // fish inserts candidates as printed (bash's are quoted: cli-completion tests cover that).
    const run = await beyondBareNode([
      '__complete',
      'fish',
      `sso-tray creds ${name.split(' ')[0]!.slice(0, -1)}`,
    ]);
    expect(run.code).toBe(0);
    expect(run.extra).toEqual(['os']);
    expect(run.stdout.split('\n')).toContain(name);
  });

  it('runs `exec` with cached credentials without the program, fs/promises or crypto', async () => {
    const run = await beyondBareNode([
      'exec',
      accountId,
      roleName,
      '--',
      process.execPath,
      '-e',
      'process.stdout.write(process.env.AWS_ACCESS_KEY_ID)',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ASIA/);
    // Starting a child loads child_process and what it needs; nothing of the program's (an ES module) or fs/promises.
    expect(
      run.extra.filter((m) => /^(internal\/)?(modules\/esm|fs\/promises|crypto|readline)/.test(m)),
    ).toEqual([]);
  });

  it('leaves a miss to the program, which explains it', async () => {
    const run = await beyondBareNode(['process', '123456789012', roleName]);
    expect(run.code).not.toBe(0);
    expect(run.extra).toContain('fs/promises');
  });
});
