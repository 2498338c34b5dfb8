// `sso-tray exec` in a terminal: Ctrl-C there reaches the command once. The terminal already sends SIGINT to every
// process in its foreground group (the command included), so exec must not send it a second one: a program that reads
// a second Ctrl-C as "quit now" (terraform, docker compose) would otherwise skip its clean shutdown. The terminal is a
// real pseudo-terminal (util-linux `script`), and ^C is typed into it. A SIGINT sent to exec alone (it runs as a
// background job) is passed on. Without a command, exec starts the user's shell.
import { execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { bin, useCliEmulator } from './support/cli-process.js';
import { loginAcme, runSsoTray } from './support/cli-run.js';
import { childEnv } from './support/sandbox.js';

const h = useCliEmulator();
// util-linux's `script` (Linux): macOS's takes other flags.
const hasScript = (() => {
  try {
    return (
      process.platform === 'linux' &&
      execFileSync('script', ['--version'], { encoding: 'utf8' }).includes('util-linux')
    );
  } catch {
    return false;
  }
})();
let sandboxId = '';

beforeAll(async () => {
  expect((await loginAcme(h.emu, h.sandbox)).code).toBe(0);
  sandboxId = h.emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!.accountId;
  expect((await runSsoTray(h.sandbox, ['creds', 'Sandbox', 'AdministratorAccess'])).code).toBe(0);
});

// Counts the SIGINTs it gets in the half second after the first, then says how many and exits 0. The window decides
// only whether a second SIGINT is caught: a correct exec sends none, so the count is 1 however slow the machine (a
// slow machine could at worst let a wrong exec's late second SIGINT go uncounted, never fail a correct one).
const COUNTER = `let n = 0; process.on('SIGINT', () => { if (n++ === 0) setTimeout(() => { process.stdout.write('SIGINTs: ' + n + ';'); process.exit(0); }, 500); }); process.stdout.write('ready;'); setInterval(() => {}, 1000);`;

/** `sso-tray exec ACCOUNT AdministratorAccess -- node COUNTER` in a terminal, with ^C typed once it is ready. */
function ctrlCInTerminal(account: string) {
  const line = [
    '"$NODE"',
    '"$BIN"',
    'exec',
    account,
    'AdministratorAccess',
    '--',
    '"$NODE"',
    '-e',
    '"$COUNTER"',
  ];
  // The ^C reaches every process in the terminal's foreground group, the shells that `script` starts included. bash
  // goes on to the echo when its foreground command handled the SIGINT and exited normally
  // (https://www.gnu.org/software/bash/manual/html_node/Signals.html); dash, /bin/sh on Debian, ends at once instead.
  // So the exit code is printed by a bash named here, and `script` is given SHELL=/bin/sh whatever the caller's
  // SHELL is: the verdict depends on exec alone.
  const command = `${line.join(' ')}; echo " exit $?"`;
  const terminal = spawn('script', ['-qfec', `bash -c '${command.replace(/'/g, "'\\''")}'`, '/dev/null'], {
    env: childEnv(h.sandbox, { NODE: process.execPath, BIN: bin, COUNTER, SHELL: '/bin/sh' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  return new Promise<string>((resolve, reject) => {
    terminal.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      if (screen.includes('ready;') && !screen.includes('^C')) terminal.stdin.write('\x03');
      if (/ exit \d+/.test(screen)) terminal.stdin.end();
    });
    terminal.on('error', reject);
    terminal.on('close', () => resolve(screen.replace(/\r/g, '')));
  });
}

describe.skipIf(!hasScript)(
  `Ctrl-C typed in a terminal during \`sso-tray exec\`${hasScript ? '' : ' (util-linux script is not installed)'}`,
  () => {
    it.each([
      ['by name, through the program', () => 'Sandbox'],
      ['by id, with cached credentials (the quick answer)', () => sandboxId],
    ])('reaches the command once, and exec returns its exit code (%s)', async (_, account) => {
      const screen = await ctrlCInTerminal(account());
      expect(screen).toMatch(/ready;\^C(\n)?SIGINTs: 1; exit 0\n/);
    });
  },
);

/** `sso-tray exec ACCOUNT … -- node COUNTER` as a background job of a terminal's shell, sent SIGINT alone once ready. */
function interruptedInBackground(account: string) {
  const script = [
    'set -m', // job control: the job gets its own process group, not the terminal's foreground
    `"$NODE" "$BIN" exec ${account} AdministratorAccess -- "$NODE" -e "$COUNTER" > "$OUT" &`,
    'job=$!; echo $job > "$OUT.job"',
    'until grep -q "ready;" "$OUT"; do sleep 0.05; done',
    'kill -INT $job',
    'wait $job; code=$?',
    'printf "%s exit %s\\n" "$(cat "$OUT")" "$code"',
  ].join('\n');
  const out = path.join(h.sandbox.home, `background-${account}.out`);
  const terminal = spawn('script', ['-qfec', `bash -c '${script.replace(/'/g, "'\\''")}'`, '/dev/null'], {
    env: childEnv(h.sandbox, { NODE: process.execPath, BIN: bin, COUNTER, OUT: out, SHELL: '/bin/sh' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  terminal.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    if (/ exit \d+/.test(screen)) terminal.stdin.end();
  });
  // Whatever the verdict, the job's process group (its own, under job control) does not outlive the test.
  onTestFinished(async () => {
    terminal.kill();
    const job = Number(await readFile(`${out}.job`, 'utf8').catch(() => ''));
    if (job > 0) {
      try {
        process.kill(-job, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  return new Promise<string>((resolve, reject) => {
    terminal.on('error', reject);
    terminal.on('close', () => resolve(screen.replace(/\r/g, '')));
  });
}

describe.skipIf(!hasScript)(
  `a SIGINT sent to \`sso-tray exec\` alone, in a background job of a terminal${hasScript ? '' : ' (util-linux script is not installed)'}`,
  () => {
    it.each([
      ['by name, through the program', () => 'Sandbox'],
      ['by id, with cached credentials (the quick answer)', () => sandboxId],
    ])('is passed on to the command, once (%s)', async (_, account) => {
      expect(await interruptedInBackground(account())).toMatch(/ready;SIGINTs: 1; exit 0\n/);
    });
  },
);

describe('`sso-tray exec ACCOUNT ROLE` without a command, or without --', () => {
  it("starts the user's shell with the role's variables, and says what to do when there is none", async () => {
    // A stand-in for $SHELL: prints what a shell there would see.
    const shell = path.join(h.sandbox.home, 'fake-shell');
    await writeFile(shell, '#!/bin/sh\nprintf "%s %s %s" "$#" "$AWS_ACCESS_KEY_ID" "$SSO_TRAY_EXEC"\n', {
      mode: 0o755,
    });
    const started = await runSsoTray(h.sandbox, ['exec', 'Sandbox', 'AdministratorAccess'], {
      env: { SHELL: shell },
    });
    expect(started.stderr).toBe('');
    expect(started.stdout).toMatch(new RegExp(`^0 ASIA\\w+ acme/${sandboxId}/AdministratorAccess$`));
    expect(started.code).toBe(0);
    const none = await runSsoTray(h.sandbox, ['exec', sandboxId, 'AdministratorAccess'], {
      env: { SHELL: '' },
    });
    expect({ code: none.code, stdout: none.stdout, stderr: none.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'sso-tray: There is no command to run and no shell in SHELL; give the command after --, as in `sso-tray exec ACCOUNT ROLE -- aws s3 ls`.\n',
    });
  });

  it("names -- when the command's own option comes without it, and the usage when the role is missing", async () => {
    const noRole = await runSsoTray(h.sandbox, ['exec', 'Sandbox']);
    expect([noRole.code, noRole.stderr]).toEqual([
      2,
      "error: missing required argument 'role'\n(usage: sso-tray exec ACCOUNT ROLE [options] -- COMMAND [ARGS…]; the command's own options go after --)\n",
    ]);
    const run = await runSsoTray(h.sandbox, ['exec', 'Sandbox', 'AdministratorAccess', 'ls', '-l', '--all']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: unknown option '-l'\n(usage: sso-tray exec ACCOUNT ROLE [options] -- COMMAND [ARGS…]; the command's own options go after --)\n",
    });
  });
});
