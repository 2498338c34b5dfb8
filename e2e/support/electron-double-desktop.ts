// The desktop services the shell uses, played in memory: clipboard, shell and notifications (safeStorage is in
// electron-double-safe-storage.ts). Each member is checked against Electron's own types.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import type { NotificationConstructorOptions } from 'electron';
import { control, onReset, record, type Conforms } from './electron-double-log.js';

const board = new Map<string, string>();

/** The OS clipboard, asynchronous as in Electron 45 (electron.d.ts: `writeText(text): Promise<void>`). */
export const clipboard = {
  async writeText(text: string): Promise<void> {
    record('clipboard.writeText'); // the text may be a secret: read it with readText()
    await new Promise((resolve) => setImmediate(resolve)); // the write lands after the call returns
    if (control.clipboardWriteFails) throw new Error('Failed to write to the clipboard.');
    board.set('clipboard', text);
  },
  async readText(): Promise<string> {
    return board.get('clipboard') ?? '';
  },
  clear(): void {
    record('clipboard.clear'); // electron.d.ts: `clear(): void`, synchronous unlike reads and writes
    board.delete('clipboard');
  },
} satisfies Pick<Electron.Clipboard, 'writeText' | 'readText' | 'clear'>;

/** Test-only: what the OS clipboard holds at this instant, without waiting for writes in flight. */
export function clipboardNow(): string {
  return board.get('clipboard') ?? '';
}

/** Opening a browser or a folder is only recorded. */
export const shell = {
  async openExternal(url: string, options?: { activate?: boolean }): Promise<void> {
    record('shell.openExternal', url, ...(options ? [options] : []));
  },
  async openPath(file: string): Promise<string> {
    record('shell.openPath', file);
    return '';
  },
  showItemInFolder(file: string): void {
    record('shell.showItemInFolder', file);
  },
} satisfies Pick<Electron.Shell, 'openExternal' | 'openPath' | 'showItemInFolder'>;

/** What the OS shows: the notification's text, and the JS object only weakly, as Electron holds it (#16922). */
interface ShownNotification {
  title: string;
  body: string;
  object: WeakRef<Notification>;
}
const shown: ShownNotification[] = [];
const created: Array<WeakRef<Notification>> = [];

/** Every Notification created since the last reset that has not been garbage-collected. */
export function createdNotifications(): Notification[] {
  return created.map((ref) => ref.deref()).filter((n): n is Notification => n !== undefined);
}

/**
 * Test-only: the user clicks the shown notification whose body matches. Electron dispatches the click to the JS
 * object, so if the app let that object be collected the click is lost (electron/electron#12690, #16922): false.
 */
export function clickShownNotification(body: RegExp): boolean {
  const target = shown.find((n) => body.test(n.body));
  if (!target) throw new Error(`No shown notification matches ${String(body)}.`);
  const object = target.object.deref();
  if (!object) return false;
  object.emit('click', { preventDefault() {} });
  object.emit('close', { preventDefault() {} });
  return true;
}

/** Test-only: a real, full garbage collection (V8's gc, exposed at run time), as happens while the app idles. */
export async function collectGarbage(): Promise<void> {
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // WeakRefs stay alive until the current job ends: let it end, then collect.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
}

export class Notification extends EventEmitter {
  readonly title: string;
  readonly body: string;

  constructor(options: NotificationConstructorOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    record('new Notification', { ...options });
    created.push(new WeakRef(this));
  }

  static isSupported(): boolean {
    return control.notificationsSupported;
  }

  show(): void {
    record('notification.show', this.title);
    shown.push({ title: this.title, body: this.body, object: new WeakRef(this) });
    this.emit('show', {});
  }

  close(): void {
    record('notification.close', this.title);
    this.emit('close', {});
  }
}
Notification satisfies Pick<typeof Electron.Notification, 'isSupported'>;
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type NotificationChecked = Conforms<
  Notification,
  Pick<Electron.Notification, 'show' | 'close' | 'title' | 'body'>
>;

onReset(() => {
  board.clear();
  shown.length = 0;
  created.length = 0;
});
