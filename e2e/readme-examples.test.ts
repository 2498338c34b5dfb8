// Every `sso-tray` example in the README runs as written, against the emulator's demo organisation in a throwaway
// HOME: the lines of each ```sh block in order (a block after the first starts signed in, as the README's first line
// does), then the ```ini block's credential_process command.
import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { bin, repo, type CliRun } from './support/cli-process.js';
import { expectWhatItShows } from './support/readme-shows.js';

/** The README's code blocks of one language, each as its example lines (comments and continuations dropped). */
function blocks(readme: string, language: string): string[][] {
  const found = [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))];
  return found
    .map((m) =>
      (m[1] ?? '')
        .split('\n')
        .map((line) => line.replace(/^credential_process = /, ''))
        .filter((line) => /^(sso-tray |eval "\$\(sso-tray )/.test(line)),
    )
    .filter((lines) => lines.length > 0);
}

let emu: RunningEmulator;
let tools: string;
let commandBlocks: string[][];
let iniLines: string[];

beforeAll(async () => {
  const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
  commandBlocks = blocks(readme, 'sh').filter((lines) => lines.some((l) => l.includes('sso-tray ')));
  iniLines = blocks(readme, 'ini').flat();
  // The README's start URL, the demo organisation, and approvals without a click (the test is the user).
  emu = await startEmulator({ startUrl: 'https://acme.awsapps.com/start', autoApprove: true });
  tools = path.join(repo, 'node_modules', '.cache', 'readme-examples-bin');
  await mkdir(tools, { recursive: true });
  // `sso-tray` on PATH as `npm install -g .` puts it, and a "browser" that follows the sign-in redirect.
  const script = (name: string, body: string) =>
    writeFile(path.join(tools, name), `#!/bin/sh\n${body}\n`).then(() =>
      chmod(path.join(tools, name), 0o755),
    );
  await script('sso-tray', `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"`);
  await script(
    'xdg-open',
    `exec ${JSON.stringify(process.execPath)} -e 'fetch(process.argv[1]).then((r) => r.text())' "$1"`,
  );
});

afterAll(async () => {
  await emu.close();
});

/** One README line through a shell, as a user pastes it; keep-fresh runs until Ctrl-C. */
function shell(sandbox: Sandbox, line: string): Promise<CliRun> {
  const env = childEnv(sandbox, {
    PATH: `${tools}${path.delimiter}${process.env.PATH ?? ''}`,
    DISPLAY: ':0',
  });
  // Its own process group, as a terminal's foreground job: Ctrl-C reaches the shell and sso-tray alike.
  // `exec`: the shell becomes sso-tray, so its exit code is the command's own (130 after Ctrl-C, not the shell's).
  const script = line.startsWith('sso-tray ') ? `exec ${line}` : line;
  const child = spawn('/bin/sh', ['-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let interrupted = false;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    // `sso-tray keep-fresh` and `sso-tray serve` stay until Ctrl-C: press it once they are running.
    if (/Ctrl-C to stop/.test(stderr) && !interrupted && child.pid) {
      interrupted = true;
      process.kill(-child.pid, 'SIGINT');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('the README examples', () => {
  it('has the examples this test runs', () => {
    expect(commandBlocks.length).toBeGreaterThanOrEqual(2);
    expect(commandBlocks[0]![0]).toMatch(/^sso-tray login --start-url https:\/\/acme\.awsapps\.com\/start /);
    expect(iniLines).toEqual([expect.stringMatching(/^sso-tray process \d{12} \S+ --session acme$/)]);
  });

  it('each block runs as written against the demo organisation', async () => {
    for (const [index, lines] of commandBlocks.entries()) {
      const sandbox = await makeSandbox(emu.url);
      try {
        const steps = index === 0 ? lines : [commandBlocks[0]![0]!, ...lines];
        if (index === commandBlocks.length - 1) steps.push(...iniLines);
        for (const line of steps) {
          const run = await shell(sandbox, line);
          // keep-fresh and serve run until Ctrl-C.
          const expected = /^sso-tray (keep-fresh|serve) /.test(line) ? 130 : 0;
          expect(run.code, `${line}\n${run.stderr}`).toBe(expected);
          expect(run.stderr, line).not.toMatch(/^sso-tray: /m);
          await expectWhatItShows(sandbox, line, run);
        }
      } finally {
        await sandbox.cleanup();
      }
    }
  });
});
