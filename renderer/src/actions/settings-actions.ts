// Settings saved as a whole, and the profiles SSO Tray wrote removed one by one.
import type { Settings } from '../api.js';
import { without } from './session-actions.js';
import { sentenceOf, type ActionContext } from './context.js';

export type SettingsChange = Pick<
  Settings,
  'shareTokenCacheWithAwsCli' | 'removeProfilesOnSignOut' | 'profileNameTemplate' | 'preferredSignIn'
> & { defaultRegion: string };

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
    store.update({ settingsTask: { busy: false, error: sentenceOf(error) } });
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

export function showSection({ store }: ActionContext, section: 'accounts' | 'profiles' | 'settings'): void {
  store.update({ section, settingsTask: { busy: false } });
}

export function dismissProblem({ store }: ActionContext): void {
  store.update({ problem: undefined });
}
