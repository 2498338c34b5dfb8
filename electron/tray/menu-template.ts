// The tray menu as a pure function of the app's state: sessions, favourite and recent roles, kept-fresh profiles.
import type { MenuItemConstructorOptions } from 'electron';
import type { OwnedProfile } from '../core/aws-files/credentials-file.js';
import type { SessionView } from '../core/shapes/front-end-shapes.js';
import { sameRole } from '../core/public.js';
import { keptFreshSection } from './kept-fresh-menu.js';
import { servedSection, type ServedActions, type TrayServed } from './served-menu.js';
import { type RoleActions, type TrayRole } from './role-menu.js';
import { roleListSection } from './role-lists-menu.js';
import {
  noSessions,
  sessionItems,
  signOutItems,
  type SessionActions,
  type SignInProgress,
} from './session-menu.js';
import { menuLabel, type TimeStyle } from './tray-text.js';

export type { TrayRole } from './role-menu.js';

export interface TrayState extends TimeStyle {
  sessions: SessionView[];
  /** settings.favourites with account names from the cached listings. */
  favourites: TrayRole[];
  /** settings.recent, newest first; favourites and all but the first TRAY_RECENT_LIMIT are left out here. */
  recent: TrayRole[];
  profiles: OwnedProfile[];
  /** The roles the app serves to local programs (no token in them). */
  served: TrayServed[];
  signingIn?: SignInProgress;
  /** Epoch ms: every time shown is relative to this, never to the system clock. */
  now: number;
  /** The env-var submenu lists this platform's shells first. */
  platform: NodeJS.Platform;
  /** A downloaded, verified update waiting for a restart (electron/app/update/auto-update.ts). */
  update?: { version: string };
}

export interface TrayActions extends RoleActions, SessionActions, ServedActions {
  removeProfile(profile: string): void;
  /** Absent until the window exists: then there is no "Open SSO Tray…" item. With a list, the window shows it. */
  openWindow?(list?: WholeList): void;
  /** Absent until the quick-pick exists: then there is no "Find a role…" item. */
  findRole?(): void;
  /** Installs the waiting update and restarts, once no file write is in flight. */
  restartToUpdate?(): void;
  quit(): void;
}

/** The lists "More…" opens the window on. */
export type WholeList = 'favourites' | 'recent';

const TRAY_RECENT_LIMIT = 5;
export const TRAY_FAVOURITES_LIMIT = 10;
const RECENT_HINT = 'Nothing used yet: the roles you copy or write from this menu show here';

export function buildTrayMenu(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const recent = state.recent.filter(
    (role) => !state.favourites.some((favourite) => sameRole(favourite, role)),
  );
  const favouritesHint = actions.openWindow
    ? 'No favourites yet: star a role in the window'
    : 'No favourites yet: the roles you copy or write show under Recent';
  const open = actions.openWindow?.bind(actions);
  const openAll = (list: WholeList) => (open ? { openAll: () => open(list) } : {});
  return joinGroups([
    state.sessions.length
      ? state.sessions.flatMap((view) => sessionItems(view, state, actions))
      : [noSessions(actions.openWindow !== undefined)],
    roleListSection(
      {
        title: 'Favourites',
        roles: state.favourites,
        limit: TRAY_FAVOURITES_LIMIT,
        hint: favouritesHint,
        ...openAll('favourites'),
      },
      state,
      actions,
    ),
    roleListSection(
      { title: 'Recent', roles: recent, limit: TRAY_RECENT_LIMIT, hint: RECENT_HINT, ...openAll('recent') },
      state,
      actions,
    ),
    keptFreshSection(state, actions),
    servedSection(state, actions),
    signOutItems(state.sessions, actions),
    closingItems(actions, state.update),
  ]);
}

/** What the tray shows when its state cannot be read: the sentence, and a way out. */
export function buildProblemMenu(message: string, actions: TrayActions): MenuItemConstructorOptions[] {
  return joinGroups([[{ label: menuLabel(message), enabled: false }], closingItems(actions)]);
}

function closingItems(actions: TrayActions, update?: TrayState['update']): MenuItemConstructorOptions[] {
  const open = actions.openWindow?.bind(actions);
  const find = actions.findRole?.bind(actions);
  const restart = actions.restartToUpdate?.bind(actions);
  return [
    ...(update && restart
      ? [{ label: `Restart to update (${update.version})`, click: () => restart() }]
      : []),
    ...(find ? [{ label: 'Find a role…', click: () => find() }] : []),
    ...(open ? [{ label: 'Open SSO Tray…', click: () => open() }] : []),
    { label: 'Quit', click: () => actions.quit() },
  ];
}

function joinGroups(groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] {
  return groups
    .filter((group) => group.length > 0)
    .flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' as const }, ...group]));
}
