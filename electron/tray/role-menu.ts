// One role's submenu in the tray: the Management console, the portal's copy formats, the individual values, and writing a profile.
import type { MenuItemConstructorOptions } from 'electron';
import {
  FORMAT_LABELS,
  SHELLS,
  defaultShell,
  type CredentialFormat,
} from '../../shared/credential-formats.js';
import type { RoleRef } from '../core/shapes/front-end-shapes.js';
import { menuLabel } from './tray-text.js';

/** A role as the core names it, with the account's name to show. */
export interface TrayRole extends RoleRef {
  accountName: string;
}

/** The clicks a role's submenu offers; a subset of the tray's actions. */
export interface RoleActions {
  copy(role: TrayRole, format: CredentialFormat): void;
  copyValue(role: TrayRole, value: 'accessKeyId' | 'secretAccessKey' | 'sessionToken'): void;
  writeProfile(role: TrayRole, keepFresh: boolean): void;
  /** The role's Management console in the browser (federation sign-in). */
  openConsole(role: TrayRole): void;
  /** The access portal's shortcut link to the role's console, to the clipboard. */
  copyConsoleLink(role: TrayRole): void;
  /** Serves the role to local programs and copies the two variables that reach it. */
  serve(role: TrayRole): void;
}

const POSIX_SHELLS: CredentialFormat[] = ['env', 'fish'];
const WINDOWS_SHELLS: CredentialFormat[] = ['powershell', 'windows-cmd'];

/** The environment-variable formats, the user's own platform's shells first and .env last. */
function shellFormats(platform: NodeJS.Platform): CredentialFormat[] {
  const own = platform === 'win32' ? WINDOWS_SHELLS : POSIX_SHELLS;
  const other = platform === 'win32' ? POSIX_SHELLS : WINDOWS_SHELLS;
  return [...own, ...other, 'dotenv'];
}

/** "Payments & Billing / ReadOnly", with the account id when the listing has no name for it. */
function roleTitle(role: TrayRole): string {
  return `${role.accountName || role.accountId} / ${role.roleName}`;
}

/**
 * The role's submenu; `blocked` is why it cannot be used now (its session is not signed in), shown greyed with the
 * reason where the platform shows one (sublabel and tooltip are macOS-only; the session's status line says it too).
 */
export function roleItem(
  role: TrayRole,
  blocked: string | undefined,
  platform: NodeJS.Platform,
  actions: RoleActions,
): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = {
    label: menuLabel(roleTitle(role)),
    toolTip: blocked ?? `Account ${role.accountId} in ${role.session}`,
    submenu: roleSubmenu(role, platform, actions),
  };
  if (blocked !== undefined) Object.assign(item, { enabled: false, sublabel: blocked });
  return item;
}

function roleSubmenu(
  role: TrayRole,
  platform: NodeJS.Platform,
  actions: RoleActions,
): MenuItemConstructorOptions[] {
  const value = (label: string, name: 'accessKeyId' | 'secretAccessKey' | 'sessionToken') => ({
    label,
    click: () => actions.copyValue(role, name),
  });
  const shell = defaultShell(platform === 'win32');
  return [
    // The portal's main action on a permission set comes first, as the portal shows it.
    { label: 'Open console', click: () => actions.openConsole(role) },
    { label: 'Copy console link', click: () => actions.copyConsoleLink(role) },
    { type: 'separator' },
    // The copy most users want, one click from the role; other shells one level down.
    {
      label: `Copy environment variables (${SHELLS.find((s) => s.format === shell)?.shell ?? FORMAT_LABELS[shell]})`,
      click: () => actions.copy(role, shell),
    },
    {
      label: 'Copy for another shell',
      submenu: shellFormats(platform)
        .filter((format) => format !== shell)
        .map((format) => ({
          label: menuLabel(FORMAT_LABELS[format]),
          click: () => actions.copy(role, format),
        })),
    },
    { label: 'Copy profile block', click: () => actions.copy(role, 'profile') },
    value('Copy access key ID', 'accessKeyId'),
    value('Copy secret access key', 'secretAccessKey'),
    value('Copy session token', 'sessionToken'),
    { type: 'separator' },
    { label: 'Write to credentials file', click: () => actions.writeProfile(role, false) },
    { label: 'Write and keep fresh', click: () => actions.writeProfile(role, true) },
    { label: 'Serve to local programs', click: () => actions.serve(role) },
  ];
}
