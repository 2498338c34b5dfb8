// The window's only way to the app: the API the preload exposes (its type comes from the IPC contract; nothing is
// kept in sync by hand). The renderer's type-check sees no Node and no Electron.
import type { BridgeApi, WindowApi } from '../../electron/ipc/window-api.js';
import { fromBridge } from './bridge-results.js';

export type { WindowApi } from '../../electron/ipc/window-api.js';
export type {
  AccountWithRoles,
  ConfigSyncChoices,
  Listing,
  ListingProgress,
  OwnedProfile,
  ConfigSyncResult,
  RoleRef,
  ServedEndpoint,
  SessionView,
  Settings,
  SignInProgress,
} from '../../electron/core/shapes/front-end-shapes.js';
export type { CredentialFormat } from '../../shared/credential-formats.js';

declare global {
  interface Window {
    readonly ssoTray: BridgeApi;
  }
}

let unwrapped: WindowApi | undefined;

/** The bridge's plain results turned back into values and thrown WindowApiErrors (with their code) in this world. */
export function api(): WindowApi {
  unwrapped ??= fromBridge(window.ssoTray);
  return unwrapped;
}
