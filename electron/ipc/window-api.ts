// The API object the window gets (window.ssoTray): one method per channel of the contract, plus `on` for the core's
// events. Built over a transport so the same code runs in the preload (ipcRenderer) and in the Playwright bridge.
import type {
  AppEventName,
  AppEvents,
  Channel,
  ChannelInput,
  ChannelResult,
  SsoTrayApi,
} from './contract.js';
import { CHANNELS } from './ipc-names.js';

/** What one call returns over the wire: the handler table's InvokeResult. */
export type WireResult =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export interface WindowTransport {
  invoke(channel: Channel, input: unknown): Promise<WireResult>;
  /** Delivers every event of the core; returns how to stop. */
  subscribe(listener: (name: AppEventName, payload: unknown) => void): () => void;
}

export type WindowApi = SsoTrayApi & {
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
};

/** An error the window can show as it is: one sentence, and a code to branch on. */
export class WindowApiError extends Error {
  override readonly name = 'WindowApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createWindowApi(transport: WindowTransport): WindowApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = async (input: ChannelInput<typeof channel>) => {
      const result = await transport.invoke(channel, input);
      if (result.ok) return result.value as ChannelResult<typeof channel>;
      throw new WindowApiError(result.error.code, result.error.message);
    };
  }
  api.on = (event: AppEventName, listener: (payload: unknown) => void) =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  return Object.freeze(api) as WindowApi;
}
