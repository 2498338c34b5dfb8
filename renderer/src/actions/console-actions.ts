// The Management console of a role: opened in the browser by the main process (the window never sees the sign-in
// URL, only that it opened), or the portal's shortcut link copied.
import type { RoleRef } from '../state.js';
import { sentenceOf, type ActionContext } from './context.js';

type TitledRole = RoleRef & { accountName: string };

const refOf = (role: TitledRole): RoleRef => ({
  session: role.session,
  accountId: role.accountId,
  roleName: role.roleName,
});

/** Returns what happened, in a sentence (the quick-pick shows it too). */
export async function openConsole({ api, store }: ActionContext, role: TitledRole): Promise<string> {
  try {
    await api['console:open'](refOf(role));
    const done = `Opened the console of ${role.accountName} / ${role.roleName} in your browser.`;
    store.update({ toast: done, problem: undefined });
    return done;
  } catch (error) {
    store.update({ problem: sentenceOf(error), toast: undefined });
    throw error;
  }
}

export async function copyConsoleLink({ api, store }: ActionContext, role: TitledRole): Promise<void> {
  try {
    await api['console:link']({ ...refOf(role), copy: true });
    store.update({
      toast: `Copied the console link for ${role.accountName} / ${role.roleName}; it signs in through your portal session in the browser.`,
      problem: undefined,
    });
  } catch (error) {
    store.update({ problem: sentenceOf(error), toast: undefined });
  }
}
