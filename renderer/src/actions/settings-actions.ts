// Settings saved as a whole, and the profiles SSO Tray wrote removed one by one.
import type { OwnedProfile, Settings } from '../api.js';
import type { Section } from '../state.js';
import { without } from './session-actions.js';
import { settingsError } from '../settings-errors.js';
import { problemOf, sentenceOf, type ActionContext } from './context.js';
import { previewConfigSync } from './config-sync-actions.js';

export type SettingsChange = Pick<
  Settings,
  | 'shareTokenCacheWithAwsCli'
  | 'removeProfilesOnSignOut'
  | 'profileNameTemplate'
  | 'preferredSignIn'
  | 'theme'
  | 'quickPickShortcut'
> & { defaultRegion: string; startAtLogin?: boolean };

/** "Restart to update": the app quits into the new version once no file write is in flight. */
export async function restartToUpdate({ api, store }: ActionContext): Promise<void> {
  try {
    await api['app:restart-to-update']({});
  } catch (error) {
    store.update({ settingsTask: { busy: false, error: sentenceOf(error) } });
  }
}

export async function saveSettings({ api, store }: ActionContext, change: SettingsChange): Promise<void> {
  store.update({ settingsTask: { busy: true } });
  try {
    // An empty region clears the setting.
    const settings = await api['settings:update']({
      ...change,
      defaultRegion: change.defaultRegion.trim() || undefined,
    });
    store.update({ settings, settingsTask: { busy: false, done: 'Settings saved.' } });
  } catch (error) {
    const { text, field } = settingsError(problemOf(error));
    store.update({ settingsTask: { busy: false, error: text, ...(field ? { field } : {}) } });
  }
}

export async function removeProfile({ api, store }: ActionContext, profile: string): Promise<void> {
  try {
    await api['profiles:remove']({ profile });
    const profiles = await api['profiles:list']({});
    store.update((s) => ({ profiles, profileErrors: without(s.profileErrors, profile) }));
  } catch (error) {
    store.update((s) => ({ profileErrors: { ...s.profileErrors, [profile]: sentenceOf(error) } }));
  }
}

/** Keep-fresh on or off for a written profile: the profile is written again (fresh credentials) with the choice. */
export async function setProfileKeepFresh(
  { api, store }: ActionContext,
  p: OwnedProfile,
  keepFresh: boolean,
): Promise<void> {
  try {
    await api['profiles:write']({
      session: p.session,
      accountId: p.accountId,
      roleName: p.roleName,
      profile: p.profile,
      keepFresh,
    });
    const profiles = await api['profiles:list']({});
    store.update((s) => ({ profiles, profileErrors: without(s.profileErrors, p.profile) }));
  } catch (error) {
    store.update((s) => ({ profileErrors: { ...s.profileErrors, [p.profile]: sentenceOf(error) } }));
  }
}

export function showSection(ctx: ActionContext, section: Section): void {
  ctx.store.update({ section, settingsTask: { busy: false } });
  // Profiles shows what a sync of ~/.aws/config would change, worked out afresh each time.
  if (section === 'profiles') void previewConfigSync(ctx);
  // An update may have finished downloading since the window opened: Settings asks again what waits.
  if (section === 'settings')
    void ctx.api['app:capabilities']({}).then(
      (capabilities) => ctx.store.update({ capabilities }),
      () => undefined,
    );
}

export function dismissProblem({ store }: ActionContext): void {
  store.update({ problem: undefined });
}
