// What the tray shows and does, through the handler table like every front end: its state read over the contract,
// its clicks carried out as calls, with notifications. Everything Electron is passed in, so tests drive it with the double.
import { FORMAT_LABELS, isSsoTrayError, type CredentialFormat } from '../core/public.js';
import { defaultShell } from '../../shared/credential-formats.js';
import type { Door } from '../ipc/door.js';
import type { RoleRef, SignInProgress } from '../core/shapes/front-end-shapes.js';
import type { TrayActions, TrayRole, TrayState, WholeList } from '../tray/menu-template.js';
import { traySentence } from '../tray/next-step-words.js';

export interface TrayControllerDeps {
  /** The core's door: the tray's state is read, and its clicks carried out, as validated calls. */
  door: Door;
  /** The clock the tray's "renews in …" is measured against. */
  now?: () => number;
  /** One short message to the user (a system notification). */
  notify(message: string, onClick?: () => void): void;
  quit(): void;
  platform: NodeJS.Platform;
  openWindow?: (list?: WholeList) => void;
  /** Opens the quick-pick over every role. */
  findRole?: () => void;
}

/** The copy channel's name for each single value the tray offers. */
const VALUE_CHANNEL_NAME = {
  accessKeyId: 'access-key-id',
  secretAccessKey: 'secret-access-key',
  sessionToken: 'session-token',
} as const;

export class TrayController {
  private signingIn: TrayState['signingIn'];

  constructor(private readonly deps: TrayControllerDeps) {
    deps.door.on('sign-in-progress', ({ session, progress }) => this.progress(session, progress));
    deps.door.on('session-changed', (view) => {
      if (view.state !== 'signing-in' && this.signingIn?.session === view.name) this.signingIn = undefined;
    });
  }

  /** The tray's state, read from the core: cheap (memory and small files), no call to Identity Center. */
  async state(): Promise<TrayState> {
    const { call } = this.deps.door;
    const sessions = await call('sessions:list', {});
    const settings = await call('settings:get', {});
    const names = new Map<string, string>();
    for (const session of sessions) {
      const listing = await call('accounts:cached', { session: session.name });
      for (const account of listing?.accounts ?? [])
        names.set(`${session.name}/${account.accountId}`, account.accountName);
    }
    const role = ({ session, accountId, roleName }: RoleRef): TrayRole => ({
      session,
      accountId,
      roleName,
      accountName: names.get(`${session}/${accountId}`) ?? accountId,
    });
    const known = new Set(sessions.map((s) => s.name));
    const served = await call('endpoints:list', {});
    return {
      sessions,
      favourites: settings.favourites.filter((f) => known.has(f.session)).map(role),
      recent: settings.recent.filter((r) => known.has(r.session)).map(role),
      profiles: await call('profiles:list', {}),
      served: served.map((e) => ({ ...e, accountName: role(e).accountName })),
      ...(this.signingIn ? { signingIn: this.signingIn } : {}),
      now: (this.deps.now ?? Date.now)(),
      platform: this.deps.platform,
    };
  }

  actions(): TrayActions {
    const { call } = this.deps.door;
    const { notify } = this.deps;
    const shell = defaultShell(this.deps.platform === 'win32');
    const ref = (role: TrayRole) => ({
      session: role.session,
      accountId: role.accountId,
      roleName: role.roleName,
    });
    const attempt = (work: () => Promise<void>) => {
      work().catch((error: unknown) =>
        notify(
          isSsoTrayError(error) ? traySentence(error) : 'Something went wrong inside SSO Tray; try again.',
        ),
      );
    };
    return {
      copy: (role, format: CredentialFormat) =>
        attempt(async () => {
          const { expiration } = await call('credentials:copy', { ...ref(role), what: format });
          notify(
            `Copied ${FORMAT_LABELS[format]} for ${role.accountName} / ${role.roleName}, valid until ${clock(expiration)}.`,
          );
        }),
      copyValue: (role, value) =>
        attempt(async () => {
          await call('credentials:copy', { ...ref(role), what: VALUE_CHANNEL_NAME[value] });
          const what = {
            accessKeyId: 'access key ID',
            secretAccessKey: 'secret access key',
            sessionToken: 'session token',
          }[value];
          notify(`Copied the ${what} for ${role.accountName} / ${role.roleName}.`);
        }),
      writeProfile: (role, keepFresh) =>
        attempt(async () => {
          const owned = await call('profiles:write', { ...ref(role), keepFresh });
          notify(
            `Wrote profile ${owned.profile} for ${role.accountName} / ${role.roleName}` +
              (keepFresh ? '; SSO Tray keeps it fresh.' : `, valid until ${clock(owned.expiration)}.`),
          );
        }),
      openConsole: (role) =>
        attempt(async () => {
          await call('console:open', ref(role));
          notify(`Opened the console of ${role.accountName} / ${role.roleName} in your browser.`);
        }),
      copyConsoleLink: (role) =>
        attempt(async () => {
          await call('console:link', { ...ref(role), copy: true });
          notify(
            `Copied the console link for ${role.accountName} / ${role.roleName}; it signs in through your portal session.`,
          );
        }),
      serve: (role) =>
        attempt(async () => {
          const served = await call('endpoints:start', ref(role));
          await call('endpoints:copy', { id: served.id, format: shell });
          notify(
            `Serving ${role.accountName} / ${role.roleName} to local programs at ${served.url}; the variables that reach it are on the clipboard.`,
          );
        }),
      copyServedVariables: (served) =>
        attempt(async () => {
          await call('endpoints:copy', { id: served.id, format: shell });
          notify(`Copied the variables for ${served.accountName} / ${served.roleName}.`);
        }),
      stopServing: (served) =>
        attempt(async () => {
          await call('endpoints:stop', { id: served.id });
          notify(`Stopped serving ${served.accountName} / ${served.roleName}.`);
        }),
      removeProfile: (profile) => attempt(async () => void (await call('profiles:remove', { profile }))),
      signIn: (session) => attempt(() => this.signIn(session)),
      cancelSignIn: (session) => void call('sessions:cancel-sign-in', { session }).catch(() => undefined),
      copySignInCode: (session) =>
        attempt(async () => void (await call('sessions:sign-in-page', { session, action: 'copy-code' }))),
      openVerificationPage: (session) =>
        attempt(async () => void (await call('sessions:sign-in-page', { session, action: 'open' }))),
      signOut: (session) =>
        attempt(async () => {
          const { removedProfiles } = await call('sessions:sign-out', { session });
          notify(
            `Signed out of ${session}.` +
              (removedProfiles.length ? ` Removed ${removedProfiles.join(', ')}.` : ''),
          );
        }),
      ...(this.deps.openWindow ? { openWindow: this.deps.openWindow } : {}),
      ...(this.deps.findRole ? { findRole: this.deps.findRole } : {}),
      quit: () => this.deps.quit(),
    };
  }

  /** Sign-in started by the user (a click), with the flow the settings prefer. */
  async signIn(session: string): Promise<void> {
    const { call } = this.deps.door;
    const settings = await call('settings:get', {});
    const view = await call('sessions:sign-in', { session, flow: settings.preferredSignIn });
    this.deps.notify(`Signed in to ${view.name} (${view.region}).`);
  }

  private progress(session: string, progress: SignInProgress): void {
    if (progress.step === 'device-code') {
      this.signingIn = {
        session,
        userCode: progress.userCode,
        verificationUri: progress.verificationUri,
        verificationUriComplete: progress.verificationUriComplete,
      };
    } else if (progress.step === 'waiting' && this.signingIn?.session === session) {
      this.signingIn = { ...this.signingIn, secondsLeft: progress.secondsLeft };
    } else if (progress.step === 'open-browser' || progress.step === 'registering') {
      this.signingIn = { session };
    }
  }
}

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
