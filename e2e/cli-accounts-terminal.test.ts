// `sso-tray accounts` on a terminal, through the in-process CLI: the accounts print as soon as every one is known,
// before their roles are listed (the emulator's call log says how far the roles were), and --json stays one document.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { loginToEmulator } from './support/cli-process.js';
import { runCli } from '../electron/cli/program.js';

let emu: RunningEmulator;
let sandbox: Sandbox;
const ACCOUNTS = 250;

/** stdout and stderr both a terminal; what each write said, in order, with how many roles the portal had answered. */
function terminal() {
  const writes: Array<{ to: 'out' | 'err'; text: string; rolesAnswered: number }> = [];
  const note = (to: 'out' | 'err') => (text: string) =>
    void writes.push({ to, text, rolesAnswered: emu.calls({ api: 'ListAccountRoles', status: 200 }).length });
  return { io: { out: note('out'), err: note('err'), interactive: true, outTerminal: true }, writes };
}

beforeAll(async () => {
  emu = await startEmulator({ accounts: ACCOUNTS });
  sandbox = await makeSandbox(emu.url);
  const login = await loginToEmulator(sandbox, emu, 'acme');
  if (login.code !== 0) throw new Error(login.stderr);
});

afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

it('prints every account before their roles are listed, then the roles', async () => {
  emu.setLatency('ListAccountRoles', 20);
  emu.clearCalls();
  const { io, writes } = terminal();
  expect(await runCli(['accounts', '--session', 'acme'], childEnv(sandbox), io, '0.0.0')).toBe(0);

  const out = writes.filter((w) => w.to === 'out');
  expect(out).toHaveLength(2);
  const [accounts, roles] = out as [(typeof out)[0], (typeof out)[0]];
  // Printed while the listing still had role calls to make.
  expect(accounts.rolesAnswered).toBeLessThan(ACCOUNTS);
  const sorted = [...emu.organisation.accounts].sort(
    (a, b) => a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId),
  );
  const accountLines = accounts.text.trimEnd().split('\n');
  expect(accountLines[0]).toMatch(/^ACCOUNT ID {4}NAME +E-MAIL$/);
  expect(accountLines.slice(1, -1).map((l) => l.split(/\s+/))).toEqual(
    sorted.map((a) => [a.accountId, a.accountName, a.emailAddress]),
  );
  expect(accountLines.at(-1)).toBe(`Listing the roles of ${ACCOUNTS} accounts…`);
  // The progress line was cleared before the table, and counted the roles after it.
  const at = writes.indexOf(accounts);
  expect(writes[at - 1]).toMatchObject({ to: 'err', text: '\r\x1b[K' });
  expect(
    writes.slice(at).some((w) => w.text.includes(`Listing roles: ${ACCOUNTS} of ${ACCOUNTS} accounts…`)),
  ).toBe(true);
  expect(roles.rolesAnswered).toBe(ACCOUNTS);
  const roleLines = roles.text.trimEnd().split('\n');
  expect(roleLines[0]).toMatch(/^ACCOUNT ID {4}NAME +ROLES$/);
  expect(roleLines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual(
    sorted.map((a) => [a.accountId, a.accountName, [...a.roles].sort().join(', ')]),
  );
  emu.setLatency('ListAccountRoles', 0);
});

it('keeps --json one document on a terminal', async () => {
  const { io, writes } = terminal();
  expect(await runCli(['accounts', '--json', '--session', 'acme'], childEnv(sandbox), io, '0.0.0')).toBe(0);
  const out = writes.filter((w) => w.to === 'out');
  expect(out).toHaveLength(1);
  expect(JSON.parse(out[0]!.text)).toHaveLength(ACCOUNTS);
});
