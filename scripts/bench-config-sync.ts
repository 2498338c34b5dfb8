// `npx tsx scripts/bench-config-sync.ts`: how long `config sync` takes for a big listing (default 2,000 accounts x 3
// roles) into a config that already holds the user's sections, and how often it replaces the file. Prints figures.
// Options: --accounts N (2000), --roles N (3), --runs N (5; the median is printed).
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { syncConfigProfiles } from '../electron/core/config-sync/config-sync.js';
import type { SyncOptions } from '../electron/core/config-sync/sync-plan.js';
import type { AccountWithRoles } from '../electron/core/shapes/front-end-shapes.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '2000' },
    roles: { type: 'string', default: '3' },
    runs: { type: 'string', default: '5' },
  },
});
const ROLES = ['AdministratorAccess', 'ReadOnlyAccess', 'ViewOnlyAccess', 'Billing', 'PowerUserAccess'];
const accounts: AccountWithRoles[] = Array.from({ length: Number(values.accounts) }, (_, i) => ({
  accountId: String(100000000000 + i * 7919),
  accountName: `team-${i % 700}-${['dev', 'test', 'prod'][i % 3]}`,
  emailAddress: `aws+${i}@example.com`,
  roles: ROLES.slice(0, Number(values.roles)),
}));
const corpus = await readFile(
  new URL('../electron/core/aws-files/corpus/config-sso.ini', import.meta.url),
  'utf8',
);

const home = await mkdtemp(path.join(os.tmpdir(), 'bench-config-sync-'));
const paths = { configFile: path.join(home, '.aws', 'config'), homeDir: home };
const options: SyncOptions = { session: 'acme', kind: 'sso', region: 'eu-west-1', prune: true };

/** Wall time, and the CPU time this process spent (what a busy shared machine does not inflate). */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const cpuFigures: Record<string, number[]> = {};
const figures: Record<string, number[]> = {
  'first sync': [],
  're-run, no change': [],
  '--dry-run': [],
  'region changed': [],
};
let writes = { first: 0, rerun: 0, changed: 0 };
try {
  await mkdir(path.dirname(paths.configFile), { recursive: true });
  for (let run = 0; run < Number(values.runs); run++) {
    await writeFile(paths.configFile, corpus);
    const first = await timed(() => syncConfigProfiles(paths, accounts, options));
    const mtime = (await stat(paths.configFile)).mtimeMs;
    const rerun = await timed(() => syncConfigProfiles(paths, accounts, options));
    const unchanged = (await stat(paths.configFile)).mtimeMs === mtime;
    const dry = await timed(() =>
      syncConfigProfiles(paths, accounts, { ...options, region: 'us-west-2', dryRun: true }),
    );
    const changed = await timed(() =>
      syncConfigProfiles(paths, accounts, { ...options, region: 'us-west-2' }),
    );
    for (const [label, t] of [
      ['first sync', first],
      ['re-run, no change', rerun],
      ['--dry-run', dry],
      ['region changed', changed],
    ] as const) {
      figures[label]?.push(t.ms);
      (cpuFigures[label] ??= []).push(t.cpuMs);
    }
    writes = {
      first: writes.first + Number(first.result.written),
      rerun: writes.rerun + Number(rerun.result.written || !unchanged),
      changed: writes.changed + Number(changed.result.written),
    };
  }
  const size = (await stat(paths.configFile)).size;
  console.log(
    `config sync of ${accounts.length} accounts x ${values.roles} roles (${accounts.length * Number(values.roles)} profiles, ${(size / 1024).toFixed(0)} KiB file), median of ${values.runs} runs on Node ${process.version}:`,
  );
  console.log(`  (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs)`);
  for (const [label, ms] of Object.entries(figures))
    console.log(
      `  ${label.padEnd(20)} ${median(ms).toFixed(0).padStart(6)} ms wall ${median(cpuFigures[label] ?? [])
        .toFixed(0)
        .padStart(6)} ms CPU`,
    );
  console.log(
    `  file replaced: first sync ${writes.first}/${values.runs}, re-run ${writes.rerun}/${values.runs}, region changed ${writes.changed}/${values.runs}`,
  );
} finally {
  await rm(home, { recursive: true, force: true });
}
