// `sso-tray … | head`: the reader closes the pipe after the lines it wanted. The command drops the rest of its
// output and ends with its own exit code, with no crash on stderr.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { loginToEmulator, startCli } from './support/cli-process.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';

let emu: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  // Enough accounts that the table is larger than a pipe's buffer (64 KiB): it cannot go out in one write.
  emu = await startEmulator({ accounts: 1500 });
  sandbox = await makeSandbox(emu.url);
});
afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

/** Runs the command and closes its stdout as soon as the first bytes arrive, as `head -1` does. */
async function readFirstChunk(args: string[]) {
  const started = startCli(sandbox, args);
  let first = '';
  started.child.stdout!.once('data', (chunk: Buffer) => {
    first = chunk.toString();
    started.child.stdout!.destroy();
  });
  const run = await started.done;
  return { ...run, first };
}

it('--help piped into head: the first line, then exit 0 and nothing on stderr', async () => {
  const run = await readFirstChunk(['--help']);
  expect(run.first).toMatch(/^Usage: sso-tray/);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

it('a long accounts table piped into head: exit 0 and no crash on stderr', async () => {
  expect((await loginToEmulator(sandbox, emu, 'acme')).code).toBe(0);
  const listed = await readFirstChunk(['accounts']);
  expect(listed.first).toMatch(/\d{12}/);
  expect(listed.stderr).not.toMatch(/EPIPE|node:events/);
  expect(listed.code).toBe(0);
  const cached = await readFirstChunk(['accounts', '--cached']);
  expect(cached.stderr).not.toMatch(/EPIPE|node:events/);
  expect(cached.code).toBe(0);
});
