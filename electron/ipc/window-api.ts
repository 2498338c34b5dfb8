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

/** The channel names, as the preload may not load the contract's schemas (a sandboxed preload bundles little). */
export const CHANNELS = [
  'sessions:list',
  'sessions:add',
  'sessions:remove',
  'sessions:sign-in',
  'sessions:cancel-sign-in',
  'sessions:sign-out',
  'accounts:list',
  'accounts:cached',
  'credentials:text',
  'credentials:copy',
  'profiles:list',
  'profiles:write',
  'config:write-profile',
  'profiles:remove',
  'settings:get',
  'settings:update',
  'favourites:toggle',
  'app:capabilities',
  'sessions:sign-in-page',
] as const satisfies readonly Channel[];
// Every channel of the contract is in CHANNELS: this fails to compile when one is missing.
const everyChannel: Exclude<Channel, (typeof CHANNELS)[number]> extends never ? true : never = true;
void everyChannel;

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
