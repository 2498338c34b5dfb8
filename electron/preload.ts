// The window's bridge: exactly the window API, over ipcRenderer. No raw ipcRenderer, no Node, reaches the page.
// Built as one CommonJS file (a sandboxed preload cannot load others): scripts/build-preload.mjs.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createWindowApi } from './ipc/window-api.js';
import { EVENT_CHANNEL, invokeChannel } from './ipc/ipc-names.js';
import type { AppEventName, CallOutcome } from './ipc/contract.js';

contextBridge.exposeInMainWorld(
  'ssoTray',
  createWindowApi({
    invoke: (channel, input) => ipcRenderer.invoke(invokeChannel(channel), input) as Promise<CallOutcome>,
    subscribe(listener) {
      const relay = (_event: IpcRendererEvent, message: { name: AppEventName; payload: unknown }) =>
        listener(message.name, message.payload);
      ipcRenderer.on(EVENT_CHANNEL, relay);
      return () => ipcRenderer.off(EVENT_CHANNEL, relay);
    },
  }),
);
