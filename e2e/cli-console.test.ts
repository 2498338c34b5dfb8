// `sso-tray console` as a user runs it: the built command against the emulator's portal and sign-in endpoint.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { consolePageFields } from './identity-center/federation-support.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';
import { loginAcme, runSsoTray } from './support/cli-run.js';

let emu: RunningEmulator;
let sandbox: Sandbox;
/** The emulator's request log: it must name no sign-in token either. */
const logLines: string[] = [];
/** Every sign-in token a --print run handed out, to scan the other captures for. */
const printedTokens: string[] = [];
const account = () => emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;
// A sign-in token is 240 random bytes in base64url: no run of 200 such characters belongs anywhere else.
const TOKEN_LIKE = /SigninToken|[\w-]{200,}/;

async function consoleRun(args: string[], env: Record<string, string> = {}) {
  const run = await runSsoTray(sandbox, ['console', ...args], {
    env: { AWS_ENDPOINT_URL_SIGNIN: emu.url, ...env },
  });
  const token = URL.canParse(run.stdout.trim()) && new URL(run.stdout.trim()).searchParams.get('SigninToken');
  if (token) printedTokens.push(token);
  expect(run.stderr).not.toMatch(TOKEN_LIKE);
  return run;
}

beforeAll(async () => {
  emu = await startEmulator({ log: (line) => logLines.push(line) });
  sandbox = await makeSandbox(emu.url);
  expect((await loginAcme(emu, sandbox)).code).toBe(0);
});
afterAll(async () => {
  // Everything captured but the --print stdout: the log and every run's stderr (checked per run) hold no token.
  expect(printedTokens.length).toBeGreaterThan(0);
  for (const token of printedTokens) expect(logLines.join('\n')).not.toContain(token);
  // (The log names the operation GetSigninToken, so only the token's shape is looked for.)
  expect(logLines.join('\n')).not.toMatch(/[\w-]{200,}/);
  expect(logLines.some((line) => line.startsWith('GET /federation Login 302'))).toBe(true);
  await emu.close();
  await sandbox.cleanup();
});
beforeEach(() => emu.clearCalls());

describe('sso-tray console --print', () => {
  it('prints a sign-in URL that lands on the console of that account, role, region and destination', async () => {
    const run = await consoleRun([
      account().accountName,
      'ReadOnlyAccess',
      '--region',
      'eu-west-1',
      '--destination',
      's3',
      '--print',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(TOKEN_LIKE);
    const url = run.stdout.trim();
    expect(run.stdout).toBe(`${url}\n`);
    expect(new URL(url).origin).toBe(emu.url);
    expect(new URL(url).searchParams.get('Issuer')).toBe(emu.startUrl);
    expect(await consolePageFields(url)).toMatchObject({
      status: '200',
      account: account().accountId,
      role: 'ReadOnlyAccess',
      region: 'eu-west-1',
      destination: 'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
    });
  });

  it("opens the console's home in the session's region by default, and a full console URL as given", async () => {
    const home = await consoleRun([account().accountId, 'ReadOnlyAccess', '--print']);
    expect(await consolePageFields(home.stdout.trim())).toMatchObject({
      region: emu.region,
      destination: `https://${emu.region}.console.aws.amazon.com/console/home?region=${emu.region}`,
    });
    const target = 'https://console.aws.amazon.com/ec2/home?region=ap-south-1#Instances:';
    const full = await consoleRun([
      account().accountId,
      'ReadOnlyAccess',
      '--destination',
      target,
      '--print',
    ]);
    expect(await consolePageFields(full.stdout.trim())).toMatchObject({
      region: 'ap-south-1',
      destination: target,
    });
  });
});

describe('sso-tray console errors', () => {
  it('says to use --print, with exit code 2, when no browser can be opened', async () => {
    const run = await consoleRun([account().accountId, 'ReadOnlyAccess'], {
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    });
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      'sso-tray: No browser could be opened here; run the same command with --print and open the URL it prints.\n',
    ]);
  });

  it('refuses a destination outside the console in one sentence, before any sign-in call', async () => {
    const run = await consoleRun([
      account().accountId,
      'ReadOnlyAccess',
      '--destination',
      'https://example.com/',
      '--print',
    ]);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      'sso-tray: The destination must be a service such as s3 or an https URL of the AWS console (console.aws.amazon.com); choose another destination.\n',
    );
    expect(emu.calls({ api: 'GetSigninToken' })).toEqual([]);
  });

  it('renews credentials the sign-in endpoint refuses as expired, exactly once', async () => {
    const role = [account().accountId, 'PowerUserAccess'];
    if (!account().roles.includes('PowerUserAccess'))
      role[1] = account().roles.find((r) => r !== 'ReadOnlyAccess')!;
    // Credentials cached by an earlier command (the AWS CLI's cache), then the emulator's clock passes their expiry.
    expect((await runSsoTray(sandbox, ['creds', ...role])).code).toBe(0);
    emu.advanceClock(3601_000);
    const run = await consoleRun([...role, '--print']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(TOKEN_LIKE);
    expect((await consolePageFields(run.stdout.trim())).role).toBe(role[1]);
    expect(emu.calls({ api: 'GetRoleCredentials' })).toHaveLength(2);
    expect(emu.calls({ api: 'GetSigninToken' }).map((c) => c.status)).toEqual([400, 200]);
  });
});
