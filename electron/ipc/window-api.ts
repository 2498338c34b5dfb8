// The API object the window gets (window.ssoTray): one method per channel of the contract, plus `on` for the core's
// events. Built over a transport so the same code runs in the preload (ipcRenderer) and in the Playwright bridge.
// Outcomes cross the context bridge as plain data: an Error crossing it keeps only its message (its `code` is lost,
// https://electronjs.org/docs/api/context-bridge), so the page turns a failed result into a WindowApiError itself.
import type { AppEventName, CallOutcome, AppEvents, Channel, ChannelInput, SsoTrayApi } from './contract.js';
import { CHANNELS } from './ipc-names.js';

export interface WindowTransport {
  invoke(channel: Channel, input: unknown): Promise<CallOutcome>;
  /** Delivers every event of the core; returns how to stop. */
  subscribe(listener: (name: AppEventName, payload: unknown) => void): () => void;
}

type Subscribe = {
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
};

/** What the renderer's code calls: results, or a WindowApiError thrown in the page's own world. */
export type WindowApi = SsoTrayApi & Subscribe;

/** What the preload exposes (window.ssoTray): every call resolves with its outcome as plain data. */
export type BridgeApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<CallOutcome<C>>;
} & Subscribe;

/** The preload's side: each call's outcome as plain data, never a thrown Error. */
export function createWindowApi(transport: WindowTransport): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = async (input: unknown): Promise<CallOutcome> => {
      const result = await transport.invoke(channel, input);
      if (result.ok) return { ok: true, value: result.value };
      // The error's own fields, nothing more: its code, its sentence and its next step (which the window words).
      const { code, message, next } = result.error;
      return { ok: false, error: { code, message, ...(next ? { next } : {}) } };
    };
  }
  api.on = (event: AppEventName, listener: (payload: unknown) => void) =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  return Object.freeze(api) as BridgeApi;
}
