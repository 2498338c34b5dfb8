// ipcMain as the double plays it: handlers registered as Electron allows, invoked as a renderer would invoke them.
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import type * as Electron from 'electron';
import { onReset, record, type Conforms } from './electron-double-log.js';
import { WebContents } from './electron-double-web-contents.js';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class IpcMain extends EventEmitter {
  private readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    record('ipcMain.handle', channel);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    record('ipcMain.removeHandler', channel);
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * What ipcRenderer.invoke gets: arguments and result pass through structured clone, and a failure arrives as
   * Electron words it, "Error invoking remote method 'x': Error: …".
   */
  async invokeFromRenderer(
    channel: string,
    args: unknown[],
    sender: { url: string; webContents?: WebContents },
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    const fail = (error: unknown) => new Error(`Error invoking remote method '${channel}': ${String(error)}`);
    if (!handler) throw fail(new Error(`No handler registered for '${channel}'`));
    const event = { senderFrame: { url: sender.url }, sender: sender.webContents ?? new WebContents() };
    try {
      return structuredClone(await handler(event as unknown as IpcMainInvokeEvent, ...structuredClone(args)));
    } catch (error) {
      throw fail(error);
    }
  }

  /**
   * Test-only: ipcRenderer.sendSync(channel) from a page: the listeners registered with ipcMain.on answer through
   * event.returnValue (https://electronjs.org/docs/api/ipc-main#sending-messages); undefined when none answers.
   */
  sendSyncFromRenderer(channel: string, sender: { url: string; webContents?: WebContents }): unknown {
    const event: { returnValue?: unknown; senderFrame: { url: string }; sender: WebContents } = {
      senderFrame: { url: sender.url },
      sender: sender.webContents ?? new WebContents(),
    };
    this.emit(channel, event);
    return event.returnValue;
  }

  reset(): void {
    this.handlers.clear();
    this.removeAllListeners();
  }
}

export const ipcMain = new IpcMain();

onReset(() => ipcMain.reset());

// The members the shell uses, checked against Electron's own declarations.
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type IpcMainChecked = Conforms<IpcMain, Pick<Electron.IpcMain, 'handle' | 'removeHandler'>>;
