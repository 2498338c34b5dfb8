// `npx tsx scripts/bench-config-sync-core.ts`: `config sync` end to end through the handler table, from the listing
// cached on disk (as the window's preview and the sync after a listing use it), against the emulator with 2,000
// accounts x 3 roles. Prints the median of --runs (5) for the dry run, the first apply and a re-run.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateOrganisation, startEmulator } from '../e2e/identity-center/emulator.js';
import { SsoTrayCore } from '../electron/core/core.js';
import { awsPathsFromEnv } from '../electron/core/environment.js';
import { createHandlers, invoke } from '../electron/ipc/handlers.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { values } = parseArgs({
  options: { accounts: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } },
});
const organisation = generateOrganisation(Number(values.accounts));
for (const account of organisation.accounts)
  account.roles = ['AdministratorAccess', 'ReadOnlyAccess', 'ViewOnlyAccess'];
const emu = await startEmulator({ organisation, autoApprove: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const figures: Record<string, number[]> = { '--dry-run': [], 'first sync': [], 're-run, no change': [] };
let rewrites = 0;
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const home = await mkdtemp(path.join(os.tmpdir(), 'bench-sync-core-'));
    const paths = awsPathsFromEnv({ HOME: home, SSO_TRAY_DATA_DIR: path.join(home, 'data') });
    const core = new SsoTrayCore({
      paths,
      endpoints: { oidc: emu.url, portal: emu.url },
      listingConcurrency: 16,
      openBrowser: async (url) => void (await fetch(url)),
    });
    const handlers = createHandlers(core);
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    await core.accounts('acme');
    const sync = async (label: string, dryRun: boolean) => {
      const started = performance.now();
      const result = await invoke(handlers, 'config:sync', {
        session: 'acme',
        dryRun,
        maxAgeSeconds: 86_400,
      });
      figures[label]?.push(performance.now() - started);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    await sync('--dry-run', true);
    const first = await sync('first sync', false);
    const mtime = (await stat(paths.configFile)).mtimeMs;
    const again = await sync('re-run, no change', false);
    if (again.written || (await stat(paths.configFile)).mtimeMs !== mtime) rewrites += 1;
    if (run === 0) console.log(`${first.added.length} profiles; ${first.summary[0]}`);
    core.dispose();
    await rm(home, { recursive: true, force: true });
  }
  for (const [label, ms] of Object.entries(figures))
    console.log(`${label.padEnd(18)} median ${median(ms).toFixed(0)} ms over ${ms.length} runs`);
  console.log(`re-runs that rewrote the file: ${rewrites}`);
} finally {
  await emu.close();
}
