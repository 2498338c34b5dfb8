// The desktop services the shell uses, played in memory: clipboard, shell, notifications and safeStorage.
import { EventEmitter } from 'node:events';
import type { NotificationConstructorOptions } from 'electron';
import { control, onReset, record } from './electron-double-log.js';

const board = new Map<string, string>();

/** A real clipboard in memory: what the shell writes is what a test (or the user's next paste) reads. */
export const clipboard = {
  writeText(text: string, type: 'selection' | 'clipboard' = 'clipboard'): void {
    record('clipboard.writeText', type); // the text may be a secret: read it with readText()
    board.set(type, text);
  },
  readText(type: 'selection' | 'clipboard' = 'clipboard'): string {
    return board.get(type) ?? '';
  },
  clear(type: 'selection' | 'clipboard' = 'clipboard'): void {
    record('clipboard.clear', type);
    board.delete(type);
  },
};

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
};

const notifications: Notification[] = [];

/** Every Notification created since the last reset. */
export function createdNotifications(): readonly Notification[] {
  return notifications;
}

/** A test clicks one with notification.emit('click'). */
export class Notification extends EventEmitter {
  readonly title: string;
  readonly body: string;
  shown = false;

  constructor(readonly options: NotificationConstructorOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    record('new Notification', options);
    notifications.push(this);
  }

  static isSupported(): boolean {
    return control.notificationsSupported;
  }

  show(): void {
    record('notification.show', this.title);
    this.shown = true;
    this.emit('show', {});
  }

  close(): void {
    record('notification.close', this.title);
    this.emit('close', {});
  }
}

// Not encryption: enough that a file written through it is not the plain text, and that it round-trips.
const PREFIX = Buffer.from('v10');
const KEY = Buffer.from('electron-double');
const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte, i) => byte ^ (KEY[i % KEY.length] as number)));

export const safeStorage = {
  isEncryptionAvailable(): boolean {
    return control.encryptionAvailable;
  },
  encryptString(plainText: string): Buffer {
    record('safeStorage.encryptString');
    if (!control.encryptionAvailable)
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    return Buffer.concat([PREFIX, xor(Buffer.from(plainText, 'utf8'))]);
  },
  decryptString(encrypted: Buffer): string {
    record('safeStorage.decryptString');
    if (!Buffer.isBuffer(encrypted))
      throw new TypeError('Expected the first argument of decryptString() to be a buffer');
    if (!control.encryptionAvailable)
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
      );
    if (!encrypted.subarray(0, PREFIX.length).equals(PREFIX))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return xor(encrypted.subarray(PREFIX.length)).toString('utf8');
  },
};

onReset(() => {
  board.clear();
  notifications.length = 0;
});
