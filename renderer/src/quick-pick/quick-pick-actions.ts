// The quick-pick's actions: gather every role of every signed-in session, filter as the user types, move, and run
// the chosen key's action through the window API (copies are made by the main process, as everywhere).
import { freshAnnouncement } from '../announcement.js';
import { sentenceOf, type ActionContext } from '../actions/context.js';
import { openAccessKeys } from '../actions/access-keys-actions.js';
import { openConsole } from '../actions/console-actions.js';
import type { Listing } from '../api.js';
import { quickRoles, searchRoles, type QuickRole } from './quick-pick-search.js';
import type { QuickPickAction } from './quick-pick-state.js';
import { defaultShell } from '../../../shared/credential-formats.js';

/** Opens (or, in the compact window each time it shows, re-opens empty) over the roles as they are now. */
export async function openQuickPick(ctx: ActionContext, fresh = false): Promise<void> {
  const { api, store } = ctx;
  const query = fresh ? '' : (store.state.quickPick?.query ?? '');
  store.update({ quickPick: { query, roles: [], shown: [], selected: 0, loading: true }, toast: undefined });
  try {
    const [sessions, settings] = await Promise.all([api['sessions:list']({}), api['settings:get']({})]);
    const usable = sessions.filter((s) => s.state === 'signed-in' || s.state === 'refreshing');
    // The cached listing at once; a session never listed is listed now (once).
    const listings: Listing[] = await Promise.all(
      usable.map(
        async (s) =>
          (await api['accounts:cached']({ session: s.name })) ?? api['accounts:list']({ session: s.name }),
      ),
    );
    const roles = quickRoles(listings, settings.favourites, settings.recent);
    const error =
      usable.length === 0
        ? 'No session is signed in: open SSO Tray and sign in first.'
        : roles.length === 0
          ? 'No roles listed yet: open SSO Tray and refresh the accounts.'
          : undefined;
    store.update((s) => ({
      settings,
      quickPick: {
        query: s.quickPick?.query ?? query,
        roles,
        shown: searchRoles(roles, s.quickPick?.query ?? query),
        selected: 0,
        loading: false,
        ...(error ? { error } : {}),
      },
    }));
  } catch (error) {
    store.update({
      quickPick: { query, roles: [], shown: [], selected: 0, loading: false, error: sentenceOf(error) },
    });
  }
}

export function quickPickType({ store }: ActionContext, query: string): void {
  store.update((s) =>
    s.quickPick
      ? {
          quickPick: {
            ...s.quickPick,
            query,
            shown: searchRoles(s.quickPick.roles, query),
            selected: 0,
            note: undefined,
          },
        }
      : {},
  );
}

export function quickPickMove({ store }: ActionContext, by: number): void {
  store.update((s) => {
    const pick = s.quickPick;
    if (!pick || pick.shown.length === 0) return {};
    const selected = Math.min(Math.max(pick.selected + by, 0), pick.shown.length - 1);
    return { quickPick: { ...pick, selected } };
  });
}

export function quickPickSelect({ store }: ActionContext, index: number): void {
  store.update((s) => (s.quickPick ? { quickPick: { ...s.quickPick, selected: index } } : {}));
}

/** Closes the quick-pick: the compact window hides, the main window's overlay goes. */
export function closeQuickPick({ store }: ActionContext): void {
  if (store.state.page === 'quick-pick') window.close();
  else store.update({ quickPick: undefined });
}

export async function quickPickRun(ctx: ActionContext, action: QuickPickAction): Promise<void> {
  const pick = ctx.store.state.quickPick;
  const role = pick?.shown[pick.selected];
  if (!pick || !role) return;
  const ref = { session: role.session, accountId: role.accountId, roleName: role.roleName };
  const title = `${role.accountName} / ${role.roleName}`;
  try {
    if (action === 'access-keys') {
      if (ctx.store.state.page !== 'quick-pick') ctx.store.update({ quickPick: undefined });
      await openAccessKeys(ctx, { ...ref, accountName: role.accountName });
      return;
    }
    const done =
      action === 'open-console'
        ? await openConsole(ctx, { ...ref, accountName: role.accountName })
        : await runCopyOrWrite(ctx, action, ref, title);
    ctx.store.update((s) => ({ quickPick: s.quickPick && { ...s.quickPick, note: done, error: undefined } }));
    // The job is done: out of the way, as a launcher does.
    if (ctx.store.state.page === 'quick-pick') window.close();
    else
      ctx.store.update((s) => ({
        quickPick: undefined,
        problem: undefined,
        toast: freshAnnouncement(s.toast, done),
      }));
  } catch (error) {
    ctx.store.update((s) => ({
      quickPick: s.quickPick && { ...s.quickPick, error: sentenceOf(error), note: undefined },
    }));
  }
}

async function runCopyOrWrite(
  { api }: ActionContext,
  action: Exclude<QuickPickAction, 'access-keys' | 'open-console'>,
  ref: Pick<QuickRole, 'session' | 'accountId' | 'roleName'>,
  title: string,
): Promise<string> {
  if (action === 'write-profile') {
    const owned = await api['profiles:write'](ref);
    return `Wrote the profile ${owned.profile} for ${title} to your credentials file.`;
  }
  const what = action === 'copy-profile' ? 'profile' : defaultShell(/Windows/.test(navigator.userAgent));
  await api['credentials:copy']({ ...ref, what });
  return action === 'copy-profile'
    ? `Copied the profile block for ${title}.`
    : `Copied the environment variables for ${title}.`;
}
