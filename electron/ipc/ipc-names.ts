// The names on the wire between the preload and the main process.
import type { Channel } from './contract.js';

export const IPC_PREFIX = 'sso-tray:';
export const EVENT_CHANNEL = 'sso-tray:event';

export function invokeChannel(channel: Channel): string {
  return `${IPC_PREFIX}${channel}`;
}
