// The main process end of the window API: every channel goes through the door (the contract's zod check, then the
// handler), only for the app's own windows, and the core's events forwarded to them.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { outcomeOf, type Door } from '../ipc/door.js';
import { CHANNELS, EVENT_CHANNEL, EVENT_NAMES, invokeChannel } from '../ipc/ipc-names.js';
import type { AppEventName, CallOutcome } from '../ipc/contract.js';

/** Which callers may use the API: the app's window, showing the app's own page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

const REFUSED: CallOutcome = {
  ok: false,
  error: { code: 'invalid-input', message: 'This page may not use SSO Tray.' },
};

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  door: Door,
  isTrusted: SenderCheck,
) {
  for (const channel of CHANNELS) {
    ipcMain.handle(invokeChannel(channel), (event, input: unknown) =>
      isTrusted(event) ? outcomeOf(door, channel, input) : REFUSED,
    );
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(invokeChannel(channel));
  };
}

/** The core's events to the window while it exists; returns how to stop. */
export function forwardEvents(
  door: Pick<Door, 'on'>,
  send: (channel: string, message: { name: AppEventName; payload: unknown }) => void,
) {
  const stops = EVENT_NAMES.map((name) => door.on(name, (payload) => send(EVENT_CHANNEL, { name, payload })));
  return () => stops.forEach((stop) => stop());
}
