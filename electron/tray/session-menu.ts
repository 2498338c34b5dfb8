// The tray's lines for each session: its status, the sign-in in progress (its code and page), sign in and sign out.
import type { MenuItemConstructorOptions } from 'electron';
import type { SessionView } from '../core/shapes/front-end-shapes.js';
import { clockTime, countdown, menuLabel, type TimeStyle } from './tray-text.js';
import { traySentence } from './next-step-words.js';

/** The device-code sign-in in progress, as the tray shows it. */
export interface SignInProgress {
  session: string;
  userCode?: string;
  verificationUri?: string;
  verificationUriComplete?: string;
  secondsLeft?: number;
}

/** The clicks the session lines offer; a subset of the tray's actions. */
export interface SessionActions {
  signIn(session: string): void;
  cancelSignIn(session: string): void;
  /** The device code of the sign-in in progress, to the clipboard. */
  copySignInCode(session: string): void;
  /** The device-code sign-in's verification page (the code filled in), in the browser. */
  openVerificationPage(session: string): void;
  signOut(session: string): void;
}

/** What a session's status line counts from: the state's clock and time style, and the sign-in in progress. */
export interface SessionLineState extends TimeStyle {
  now: number;
  signingIn?: SignInProgress;
}

/** Signed in (renewing counts): its roles can be used and it can be signed out of. */
export function usable(view: SessionView): boolean {
  return view.state === 'signed-in' || view.state === 'refreshing';
}

/** The one line shown when no session is set up: where to add one. */
export function noSessions(withWindow: boolean): MenuItemConstructorOptions {
  const next = withWindow
    ? 'open SSO Tray to add one'
    : 'run sso-tray login --start-url URL --region REGION --session NAME';
  return { label: menuLabel(`No sign-in set up: ${next}`), enabled: false };
}

export function sessionItems(
  view: SessionView,
  state: SessionLineState,
  actions: SessionActions,
): MenuItemConstructorOptions[] {
  const status = (text: string): MenuItemConstructorOptions => ({
    label: menuLabel(`${view.name} — ${text}`),
    enabled: false,
    ...(view.reason ? { sublabel: traySentence(view.reason), toolTip: traySentence(view.reason) } : {}),
  });
  const signIn = { label: menuLabel(`Sign in to ${view.name}…`), click: () => actions.signIn(view.name) };
  switch (view.state) {
    case 'signed-in': {
      if (!view.expiresAt) return [status('signed in')];
      const at = clockTime(Date.parse(view.expiresAt), state.now, state);
      return [status(`signed in, ${view.renewable ? 'renews automatically before' : 'ends'} ${at}`)];
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

/** "Sign out of acme" for each session signed in. */
export function signOutItems(sessions: SessionView[], actions: SessionActions): MenuItemConstructorOptions[] {
  return sessions.filter(usable).map((view) => ({
    label: menuLabel(`Sign out of ${view.name}`),
    click: () => actions.signOut(view.name),
  }));
}

function signingInText(progress: SignInProgress | undefined): string {
  const left = progress?.secondsLeft !== undefined ? ` (${countdown(progress.secondsLeft)} left)` : '';
  if (progress?.userCode) {
    const where = progress.verificationUri ? ` at ${progress.verificationUri}` : '';
    return `signing in: enter ${progress.userCode}${where}${left}`;
  }
  return `signing in: continue in your browser${left}`;
}
