// The names on the wire between the preload and the main process, and every channel and event as a complete map:
// a channel or event added to the contract but not here is a compile error (as electron/fiddle maps its IPC events).
import type { AppEventName, Channel } from './contract.js';

const IPC_PREFIX = 'sso-tray:';
export const EVENT_CHANNEL = 'sso-tray:event';

export function invokeChannel(channel: Channel): string {
  return `${IPC_PREFIX}${channel}`;
}

const EVERY_CHANNEL: Record<Channel, true> = {
  'sessions:list': true,
  'sessions:choose': true,
  'sessions:add': true,
  'sessions:remove': true,
  'sessions:sign-in': true,
  'sessions:cancel-sign-in': true,
  'sessions:sign-out': true,
  'accounts:list': true,
  'accounts:cached': true,
  'accounts:find': true,
  'accounts:roles': true,
  'credentials:text': true,
  'credentials:process': true,
  'credentials:values': true,
  'credentials:copy': true,
  'profiles:list': true,
  'profiles:write': true,
  'config:write-profile': true,
  'profiles:remove': true,
  'settings:get': true,
  'settings:update': true,
  'favourites:toggle': true,
  'app:capabilities': true,
  'app:restart-to-update': true,
  'sessions:sign-in-page': true,
  'console:open': true,
  'console:link': true,
  'config:sync': true,
  'favourites:region': true,
  'endpoints:start': true,
  'endpoints:list': true,
  'endpoints:stop': true,
  'endpoints:copy': true,
};

const EVERY_EVENT: Record<AppEventName, true> = {
  'session-changed': true,
  'sessions-changed': true,
  'sign-in-progress': true,
  'listing-progress': true,
  'accounts-listed': true,
  'roles-listed': true,
  'accounts-changed': true,
  'profiles-changed': true,
  'settings-changed': true,
  'sign-in-needed': true,
  'endpoints-changed': true,
  problem: true,
};

/** The channel names without the contract's schemas (a sandboxed preload bundles little). */
export const CHANNELS = Object.keys(EVERY_CHANNEL) as Channel[];
export const EVENT_NAMES = Object.keys(EVERY_EVENT) as AppEventName[];
