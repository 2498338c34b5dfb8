// The page's side of the bridge: Electron's context bridge copies an Error as a bare message
// (https://electronjs.org/docs/api/context-bridge#parameter--error--return-type-support), so outcomes cross as plain
// data and a failed one becomes a WindowApiError with its code here, in the page's own world.
import type { BridgeApi, WindowApi } from '../../electron/ipc/window-api.js';
import type { CallOutcome } from '../../electron/ipc/contract.js';
import type { NextStep } from '../../electron/core/next-step.js';

/** An error the window can show: the problem in one sentence, a code to branch on, and what to do next. */
class WindowApiError extends Error {
  override readonly name = 'WindowApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly next: NextStep | undefined,
  ) {
    super(message);
  }
}

export function fromBridge(bridge: BridgeApi): WindowApi {
  const api: Record<string, unknown> = {};
  for (const channel of Object.keys(bridge)) {
    if (channel === 'on') continue;
    const call = (bridge as unknown as Record<string, (input: unknown) => Promise<CallOutcome>>)[channel];
    api[channel] = async (input: unknown) => {
      const result = await call!(input);
      if (result.ok) return result.value;
      throw new WindowApiError(result.error.code, result.error.message, result.error.next);
    };
  }
  api.on = bridge.on;
  return Object.freeze(api) as WindowApi;
}
