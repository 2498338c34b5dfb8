// `npm run bench:idle`: what the app does while nothing is due. A signed-in session with profiles kept fresh, on the
// real clock: CPU used, timers fired and calls to Identity Center over the idle window. Prints figures.
// Options: --seconds N (30), --profiles N (5).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../e2e/identity-center/emulator.js';
import { systemClock, type Clock } from '../electron/core/clock.js';
import { SsoTrayCore } from '../electron/core/core.js';
import { awsPathsFromEnv } from '../electron/core/environment.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, profiles: { type: 'string', default: '5' } },
});
const seconds = Number(values.seconds);
const profiles = Number(values.profiles);

let fired = 0;
let pending = 0;
/** The real clock, counting what the core asks of it. */
const countingClock: Clock = {
  now: () => systemClock.now(),
  setTimer(fn, ms) {
    pending++;
    return systemClock.setTimer(() => {
      pending--;
      fired++;
      fn();
    }, ms);
  },
  clearTimer(handle) {
    pending--;
    systemClock.clearTimer(handle);
  },
  sleep: (ms, signal) => systemClock.sleep(ms, signal),
};

const home = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-bench-idle-'));
const emu = await startEmulator({ autoApprove: true });
const core = new SsoTrayCore({
  paths: awsPathsFromEnv({ HOME: home, SSO_TRAY_DATA_DIR: path.join(home, 'data') }),
  endpoints: { oidc: emu.url, portal: emu.url },
  clock: countingClock,
  background: true,
  openBrowser: async (url) => {
    await fetch(url);
  },
});
try {
  await core.addSession({ name: 'bench', startUrl: emu.startUrl, region: emu.region });
  await core.signIn('bench', 'browser');
  const accounts = emu.organisation.accounts.filter((a) => a.roles.length > 0).slice(0, profiles);
  for (const account of accounts) {
    await core.writeProfile({
      session: 'bench',
      accountId: account.accountId,
      roleName: account.roles[0]!,
      keepFresh: true,
    });
  }
  await core.whenIdle();
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the folder watches settle
  emu.clearCalls();
  fired = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const cpu = process.cpuUsage(cpuBefore);
  const elapsed = (performance.now() - started) / 1000;
  console.log(
    `Idle for ${elapsed.toFixed(1)} s with 1 session signed in and ${accounts.length} profiles kept fresh:`,
  );
  console.log(
    `  CPU used            ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms (${(((cpu.user + cpu.system) / 1e6 / elapsed) * 100).toFixed(3)} % of one core)`,
  );
  console.log(`  timers fired        ${fired}`);
  console.log(
    `  timers waiting      ${pending} (one per kept-fresh profile and one for the session's refresh)`,
  );
  console.log(`  Identity Center calls ${emu.calls().length}`);
} finally {
  core.dispose();
  await emu.close();
  await rm(home, { recursive: true, force: true });
}
