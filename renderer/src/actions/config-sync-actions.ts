// "Profiles in ~/.aws/config": what a sync with the user's choices would change for the chosen session (a dry run),
// Apply (which saves the choices), and the setting that keeps them in sync after each listing.
import type { State } from '../state.js';
import {
  choiceFieldOf,
  choicesToSave,
  choicesToSend,
  syncChoicesOf,
  type SyncChoices,
} from '../sync-choices.js';
import { problemOf, sentenceOf, type ActionContext } from './context.js';

/** The preview uses the listing the window already has (any age): it costs no call to Identity Center. */
const ANY_AGE_SECONDS = 10 * 365 * 86_400;

function sessionOf({ store }: ActionContext): string | undefined {
  return store.state.selected ?? store.state.accounts?.session;
}

const request = (state: State) => {
  const choices = syncChoicesOf(state);
  return choices ? choicesToSend(choices) : {};
};

// One dry run at a time: a change made while one runs asks for one more, with the newest choices (typing a template
// costs at most two runs in flight, never one per key).
let running: Promise<void> | undefined;
let again = false;

export function previewConfigSync(ctx: ActionContext): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await previewOnce(ctx);
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function previewOnce(ctx: ActionContext): Promise<void> {
  const { api, store } = ctx;
  const session = sessionOf(ctx);
  if (!session) return;
  // The last preview stays on screen while the next is worked out (no flicker as the user types).
  const shown = store.state.configSync?.session === session ? store.state.configSync.preview : undefined;
  store.update({ configSync: { session, loading: true, busy: false, ...(shown ? { preview: shown } : {}) } });
  try {
    const preview = await api['config:sync']({
      session,
      ...request(store.state),
      dryRun: true,
      maxAgeSeconds: ANY_AGE_SECONDS,
    });
    store.update({ configSync: { session, loading: false, busy: false, preview } });
  } catch (error) {
    const sentence = sentenceOf(error);
    const field = choiceFieldOf(problemOf(error));
    store.update({
      configSync: { session, loading: false, busy: false, error: sentence, ...(field ? { field } : {}) },
    });
  }
}

/** A field changed: the preview follows at once (a dry run); nothing is saved until Apply. */
export function setSyncChoice(ctx: ActionContext, change: Partial<SyncChoices>): Promise<void> {
  const current = syncChoicesOf(ctx.store.state);
  if (!current) return Promise.resolve();
  ctx.store.update({ syncChoices: { ...current, ...change } });
  return previewConfigSync(ctx);
}

export async function applyConfigSync(ctx: ActionContext): Promise<void> {
  const { api, store } = ctx;
  const current = store.state.configSync;
  const choices = syncChoicesOf(store.state);
  if (!current || !choices) return;
  const { session } = current;
  store.update({
    configSync: { ...current, busy: true, error: undefined, field: undefined, done: undefined },
  });
  try {
    const sent = choicesToSend(choices);
    const applied = await api['config:sync']({ session, ...sent, maxAgeSeconds: ANY_AGE_SECONDS });
    // Saved once written: the sync after each listing and `sso-tray config sync` now write the same names.
    const settings = await api['settings:update']({ configSync: choicesToSave(choices) });
    store.update({ settings, syncChoices: undefined });
    const preview = await api['config:sync']({
      session,
      ...sent,
      dryRun: true,
      maxAgeSeconds: ANY_AGE_SECONDS,
    });
    const done = `${applied.summary.join(' ')} These choices are saved for the sync after each listing and sso-tray config sync.`;
    store.update({ configSync: { session, loading: false, busy: false, preview, done } });
  } catch (error) {
    const field = choiceFieldOf(problemOf(error));
    store.update({
      configSync: { ...current, busy: false, error: sentenceOf(error), field },
    });
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
