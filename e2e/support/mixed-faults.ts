// The bad day for a listing: about 30% of calls fail at random (10% 429, 10% 500, 8% dropped connections) and
// 6% answer slowly. The emulator draws the faults in turn for each call: each rate is of the calls the earlier ones let
// through, so the shares are of all calls.
import type { RunningEmulator } from '../identity-center/emulator.js';

export function injectMixedFaults(emu: RunningEmulator): void {
  emu.injectFault({ api: '*', kind: 'throttle', rate: 0.1 });
  emu.injectFault({ api: '*', kind: 'server-error', rate: 0.1 / 0.9 });
  emu.injectFault({ api: '*', kind: 'drop', rate: 0.08 / 0.8 });
  emu.injectFault({ api: '*', kind: 'slow', rate: 0.06 / 0.72, delayMs: 300 });
}
