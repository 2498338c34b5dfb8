// The main process end of the window API: every channel handled through the zod-checked handler table, only for
// the app's own window, and the core's events forwarded to it.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { SsoTrayCore } from '../core/core.js';
import type { AppEventName } from '../ipc/contract.js';
import { invoke, type HandlerTable } from '../ipc/handlers.js';
import { CHANNELS, EVENT_CHANNEL, EVENT_NAMES, invokeChannel } from '../ipc/ipc-names.js';
import type { WireResult } from '../ipc/window-api.js';

/** Which callers may use the API: the app's window, showing the app's own page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

const REFUSED: WireResult = {
  ok: false,
  error: { code: 'invalid-input', message: 'This page may not use SSO Tray.' },
};

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: HandlerTable,
  isTrusted: SenderCheck,
) {
  for (const channel of CHANNELS) {
    ipcMain.handle(invokeChannel(channel), (event, input: unknown) =>
      isTrusted(event) ? invoke(handlers, channel, input) : REFUSED,
    );
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(invokeChannel(channel));
  };
}

/** The core's events to the window while it exists; returns how to stop. */
export function forwardEvents(
  core: SsoTrayCore,
  send: (channel: string, message: { name: AppEventName; payload: unknown }) => void,
) {
  const stops = EVENT_NAMES.map((name) => core.on(name, (payload) => send(EVENT_CHANNEL, { name, payload })));
  return () => stops.forEach((stop) => stop());
}
