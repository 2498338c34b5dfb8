// The window's first moments: listen, then read sessions, settings and profiles, and show the best session.
import { loadAccounts } from './account-actions.js';
import { listenToCore } from './core-events.js';
import { sentenceOf, type ActionContext } from './context.js';

export async function startWindow(ctx: ActionContext): Promise<void> {
  const { api, store } = ctx;
  listenToCore(ctx);
  try {
    const [sessions, settings, profiles, capabilities, served] = await Promise.all([
      api['sessions:list']({}),
      api['settings:get']({}),
      api['profiles:list']({}),
      api['app:capabilities']({}),
      api['endpoints:list']({}),
    ]);
    // A signed-in session first: that is the one whose accounts the user came for.
    const best = sessions.find((s) => s.state === 'signed-in') ?? sessions[0];
    store.update({
      ready: true,
      sessions,
      settings,
      profiles,
      capabilities,
      served,
      selected: best?.name,
      addSession: { ...store.state.addSession, open: sessions.length === 0 },
    });
    if (best) await loadAccounts(ctx, best.name);
  } catch (error) {
    store.update({ ready: true, loadError: sentenceOf(error) });
  }
}

/** The clock the countdowns and ages read: every second while a sign-in waits, else every half minute. */
export function startTicker({ store }: ActionContext): void {
  let timer: ReturnType<typeof setInterval> | undefined;
  let fast: boolean | undefined;
  const arm = () => {
    const wantFast = Object.keys(store.state.signIns).length > 0;
    if (wantFast === fast) return;
    fast = wantFast;
    clearInterval(timer);
    timer = setInterval(() => store.update({ now: Date.now() }), fast ? 1000 : 30_000);
  };
  store.subscribe(arm);
  arm();
}
