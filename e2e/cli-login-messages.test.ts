// What `sso-tray login` tells a user about how it signs in: why a device code is used when there is no display, and
// the URL to open printed once when the user opens it themselves.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';
import { runSsoTray } from './support/cli-run.js';

let emu: RunningEmulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  sandbox = await makeSandbox(emu.url);
  emu.clearCalls();
});
afterEach(() => sandbox.cleanup());

/** `sso-tray login` for a new session, approving the device code it prints. */
function login(extra: string[], env: Record<string, string> = {}) {
  let approved = false;
  return runSsoTray(
    sandbox,
    ['login', '--start-url', emu.startUrl, '--region', emu.region, '--session', 'acme', ...extra],
    {
      env,
      onStderr: (text) => {
        const code = /confirm the code (\S+)/.exec(text)?.[1];
        if (approved || !code) return;
        approved = true;
        void emu.approveDevice(code);
      },
    },
  );
}

it.runIf(process.platform === 'linux')(
  'says in one line why it signs in with a device code when no display is found, and goes straight to it',
  async () => {
    const run = await login([], { DISPLAY: '', WAYLAND_DISPLAY: '' });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Added session acme (us-east-1).',
      'No display found ($DISPLAY and $WAYLAND_DISPLAY are unset), so sso-tray signs in with a device code; --device-code chooses it directly.',
    ]);
    expect(run.stderr).toMatch(/confirm the code [A-Z]{4}-[A-Z]{4}\n/);
    // No browser flow was started and given up: no /authorize page, one device-code token.
    expect(emu.calls({ api: 'Authorize' })).toEqual([]);
    expect(emu.calls({ api: 'CreateToken', status: 200 }).map((c) => c.grantType)).toEqual([
      'urn:ietf:params:oauth:grant-type:device_code',
    ]);
  },
);

it('--device-code --no-browser prints the URL to open once', async () => {
  const run = await login(['--device-code', '--no-browser']);
  expect(run.code, run.stderr).toBe(0);
  const code = /confirm the code (\S+)/.exec(run.stderr)?.[1] ?? '';
  const lines = run.stderr.split('\n');
  expect(lines.slice(0, 4)).toEqual([
    'Added session acme (us-east-1).',
    'Registering sso-tray with Identity Center…',
    `To sign in, open ${emu.url}/device and confirm the code ${code}`,
    `  (or open ${emu.url}/device?user_code=${code})`,
  ]);
  expect(run.stderr.split(`${emu.url}/device?user_code=`)).toHaveLength(2);
  expect(run.stderr).not.toContain('Open this URL in a browser');
});
