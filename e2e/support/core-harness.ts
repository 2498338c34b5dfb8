// One test's world for the core: the emulator, a throwaway HOME and an SsoTrayCore over them, whose browser is
// "opened" by approving in the emulator as a user would. Optionally on a fake clock shared with the emulator.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../identity-center/emulator.js';
import { FakeClock } from './fake-clock.js';
import { SsoTrayCore } from '../../electron/core/core.js';
import type { CoreOptions } from '../../electron/core/assembly/shared-parts.js';
import { makeSandbox, type Sandbox } from './sandbox.js';

export interface CoreHarness {
  emu: RunningEmulator;
  sandbox: Sandbox;
  core: SsoTrayCore;
  /** Set with `fakeClock`: the clock of both the core and the emulator. */
  clock: FakeClock | undefined;
  /** Every URL the core asked to open in a browser. */
  browserOpened: string[];
  /** Another core over the same HOME (a second app instance, the CLI), with the same browser. */
  newCore(extra?: Partial<CoreOptions>): SsoTrayCore;
  close(): Promise<void>;
}

/** 08:00 UTC on a working day: where fake-clock tests start. */
export const MORNING = Date.UTC(2026, 10, 24, 8, 0, 0);

export async function startCoreHarness(
  options: { emulator?: EmulatorOptions; fakeClock?: boolean; core?: Partial<CoreOptions> } = {},
): Promise<CoreHarness> {
  const clock = options.fakeClock ? new FakeClock(MORNING) : undefined;
  const emu = await startEmulator({ ...options.emulator, ...(clock ? { now: () => clock.now() } : {}) });
  const sandbox = await makeSandbox(emu.url);
  const browserOpened: string[] = [];
  const cores: SsoTrayCore[] = [];
  const newCore = (extra: Partial<CoreOptions> = {}) => {
    const core = new SsoTrayCore({
      paths: sandbox.paths,
      endpoints: { oidc: emu.url, portal: emu.url },
      ...(clock ? { clock } : {}),
      openBrowser: async (url) => {
        browserOpened.push(url);
        await emu.approveAuthorization(url);
      },
      ...options.core,
      ...extra,
    });
    cores.push(core);
    return core;
  };
  const core = newCore();
  return {
    emu,
    sandbox,
    core,
    clock,
    browserOpened,
    newCore,
    async close() {
      for (const each of cores) {
        await each.whenIdle();
        each.dispose();
      }
      await emu.close();
      await sandbox.cleanup();
    },
  };
}
