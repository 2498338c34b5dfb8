// The command line as a user meets it: start-up per command (against a bare `node -e 0`), modules loaded, the first
// credentials right after sign-in (by id, by name), a role's credentials cold and warm, and `process` warm.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type RunningEmulator } from '../../e2e/identity-center/emulator.js';
import { childEnv, makeSandbox, type Sandbox } from '../../e2e/support/sandbox.js';
import { systemClock } from '../../electron/core/clock.js';
import { SsoTrayCore } from '../../electron/core/core.js';
import { getRoleCredentials } from '../../electron/core/identity-center/get-role-credentials.js';
import { signIn } from '../../electron/core/identity-center/sign-in.js';
import { MemorySsoCache } from '../../electron/core/aws-files/token-cache.js';
import { ensureFreshBuild } from '../../e2e/support/fresh-build.js';
import { repeated, repeatedCpu, runProcess, runProcessCpu, timed } from './measure.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(repo, 'bin', 'sso-tray.js');
const counter = path.join(repo, 'scripts', 'bench', 'count-modules.mjs');

export interface CliFigures {
  /** Wall time, median. */
  startupMs: Record<string, number>;
  /** CPU time (user + system) of the process, median: what a loaded machine barely moves. */
  startupCpuMs: Record<string, number>;
  /** Modules loaded (scripts/bench/count-modules.mjs): zod's and the SDK's, and every package's. */
  modules: Record<string, { total: number; zod: number; sdk: number; packages: number }>;
  roundTripMs: number;
  firstCredentialsByIdMs: number;
  firstCredentialsByNameMs: number;
  credentialsColdMs: number;
  credentialsWarmMs: number;
  processWarmMs: number;
}

async function signedIn(emu: RunningEmulator, sandbox: Sandbox): Promise<SsoTrayCore> {
  const core = new SsoTrayCore({
    paths: sandbox.paths,
    endpoints: { oidc: emu.url, portal: emu.url },
    openBrowser: async (url) => void (await emu.approveAuthorization(url)),
  });
  await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
  await core.signIn('acme', 'browser');
  return core;
}

export async function cliFigures(options: {
  accounts: number;
  latencyMs: number;
  repeats: number;
}): Promise<CliFigures> {
  ensureFreshBuild(repo);
  const emu = await startEmulator({ accounts: options.accounts, autoApprove: true });
  const sandbox = await makeSandbox(emu.url);
  const env = childEnv(sandbox, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const cli = (args: string[]) => runProcess([bin, ...args], env);
  try {
    for (const api of ['ListAccounts', 'ListAccountRoles', 'GetRoleCredentials'] as const)
      emu.setLatency(api, options.latencyMs);
    const core = await signedIn(emu, sandbox);
    const accounts = emu.organisation.accounts;
    const byId = accounts[3]!;
    const byName = accounts[Math.floor(accounts.length / 2)]!;

    // One GetRoleCredentials round trip from a warm process: the floor of any first answer.
    const deps = { endpoints: { oidc: emu.url, portal: emu.url }, clock: systemClock };
    const session = {
      name: 'acme',
      startUrl: emu.startUrl,
      region: emu.region,
      source: 'sso-session' as const,
    };
    const access = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
    await getRoleCredentials(session, access.accessToken, byId.accountId, byId.roles[0]!, deps);
    const roundTripMs = await repeated(options.repeats, () =>
      timed(() => getRoleCredentials(session, access.accessToken, byId.accountId, byId.roles[0]!, deps)),
    );

    // First credentials right after sign-in: no listing on disk, no credentials cached.
    const fresh = async () => {
      await rm(path.join(sandbox.paths.appDataDir, 'accounts'), { recursive: true, force: true });
      await rm(path.join(sandbox.home, '.aws', 'cli', 'cache'), { recursive: true, force: true });
    };
    const first = async (account: string, role: string) =>
      repeated(options.repeats, async () => {
        await fresh();
        const run = await cli(['creds', account, role]);
        if (run.code !== 0) throw new Error(run.stderr);
        return run.ms;
      });
    const firstCredentialsByIdMs = await first(byId.accountId, byId.roles[0]!);
    const firstCredentialsByNameMs = await first(byName.accountName, byName.roles[0]!);

    // A role's credentials in the core: cold (one call), warm (from memory).
    const role = { session: 'acme', accountId: accounts[5]!.accountId, roleName: accounts[5]!.roles[0]! };
    const credentialsColdMs = await timed(() => core.credentials(role));
    const credentialsWarmMs = await repeated(options.repeats, () => timed(() => core.credentials(role)));
    core.dispose();

    // `process` warm: the credentials are in the AWS CLI's cache from the last `creds`.
    await cli(['creds', byId.accountId, byId.roles[0]!]);
    const processWarmMs = await repeated(options.repeats, async () => {
      const run = await cli(['process', byId.accountId, byId.roles[0]!]);
      if (run.code !== 0) throw new Error(run.stderr);
      return run.ms;
    });

    const commands: Record<string, string[]> = {
      'node -e 0': ['-e', '0'],
      '--version': [bin, '--version'],
      '--help': [bin, '--help'],
      sessions: [bin, 'sessions'],
      'accounts --cached': [bin, 'accounts', '--cached'],
      'creds (warm)': [bin, 'creds', byId.accountId, byId.roles[0]!],
      'process (warm)': [bin, 'process', byId.accountId, byId.roles[0]!],
      'process --session (warm)': [bin, 'process', byId.accountId, byId.roles[0]!, '--session', 'acme'],
    };
    const startupMs: CliFigures['startupMs'] = {};
    const startupCpuMs: CliFigures['startupCpuMs'] = {};
    const modules: CliFigures['modules'] = {};
    for (const [label, args] of Object.entries(commands)) {
      // Start-up is a few tens of milliseconds: four times the repeats for a steady median.
      const figures = await repeatedCpu(options.repeats * 4, () => runProcessCpu(args, env));
      startupMs[label] = figures.ms;
      startupCpuMs[label] = figures.cpuMs;
      const counted = await runProcess(['--import', counter, ...args], env);
      const line = /MODULES (\{.*\})/.exec(counted.stderr)?.[1];
      if (line) modules[label] = JSON.parse(line) as CliFigures['modules'][string];
    }
    return {
      startupMs,
      startupCpuMs,
      modules,
      roundTripMs,
      firstCredentialsByIdMs,
      firstCredentialsByNameMs,
      credentialsColdMs,
      credentialsWarmMs,
      processWarmMs,
    };
  } finally {
    await emu.close();
    await sandbox.cleanup();
  }
}
