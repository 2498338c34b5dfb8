// `sso-tray accounts` on a terminal: one table on stdout, the progress count on stderr only, and columns that line up
// in display width when names are CJK, emoji or carry combining marks.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { bin, loginToEmulator } from './support/cli-process.js';
import { runCli } from '../electron/cli/program.js';

let emu: RunningEmulator;
let sandbox: Sandbox;

const organisation = {
  accounts: [
    {
      accountId: '111111111111',
      accountName: '経理-本番',
      emailAddress: 'keiri@example.com',
      roles: ['ReadOnlyAccess'],
    },
    {
      accountId: '222222222222',
      accountName: 'Cafe\u0301 🚀',
      emailAddress: 'cafe@example.com',
      roles: ['ReadOnlyAccess', 'AdministratorAccess'],
    },
    {
      accountId: '333333333333',
      accountName: 'payments',
      emailAddress: 'p@example.com',
      roles: ['ReadOnlyAccess'],
    },
  ],
};

// Written out by hand: '経理-本番' takes 9 columns, 'Café 🚀' 7 (the accent combines, the rocket is wide).
const TABLE = [
  'ACCOUNT ID    NAME       E-MAIL             ROLES',
  '222222222222  Cafe\u0301 🚀    cafe@example.com   AdministratorAccess, ReadOnlyAccess',
  '333333333333  payments   p@example.com      ReadOnlyAccess',
  '111111111111  経理-本番  keiri@example.com  ReadOnlyAccess',
  '',
].join('\n');

beforeAll(async () => {
  emu = await startEmulator({ organisation });
  sandbox = await makeSandbox(emu.url);
  const login = await loginToEmulator(sandbox, emu, 'acme');
  if (login.code !== 0) throw new Error(login.stderr);
});

afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

/** The built command on a real pseudo-terminal (util-linux `script`): stdout and stderr both a TTY, as a user has. */
function onTerminal(args: string[]): Promise<{ code: number | null; screen: string }> {
  const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
  const command = [process.execPath, bin, ...args].map(quote).join(' ');
  // https://man7.org/linux/man-pages/man1/script.1.html: -q quiet, -e the child's exit code, -c the command.
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: childEnv(sandbox),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, screen: screen.replaceAll('\r\n', '\n') }));
  });
}

/** The progress redraws as stderr writes them (back to the line's start, the text, clear to its end), taken out. */
const ERASE_LINE = '\x1b[K';
const withoutRedraws = (text: string) =>
  text
    .split(ERASE_LINE)
    .map((piece, i, all) =>
      i === all.length - 1 ? piece : piece.replace(/\r(?:Listing (?:accounts|roles): [^\r\n]*)?$/, ''),
    )
    .join('');

it('prints the table once on a terminal, the progress redrawn on its own line, columns aligned in display width', async () => {
  emu.setLatency('ListAccountRoles', 150);
  try {
    const { code, screen } = await onTerminal(['accounts', '--session', 'acme']);
    expect(code).toBe(0);
    // Everything on the screen that is not a progress redraw is the table, once.
    expect(withoutRedraws(screen)).toBe(TABLE);
    expect(screen).toContain(`\rListing roles: 3 of 3 accounts…${ERASE_LINE}`);
  } finally {
    emu.setLatency('ListAccountRoles', 0);
  }
  // Each column starts at the same display column on every line.
  const starts = TABLE.trimEnd()
    .split('\n')
    .map((line) => {
      const parts = line.split(/( {2,})/); // cell, gap, cell, gap, …
      return parts.flatMap((_, i) => (i % 2 === 0 ? [stringWidth(parts.slice(0, i).join(''))] : []));
    });
  expect(new Set(starts.map((s) => s.join(','))).size).toBe(1);
});

it('writes only the table to stdout and only the progress to stderr', async () => {
  emu.setLatency('ListAccountRoles', 150);
  const writes: Array<{ to: 'out' | 'err'; text: string }> = [];
  const note = (to: 'out' | 'err') => (text: string) => void writes.push({ to, text });
  const io = { out: note('out'), err: note('err'), interactive: true };
  try {
    expect(await runCli(['accounts', '--session', 'acme'], childEnv(sandbox), io, '0.0.0')).toBe(0);
  } finally {
    emu.setLatency('ListAccountRoles', 0);
  }
  expect(writes.filter((w) => w.to === 'out').map((w) => w.text)).toEqual([TABLE]);
  const err = writes.filter((w) => w.to === 'err').map((w) => w.text);
  expect(err.length).toBeGreaterThan(0);
  expect(withoutRedraws(err.join(''))).toBe('');
});

it('keeps --json one document on a terminal', async () => {
  const writes: string[] = [];
  const io = { out: (t: string) => void writes.push(t), err: () => undefined, interactive: true };
  expect(await runCli(['accounts', '--json', '--session', 'acme'], childEnv(sandbox), io, '0.0.0')).toBe(0);
  expect(writes).toHaveLength(1);
  expect(JSON.parse(writes[0]!)).toHaveLength(3);
});
