// "Profiles in ~/.aws/config": what a sync would change for the chosen session (a dry run), Apply, and the setting
// that keeps them in sync after each listing.
import { sentenceOf, type ActionContext } from './context.js';

/** The preview uses the listing the window already has (any age): it costs no call to Identity Center. */
const ANY_AGE_SECONDS = 10 * 365 * 86_400;

function sessionOf({ store }: ActionContext): string | undefined {
  return store.state.selected ?? store.state.accounts?.session;
}

export async function previewConfigSync(ctx: ActionContext): Promise<void> {
  const { api, store } = ctx;
  const session = sessionOf(ctx);
  if (!session) return;
  store.update({ configSync: { session, loading: true, busy: false } });
  try {
    const preview = await api['config:sync']({ session, dryRun: true, maxAgeSeconds: ANY_AGE_SECONDS });
    store.update({ configSync: { session, loading: false, busy: false, preview } });
  } catch (error) {
    store.update({ configSync: { session, loading: false, busy: false, error: sentenceOf(error) } });
  }
}

export async function applyConfigSync(ctx: ActionContext): Promise<void> {
  const { api, store } = ctx;
  const current = store.state.configSync;
  if (!current) return;
  const { session } = current;
  store.update({ configSync: { ...current, busy: true, error: undefined, done: undefined } });
  try {
    const applied = await api['config:sync']({ session, maxAgeSeconds: ANY_AGE_SECONDS });
    const preview = await api['config:sync']({ session, dryRun: true, maxAgeSeconds: ANY_AGE_SECONDS });
    store.update({
      configSync: { session, loading: false, busy: false, preview, done: applied.summary.join(' ') },
    });
  } catch (error) {
    store.update({ configSync: { ...current, busy: false, error: sentenceOf(error) } });
  }
}

export async function setSyncAfterListing({ api, store }: ActionContext, on: boolean): Promise<void> {
  try {
    const settings = await api['settings:update']({ syncConfigProfiles: on });
    store.update({ settings });
  } catch (error) {
    store.update((s) => (s.configSync ? { configSync: { ...s.configSync, error: sentenceOf(error) } } : {}));
  }
}
