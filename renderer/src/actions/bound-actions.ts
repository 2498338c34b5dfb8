// Every action the views can call, bound to the API and the store.
import * as accessKeys from './access-keys-actions.js';
import * as accounts from './account-actions.js';
import * as arriving from './arriving-accounts.js';
import type { ActionContext } from './context.js';
import * as sessions from './session-actions.js';
import * as settings from './settings-actions.js';
import * as quickPick from '../quick-pick/quick-pick-actions.js';
import * as consoleAccess from './console-actions.js';
import * as configSync from './config-sync-actions.js';
import * as served from './served-actions.js';

type Bound<F> = F extends (ctx: ActionContext, ...args: infer A) => infer R ? (...args: A) => R : never;

function bind<T extends Record<string, unknown>>(ctx: ActionContext, module: T) {
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === 'function') bound[name] = (...args: unknown[]) => value(ctx, ...args);
  }
  return bound as { [K in keyof T]: Bound<T[K]> };
}

export function createActions(ctx: ActionContext) {
  return {
    ...bind(ctx, {
      selectSession: sessions.selectSession,
      hintSessionForm: sessions.hintSessionForm,
      toggleAddSession: sessions.toggleAddSession,
      addSession: sessions.addSession,
      removeSession: sessions.removeSession,
      signIn: sessions.signIn,
      cancelSignIn: sessions.cancelSignIn,
      useSignInPage: sessions.useSignInPage,
      signOut: sessions.signOut,
    }),
    ...bind(ctx, {
      refreshAccounts: accounts.refreshAccounts,
      search: accounts.search,
      toggleAccount: accounts.toggleAccount,
      showMoreAccounts: accounts.showMoreAccounts,
      toggleFavourite: accounts.toggleFavourite,
      setFavouriteRegion: accounts.setFavouriteRegion,
      retryRoles: arriving.retryRoles,
    }),
    ...bind(ctx, {
      openAccessKeys: accessKeys.openAccessKeys,
      retryAccessKeys: accessKeys.retryAccessKeys,
      selectShellFormat: accessKeys.selectShellFormat,
      copyCredentials: accessKeys.copyCredentials,
      setKeepFresh: accessKeys.setKeepFresh,
      setProfileName: accessKeys.setProfileName,
      writeCredentialsFile: accessKeys.writeCredentialsFile,
      replaceProfile: accessKeys.replaceProfile,
      writeConfigProfile: accessKeys.writeConfigProfile,
      replaceConfigProfile: accessKeys.replaceConfigProfile,
      closeAccessKeys: accessKeys.closeAccessKeys,
    }),
    ...bind(ctx, {
      saveSettings: settings.saveSettings,
      restartToUpdate: settings.restartToUpdate,
      removeProfile: settings.removeProfile,
      setProfileKeepFresh: settings.setProfileKeepFresh,
      showSection: settings.showSection,
      dismissProblem: settings.dismissProblem,
    }),
    ...bind(ctx, {
      openQuickPick: quickPick.openQuickPick,
      quickPickType: quickPick.quickPickType,
      quickPickMove: quickPick.quickPickMove,
      quickPickSelect: quickPick.quickPickSelect,
      quickPickRun: quickPick.quickPickRun,
      closeQuickPick: quickPick.closeQuickPick,
    }),
    ...bind(ctx, {
      openConsole: consoleAccess.openConsole,
      copyConsoleLink: consoleAccess.copyConsoleLink,
      previewConfigSync: configSync.previewConfigSync,
      applyConfigSync: configSync.applyConfigSync,
      setSyncChoice: configSync.setSyncChoice,
      setSyncAfterListing: configSync.setSyncAfterListing,
    }),
    ...bind(ctx, {
      serveRole: served.serveRole,
      copyServedVariables: served.copyServedVariables,
      stopServing: served.stopServing,
      setServedShell: served.setServedShell,
      showServed: served.showServed,
    }),
  };
}

export type Actions = ReturnType<typeof createActions>;
