// `npm run demo`: SSO Tray against the built-in demo organisation, in a throwaway HOME so the real ~/.aws is never
// touched. With the Electron binary: the tray app. Without it (or with --cli): on a terminal, a shell where `sso-tray`
// talks to the demo; without a terminal, a short guided tour.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../e2e/identity-center/emulator.js';
import { electronBinary } from '../e2e/support/electron-binary.js';
import { SsoTrayCore } from '../electron/core/core.js';
import { awsPathsFromEnv } from '../electron/core/environment.js';
import { quotePosix } from '../electron/core/aws-files/credential-process-command.js';

// The SDK's advice to upgrade Node would be the first thing a new user sees; it is not about the demo.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-demo-'));
  const emu = await startEmulator({ autoApprove: true });
  const env: Record<string, string> = {
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
    SSO_TRAY_DATA_DIR: path.join(home, 'sso-tray'),
    AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
    AWS_ENDPOINT_URL_SSO: emu.url,
    // Console sign-in lands on the emulator's console page, never on AWS.
    AWS_ENDPOINT_URL_SIGNIN: emu.url,
    SSO_TRAY_SESSION: 'demo',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  try {
    const core = new SsoTrayCore({
      paths: awsPathsFromEnv(env),
      endpoints: { oidc: emu.url, portal: emu.url, signin: emu.url },
      // The demo's Identity Center approves at once: "opening the browser" is following its redirect.
      openBrowser: async (url) => {
        await fetch(url);
      },
    });
    await core.addSession({ name: 'demo', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('demo', 'browser');
    const listing = await core.accounts('demo');
    core.dispose();
    const first = listing.accounts[0];
    console.log(
      `SSO Tray demo: signed in to the demo organisation (${listing.accounts.length} accounts) at ${emu.url}.\n` +
        `Everything lives in ${home} and is removed when the demo ends.\n`,
    );
    // A shell set to ignore configured endpoints (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html)
    // would send the demo's sign-in to AWS: the demo's endpoints are the emulator's whatever the user's shell says.
    const { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: _ignored, ...userEnv } = process.env;
    const shellEnv = {
      ...userEnv,
      ...env,
      PATH: `${await commandFolder(home)}${path.delimiter}${process.env.PATH}`,
    };
    const binary = process.argv.includes('--cli') ? undefined : electronBinary();
    if (binary) {
      console.log(
        'The tray app is starting with the demo organisation; quit it from its tray menu to end the demo.',
      );
      // Chromium refuses its OS sandbox to root (containers); a normal user keeps it.
      const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      return await run(binary, [repo, '--show-window', ...rootArgs], shellEnv);
    }
    if (!process.stdin.isTTY) return await tour(shellEnv, first?.accountName ?? '', first?.roles[0] ?? '');
    // "Payments dev" is two words to a shell: the hint quotes it, so it runs as typed.
    const role = `${quotePosix(first?.accountName || 'Sandbox')} ${first?.roles[0] ?? ''}`;
    console.log(
      'A shell with the demo is starting. Try:\n' +
        '  sso-tray accounts\n' +
        `  sso-tray creds ${role} --format env\n` +
        `  sso-tray write ${role} --profile demo --keep-fresh && cat $AWS_SHARED_CREDENTIALS_FILE\n` +
        `  sso-tray console ${role} --destination s3 --print\n` +
        '  sso-tray config sync --dry-run\n' +
        'Type `exit` to end the demo.\n',
    );
    return await run(
      process.env.SHELL || (process.platform === 'win32' ? 'cmd.exe' : '/bin/sh'),
      [],
      shellEnv,
    );
  } finally {
    await emu.close();
    await rm(home, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** A folder with an `sso-tray` command (this checkout's), for the demo shell's PATH. */
async function commandFolder(home: string): Promise<string> {
  const dir = path.join(home, 'bin');
  await mkdir(dir, { recursive: true });
  const bin = path.join(repo, 'bin', 'sso-tray.js');
  if (process.platform === 'win32') {
    await writeFile(path.join(dir, 'sso-tray.cmd'), `@"${process.execPath}" "${bin}" %*\r\n`);
  } else {
    await symlink(bin, path.join(dir, 'sso-tray'));
  }
  return dir;
}

/** What the demo shows without a terminal: the commands, each with its output. */
async function tour(env: NodeJS.ProcessEnv, account: string, role: string): Promise<number> {
  const steps = [['sessions'], ['accounts'], ['roles', account], ['creds', account, role, '--format', 'env']];
  for (const args of steps) {
    console.log(`$ sso-tray ${args.join(' ')}`);
    const code = await run(process.execPath, [path.join(repo, 'bin', 'sso-tray.js'), ...args], env);
    if (code !== 0) return code;
    console.log('');
  }
  return 0;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

process.exitCode = await main();
