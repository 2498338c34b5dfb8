// The core's events, as they change what the window shows.
import type { SignInProgress } from '../api.js';
import type { SignInActivity } from '../state.js';
import { listingArrived, loadAccounts, setAccountsError } from './account-actions.js';
import { accountsListed, rolesListed } from './arriving-accounts.js';
import type { ActionContext } from './context.js';
import { listNamesArrived } from './whole-lists-actions.js';
import { previewConfigSync } from './config-sync-actions.js';
import { upsert } from './session-actions.js';
import { servedChanged } from './served-actions.js';
import { windowSentence } from '../next-step-words.js';

export function listenToCore(ctx: ActionContext): () => void {
  const { api, store } = ctx;
  const stops = [
    api.on('sessions-changed', (sessions) => {
      // Until the window has started, startWindow chooses the session to show.
      if (!store.state.ready) return;
      store.update((s) => ({
        sessions,
        selected: sessions.some((v) => v.name === s.selected) ? s.selected : sessions[0]?.name,
      }));
      const selected = store.state.selected;
      if (selected && store.state.accounts?.session !== selected) void loadAccounts(ctx, selected);
    }),
    api.on('session-changed', (view) => {
      const before = store.state.sessions.find((s) => s.name === view.name);
      store.update((s) => ({ sessions: upsert(s.sessions, view) }));
      // Signed in here or from the tray: the accounts come when the window shows them.
      const accounts = store.state.accounts;
      if (
        view.state === 'signed-in' &&
        before?.state !== 'signed-in' &&
        store.state.selected === view.name &&
        !store.state.signIns[view.name] &&
        (!accounts?.listing || accounts.session !== view.name)
      ) {
        void loadAccounts(ctx, view.name);
      }
    }),
    api.on('sign-in-progress', ({ session, progress }) => {
      store.update((s) => {
        const activity: SignInActivity = s.signIns[session] ?? { flow: flowOf(progress) };
        const deadline = deadlineOf(progress) ?? activity.deadline;
        // A 'waiting' step carries only the countdown: the code or URL before it stays on screen.
        const shown = progress.step === 'waiting' && activity.progress ? activity.progress : progress;
        return {
          signIns: {
            ...s.signIns,
            [session]: { ...activity, progress: shown, ...(deadline ? { deadline } : {}) },
          },
        };
      });
    }),
    api.on('listing-progress', ({ session, progress }) => {
      store.update((s) =>
        s.accounts?.session === session ? { accounts: { ...s.accounts, loading: true, progress } } : {},
      );
    }),
    api.on('accounts-listed', ({ session, accounts }) => accountsListed(store, session, accounts)),
    api.on('roles-listed', ({ session, accountId, roles }) => rolesListed(store, session, accountId, roles)),
    api.on('accounts-changed', (listing) => {
      listingArrived(store, listing);
      listNamesArrived(store, listing);
      // A new listing may change what a sync of ~/.aws/config would do (or the setting has just done it).
      if (store.state.section === 'profiles' && store.state.configSync?.session === listing.session)
        void previewConfigSync(ctx);
    }),
    api.on('profiles-changed', (profiles) => store.update({ profiles })),
    api.on('endpoints-changed', (served) => servedChanged(ctx, served)),
    // Said once, in the banner over the accounts, with its Sign in again button.
    api.on('sign-in-needed', ({ session, ...reason }) =>
      store.update((s) => ({ signInNeeded: { ...s.signInNeeded, [session]: reason } })),
    ),
    api.on('problem', (problem) => {
      // A listing the window started in the background (accounts:cached) has stopped: its failure is said once, in
      // the accounts' banner with its step's button (else Retry), and the accounts it did not get roles for offer their own Try again.
      // Any other failure (a kept profile's refresh, a config sync) is the top banner's, even while a listing runs.
      const message = windowSentence(problem);
      const accounts = store.state.accounts;
      if (accounts?.loading && problem.listing === accounts.session)
        setAccountsError(store, accounts.session, { message: problem.message, next: problem.next });
      else if (accounts?.error !== message) store.update({ problem: message });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

function flowOf(progress: SignInProgress): SignInActivity['flow'] {
  return progress.step === 'device-code' ? 'device-code' : 'browser';
}

/** When the countdown ends, on this window's clock: the core's clock may differ (it is injected). */
function deadlineOf(progress: SignInProgress): number | undefined {
  if (progress.step === 'waiting') return Date.now() + progress.secondsLeft * 1000;
  if (progress.step === 'device-code' || progress.step === 'open-browser') {
    const expires = new Date(progress.expiresAt).getTime();
    return Number.isFinite(expires) ? expires : undefined;
  }
  return undefined;
}
