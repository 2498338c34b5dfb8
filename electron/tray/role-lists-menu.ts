// The tray's Favourites and Recent sections: the first few roles, greyed while their session is not signed in.
import type { MenuItemConstructorOptions } from 'electron';
import type { SessionView } from '../core/shapes/front-end-shapes.js';
import { roleItem, type RoleActions, type TrayRole } from './role-menu.js';
import { usable } from './session-menu.js';
import { menuLabel } from './tray-text.js';

export interface RoleList {
  title: 'Favourites' | 'Recent';
  roles: TrayRole[];
  limit: number;
  /** Shown, greyed, when the list is empty. */
  hint: string;
  /** Opens the window on the whole list; without it, no "More…" item. */
  openAll?: () => void;
}

export function roleListSection(
  list: RoleList,
  state: { sessions: SessionView[]; platform: NodeJS.Platform },
  actions: RoleActions,
): MenuItemConstructorOptions[] {
  const items = list.roles
    .slice(0, list.limit)
    .map((role) => roleItem(role, blockedReason(role, state.sessions), state.platform, actions));
  const hidden = list.roles.length - items.length;
  const openAll = list.openAll;
  // A long list stays short here; the window holds all of it.
  const more: MenuItemConstructorOptions[] =
    hidden > 0 && openAll ? [{ label: `More… (${hidden} more)`, click: () => openAll() }] : [];
  return [
    { label: list.title, enabled: false },
    ...(items.length ? items : [{ label: menuLabel(list.hint), enabled: false }]),
    ...more,
  ];
}

/** Why a role cannot be used now, or undefined when its session is signed in. */
function blockedReason(role: TrayRole, sessions: SessionView[]): string | undefined {
  const view = sessions.find((s) => s.name === role.session);
  if (!view) return `The session ${role.session} is no longer set up`;
  if (usable(view)) return undefined;
  if (view.state === 'signing-in') return `Signing in to ${view.name}…`;
  return `Sign in to ${view.name} first`;
}
