// The tray menu as a pure function of the app's state: sessions, favourite and recent roles, kept-fresh profiles.
import type { MenuItemConstructorOptions } from 'electron';
import type { OwnedProfile } from '../core/aws-files/credentials-file.js';
import type { SessionView } from '../core/views.js';
import { sameRole } from '../core/identifiers.js';
import { roleItem, type RoleActions, type TrayRole } from './role-menu.js';
import { clockTime, countdown, duration, menuLabel, type TimeStyle } from './tray-text.js';

export type { TrayRole } from './role-menu.js';

export interface TrayState extends TimeStyle {
  sessions: SessionView[];
  /** settings.favourites with account names from the cached listings. */
  favourites: TrayRole[];
  /** settings.recent, newest first; favourites and all but the first TRAY_RECENT_LIMIT are left out here. */
  recent: TrayRole[];
  profiles: OwnedProfile[];
  signingIn?: {
    session: string;
    userCode?: string;
    verificationUri?: string;
    verificationUriComplete?: string;
    secondsLeft?: number;
  };
  /** Epoch ms: every time shown is relative to this, never to the system clock. */
  now: number;
  /** The env-var submenu lists this platform's shells first. */
  platform: NodeJS.Platform;
}

export interface TrayActions extends RoleActions {
  removeProfile(profile: string): void;
  signIn(session: string): void;
  cancelSignIn(session: string): void;
  /** The device code of the sign-in in progress, to the clipboard. */
  copySignInCode(session: string): void;
  /** The device-code sign-in's verification page (the code filled in), in the browser. */
  openVerificationPage(session: string): void;
  signOut(session: string): void;
  /** Absent until the window exists: then there is no "Open SSO Tray…" item. With a list, the window shows it. */
  openWindow?(list?: WindowList): void;
  /** Absent until the quick-pick exists: then there is no "Find a role…" item. */
  findRole?(): void;
  quit(): void;
}

/** The lists "More…" opens the window on. */
export type WindowList = 'favourites' | 'recent';

export const TRAY_RECENT_LIMIT = 5;
export const TRAY_FAVOURITES_LIMIT = 10;
const RECENT_HINT = 'Nothing used yet: the roles you copy or write from this menu show here';
// Windows cuts a tray tooltip at 127 characters.
const WINDOWS_TOOLTIP_MAX = 127;

export function buildTrayMenu(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const recent = state.recent.filter(
    (role) => !state.favourites.some((favourite) => sameRole(favourite, role)),
  );
  const favouritesHint = actions.openWindow
    ? 'No favourites yet: star a role in the window'
    : 'No favourites yet: the roles you copy or write show under Recent';
  const signedIn = state.sessions.filter(usable);
  return joinGroups([
    state.sessions.length
      ? state.sessions.flatMap((view) => sessionItems(view, state, actions))
      : [noSessions(actions)],
    section('Favourites', state.favourites, TRAY_FAVOURITES_LIMIT, favouritesHint, state, actions),
    section('Recent', recent, TRAY_RECENT_LIMIT, RECENT_HINT, state, actions),
    profilesSection(state, actions),
    signedIn.map((view) => ({
      label: menuLabel(`Sign out of ${view.name}`),
      click: () => actions.signOut(view.name),
    })),
    closingItems(actions),
  ]);
}

/** "SSO Tray — acme: signed in, ends in 7h 12m; beta: signed out". */
export function trayTooltip(state: TrayState): string {
  const parts = state.sessions.map((view) => `${view.name}: ${tooltipStatus(view, state)}`);
  const text = `SSO Tray — ${parts.length ? parts.join('; ') : 'no sign-in set up'}`;
  if (state.platform !== 'win32' || text.length <= WINDOWS_TOOLTIP_MAX) return text;
  return `${text.slice(0, WINDOWS_TOOLTIP_MAX - 1)}…`;
}

/** What the tray shows when its state cannot be read: the sentence, and a way out. */
export function buildProblemMenu(message: string, actions: TrayActions): MenuItemConstructorOptions[] {
  return joinGroups([[{ label: menuLabel(message), enabled: false }], closingItems(actions)]);
}

function closingItems(actions: TrayActions): MenuItemConstructorOptions[] {
  const open = actions.openWindow?.bind(actions);
  const find = actions.findRole?.bind(actions);
  return [
    ...(find ? [{ label: 'Find a role…', click: () => find() }] : []),
    ...(open ? [{ label: 'Open SSO Tray…', click: () => open() }] : []),
    { label: 'Quit', click: () => actions.quit() },
  ];
}

function usable(view: SessionView): boolean {
  return view.state === 'signed-in' || view.state === 'refreshing';
}

function noSessions(actions: TrayActions): MenuItemConstructorOptions {
  const next = actions.openWindow
    ? 'open SSO Tray to add one'
    : 'run sso-tray login --start-url URL --region REGION --session NAME';
  return { label: menuLabel(`No sign-in set up: ${next}`), enabled: false };
}

function sessionItems(
  view: SessionView,
  state: TrayState,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const status = (text: string): MenuItemConstructorOptions => ({
    label: menuLabel(`${view.name} — ${text}`),
    enabled: false,
    ...(view.reason ? { sublabel: view.reason, toolTip: view.reason } : {}),
  });
  const signIn = { label: menuLabel(`Sign in to ${view.name}…`), click: () => actions.signIn(view.name) };
  switch (view.state) {
    case 'signed-in': {
      if (!view.expiresAt) return [status('signed in')];
      const at = clockTime(Date.parse(view.expiresAt), state.now, state);
      return [status(`signed in, ${view.renewable ? 'renews' : 'ends'} ${at}`)];
    }
    case 'refreshing':
      return [status('signed in, renewing…')];
    case 'signing-in': {
      const progress = state.signingIn?.session === view.name ? state.signingIn : undefined;
      // A code in a disabled item cannot be copied: the code and its page get items of their own.
      const device = progress?.userCode
        ? [
            { label: `Copy code ${progress.userCode}`, click: () => actions.copySignInCode(view.name) },
            { label: 'Open verification page', click: () => actions.openVerificationPage(view.name) },
          ]
        : [];
      return [
        status(signingInText(progress)),
        ...device,
        { label: 'Cancel sign-in', click: () => actions.cancelSignIn(view.name) },
      ];
    }
    case 'expired':
      return [status('expired'), signIn];
    case 'signed-out':
      return [status('signed out'), signIn];
  }
}

function signingInText(progress: TrayState['signingIn']): string {
  const left = progress?.secondsLeft !== undefined ? ` (${countdown(progress.secondsLeft)} left)` : '';
  if (progress?.userCode) {
    const where = progress.verificationUri ? ` at ${progress.verificationUri}` : '';
    return `signing in: enter ${progress.userCode}${where}${left}`;
  }
  return `signing in: continue in your browser${left}`;
}

function tooltipStatus(view: SessionView, state: TrayState): string {
  switch (view.state) {
    case 'signed-in':
      if (!view.expiresAt) return 'signed in';
      return `signed in, ${view.renewable ? 'renews' : 'ends'} in ${duration(Date.parse(view.expiresAt) - state.now)}`;
    case 'refreshing':
      return 'signed in, renewing';
    case 'signing-in':
      return 'signing in';
    case 'expired':
      return 'expired, sign in again';
    case 'signed-out':
      return 'signed out';
  }
}

/** Why a role cannot be used now, or undefined when its session is signed in. */
function blockedReason(role: TrayRole, sessions: SessionView[]): string | undefined {
  const view = sessions.find((s) => s.name === role.session);
  if (!view) return `The session ${role.session} is no longer set up`;
  if (usable(view)) return undefined;
  if (view.state === 'signing-in') return `Signing in to ${view.name}…`;
  return `Sign in to ${view.name} first`;
}

function section(
  title: 'Favourites' | 'Recent',
  roles: TrayRole[],
  limit: number,
  hint: string,
  state: TrayState,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const items = roles
    .slice(0, limit)
    .map((role) => roleItem(role, blockedReason(role, state.sessions), state.platform, actions));
  const hidden = roles.length - items.length;
  const open = actions.openWindow?.bind(actions);
  const list: WindowList = title === 'Favourites' ? 'favourites' : 'recent';
  // A long list stays short here; the window holds all of it.
  const more: MenuItemConstructorOptions[] =
    hidden > 0 && open ? [{ label: `More… (${hidden} more)`, click: () => open(list) }] : [];
  return [
    { label: title, enabled: false },
    ...(items.length ? items : [{ label: menuLabel(hint), enabled: false }]),
    ...more,
  ];
}

function profilesSection(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const kept = state.profiles.filter((p) => p.keepFresh).sort((a, b) => a.profile.localeCompare(b.profile));
  const items = kept.map((p): MenuItemConstructorOptions => {
    const at = Date.parse(p.expiration);
    const when = `${at <= state.now ? 'expired' : 'expires'} ${clockTime(at, state.now, state)}`;
    return {
      label: menuLabel(`${p.profile} — ${when}`),
      submenu: [
        { label: menuLabel(`${p.roleName} in ${p.accountId} (${p.session})`), enabled: false },
        { label: 'Stop and remove', click: () => actions.removeProfile(p.profile) },
      ],
    };
  });
  const hint = 'None yet: choose “Write and keep fresh” on a role';
  return [
    { label: 'Profiles kept fresh', enabled: false },
    ...(items.length ? items : [{ label: hint, enabled: false }]),
  ];
}

function joinGroups(groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] {
  return groups
    .filter((group) => group.length > 0)
    .flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' as const }, ...group]));
}
