// What every process pays: `exec` against running the command directly, the credential endpoint's warm answer against
// a bare loopback HTTP server, a completion (TAB) against `node -e 0`, and `config sync --dry-run` after a listing
// against one that lists again. Each figure has its anchor, so the bench states a ratio.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { startEmulator } from '../../e2e/identity-center/emulator.js';
import { childEnv, makeSandbox } from '../../e2e/support/sandbox.js';
import { ensureFreshBuild } from '../../e2e/support/fresh-build.js';
import { SsoTrayCore } from '../../electron/core/core.js';
import { repeated, runProcess, timed } from './measure.js';
import { tabFigures, type TabFigures } from './tab-figures.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(repo, 'bin', 'sso-tray.js');

export interface ProcessFigures {
  nodeMs: number;
  execMs: number;
  endpointMs: number;
  bareHttpMs: number;
  /** TABs pressed in a live bash, with `node -e 0` from the same shell (tab-figures.ts). */
  completion: TabFigures;
  syncAfterListingMs: number;
  syncRelistingMs: number;
}

const BARE_SERVER = `const s = require('node:http').createServer((_, r) => r.end(JSON.stringify({ AccessKeyId: 'x'.repeat(1200) })));
s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port + '/'));`;

/** One GET with a fresh connection, as an SDK's provider makes it. */
function get(url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode === 200 ? resolve() : reject(new Error(`${response.statusCode}`)),
      );
    });
    request.on('error', reject);
  });
}

export async function processFigures(options: {
  accounts: number;
  repeats: number;
}): Promise<ProcessFigures> {
  ensureFreshBuild(repo);
  const emu = await startEmulator({ accounts: options.accounts, autoApprove: true });
  const sandbox = await makeSandbox(emu.url);
  const env = childEnv(sandbox, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const cli = async (args: string[]) => {
    const run = await runProcess([bin, ...args], env);
    if (run.code !== 0) throw new Error(run.stderr);
    return run;
  };
  try {
    // Signed in as the tray app does (the token shared through the AWS CLI's cache), then the CLI from there.
    const core = new SsoTrayCore({
      paths: sandbox.paths,
      endpoints: { oidc: emu.url, portal: emu.url },
      openBrowser: async (address) => void (await emu.approveAuthorization(address)),
    });
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    core.dispose();
    const account = emu.organisation.accounts[3]!;
    const role = [account.accountId, account.roles[0]!];
    await cli(['accounts']); // the listing cached, as after a day's first use
    await cli(['creds', ...role]); // the role's credentials cached

    const nodeMs = await repeated(options.repeats, async () => (await runProcess(['-e', '0'], env)).ms);
    const execMs = await repeated(
      options.repeats,
      async () => (await cli(['exec', ...role, '--', process.execPath, '-e', '0'])).ms,
    );
    // A TAB on an account name over the whole cached listing (options.accounts accounts).
    const completion = await tabFigures(
      bin,
      `sso-tray creds ${account.accountName.slice(0, 3)}`,
      env,
      options.repeats * 4,
    );

    // The endpoint, warm: `sso-tray serve` holds the credentials; each GET is a new connection.
    const serve = spawn(process.execPath, [bin, 'serve', ...role], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    serve.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    await new Promise<void>((resolve) =>
      serve.stderr.on('data', (c: Buffer) => c.toString().includes('Ctrl-C') && resolve()),
    );
    const value = (name: string) => new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(stdout)?.[1] ?? '';
    const url = value('AWS_CONTAINER_CREDENTIALS_FULL_URI');
    const headers = { authorization: value('AWS_CONTAINER_AUTHORIZATION_TOKEN') };
    await get(url, headers);
    const endpointMs = await repeated(options.repeats * 10, () => timed(() => get(url, headers)));
    serve.kill('SIGTERM');
    // The anchor: a bare Node HTTP server in its own process, answering a body of the same size.
    const bare = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    const bareUrl = await new Promise<string>((resolve) =>
      bare.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())),
    );
    await get(bareUrl, {});
    const bareHttpMs = await repeated(options.repeats * 10, () => timed(() => get(bareUrl, {})));

    const syncAfterListingMs = await repeated(
      options.repeats,
      async () => (await cli(['config', 'sync', '--dry-run'])).ms,
    );
    const syncRelistingMs = (await cli(['config', 'sync', '--dry-run', '--refresh'])).ms;
    bare.kill();
    return {
      nodeMs,
      execMs,
      endpointMs,
      bareHttpMs,
      completion,
      syncAfterListingMs,
      syncRelistingMs,
    };
  } finally {
    await emu.close();
    await sandbox.cleanup();
  }
}
