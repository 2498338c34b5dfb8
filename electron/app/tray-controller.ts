// What the tray shows and does, over the core: its state gathered from the core, its clicks carried out with the
// clipboard, the browser and notifications. Everything Electron is passed in, so tests drive it with the double.
import type { Clipboard, Shell } from 'electron';
import { FORMAT_LABELS, type CredentialFormat } from '../core/formats.js';
import { isSsoTrayError } from '../core/errors.js';
import type { SsoTrayCore } from '../core/core.js';
import type { SignInProgress } from '../core/identity-center/sign-in.js';
import type { TrayActions, TrayRole, TrayState, WindowList } from '../tray/menu-template.js';

export interface TrayControllerDeps {
  core: SsoTrayCore;
  clipboard: Pick<Clipboard, 'writeText'>;
  shell: Pick<Shell, 'openExternal'>;
  /** One short message to the user (a system notification). */
  notify(message: string, onClick?: () => void): void;
  quit(): void;
  platform: NodeJS.Platform;
  openWindow?: (list?: WindowList) => void;
  /** Opens the quick-pick over every role. */
  findRole?: () => void;
}

export class TrayController {
  private signingIn: TrayState['signingIn'];

  constructor(private readonly deps: TrayControllerDeps) {
    deps.core.on('sign-in-progress', ({ session, progress }) => this.progress(session, progress));
    deps.core.on('session-changed', (view) => {
      if (view.state !== 'signing-in' && this.signingIn?.session === view.name) this.signingIn = undefined;
    });
  }

  /** The tray's state, read from the core: cheap (memory and small files), no call to Identity Center. */
  async state(): Promise<TrayState> {
    const { core } = this.deps;
    await core.start();
    const sessions = core.sessions();
    const settings = await core.settings();
    const names = new Map<string, string>();
    for (const session of sessions) {
      const listing = await core.cachedAccounts(session.name);
      for (const account of listing?.accounts ?? [])
        names.set(`${session.name}/${account.accountId}`, account.accountName);
    }
    const role = (r: { sessionName: string; accountId: string; roleName: string }): TrayRole => ({
      session: r.sessionName,
      accountId: r.accountId,
      roleName: r.roleName,
      accountName: names.get(`${r.sessionName}/${r.accountId}`) ?? r.accountId,
    });
    const known = new Set(sessions.map((s) => s.name));
    return {
      sessions,
      favourites: settings.favourites.filter((f) => known.has(f.sessionName)).map(role),
      recent: settings.recent.filter((r) => known.has(r.sessionName)).map(role),
      profiles: await core.profiles(),
      ...(this.signingIn ? { signingIn: this.signingIn } : {}),
      now: core.clock.now(),
      platform: this.deps.platform,
    };
  }

  actions(): TrayActions {
    const { core, clipboard, notify } = this.deps;
    const ref = (role: TrayRole) => ({
      session: role.session,
      accountId: role.accountId,
      roleName: role.roleName,
    });
    const attempt = (work: () => Promise<void>) => {
      work().catch((error: unknown) =>
        notify(isSsoTrayError(error) ? error.message : 'Something went wrong inside SSO Tray; try again.'),
      );
    };
    return {
      copy: (role, format: CredentialFormat) =>
        attempt(async () => {
          const { text, expiration } = await core.formatted({ ...ref(role), format });
          clipboard.writeText(text);
          notify(
            `Copied ${FORMAT_LABELS[format]} for ${role.accountName} / ${role.roleName}, valid until ${clock(expiration)}.`,
          );
        }),
      copyValue: (role, value) =>
        attempt(async () => {
          const credentials = await core.credentials(ref(role));
          clipboard.writeText(credentials[value]);
          const what = {
            accessKeyId: 'access key ID',
            secretAccessKey: 'secret access key',
            sessionToken: 'session token',
          }[value];
          notify(`Copied the ${what} for ${role.accountName} / ${role.roleName}.`);
        }),
      writeProfile: (role, keepFresh) =>
        attempt(async () => {
          const owned = await core.writeProfile({ ...ref(role), keepFresh });
          notify(
            `Wrote profile ${owned.profile} for ${role.accountName} / ${role.roleName}` +
              (keepFresh ? '; SSO Tray keeps it fresh.' : `, valid until ${clock(owned.expiration)}.`),
          );
        }),
      removeProfile: (profile) => attempt(async () => void (await core.removeProfile(profile))),
      signIn: (session) => attempt(() => this.signIn(session)),
      cancelSignIn: (session) => void core.cancelSignIn(session),
      copySignInCode: (session) => {
        const code = this.signingIn?.session === session ? this.signingIn.userCode : undefined;
        if (code) clipboard.writeText(code);
      },
      openVerificationPage: (session) => {
        const page = this.signingIn?.session === session ? this.signingIn : undefined;
        const url = page?.verificationUriComplete ?? page?.verificationUri;
        if (url) attempt(() => this.deps.shell.openExternal(url));
      },
      signOut: (session) =>
        attempt(async () => {
          const { removedProfiles } = await core.signOut(session);
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
    const settings = await this.deps.core.settings();
    const view = await this.deps.core.signIn(session, settings.preferredSignIn);
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
