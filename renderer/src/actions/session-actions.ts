// Adding, choosing, signing in to and out of sessions.
import type { SessionView } from '../api.js';
import { sessionFormHints, type SessionFields } from '../session-form-hints.js';
import type { Store } from '../state.js';
import { loadAccounts } from './account-actions.js';
import { codeOf, sentenceOf, type ActionContext } from './context.js';

export function selectSession({ api, store }: ActionContext, name: string): void {
  if (store.state.selected === name) return;
  // Choosing a session shows its own lists again (not the whole ones "More…" opened on).
  store.update({ selected: name, query: '', expanded: new Set(), wholeLists: undefined });
  void loadAccounts({ api, store }, name);
}

export function hintSessionForm({ store }: ActionContext, fields: SessionFields, touched?: string): void {
  store.update((s) => {
    const before = s.addSession.touched ?? [];
    const all = touched && !before.includes(touched) ? [...before, touched] : before;
    return { addSession: { ...s.addSession, hints: sessionFormHints(fields), touched: all } };
  });
}

export function toggleAddSession({ store }: ActionContext, open: boolean): void {
  store.update((s) => ({
    addSession: { ...s.addSession, open, error: undefined, showHints: false, touched: [] },
  }));
}

/** Returns whether the session was added (the form then clears itself). */
export async function addSession({ api, store }: ActionContext, fields: SessionFields): Promise<boolean> {
  const hints = sessionFormHints(fields);
  if (Object.keys(hints).length) {
    store.update((s) => ({ addSession: { ...s.addSession, hints, showHints: true, error: undefined } }));
    return false;
  }
  store.update((s) => ({ addSession: { ...s.addSession, busy: true, error: undefined } }));
  try {
    const view = await api['sessions:add']({
      name: fields.name.trim(),
      startUrl: fields.startUrl.trim(),
      region: fields.region.trim(),
    });
    store.update((s) => ({
      sessions: upsert(s.sessions, view),
      addSession: { open: false, busy: false, hints: {}, showHints: false },
      section: 'accounts',
    }));
    selectSession({ api, store }, view.name);
    return true;
  } catch (error) {
    store.update((s) => ({ addSession: { ...s.addSession, busy: false, error: sentenceOf(error) } }));
    return false;
  }
}

export async function removeSession({ api, store }: ActionContext, name: string): Promise<void> {
  try {
    await api['sessions:remove']({ session: name });
    store.update((s) => ({
      sessions: s.sessions.filter((v) => v.name !== name),
      ...(s.selected === name ? { selected: undefined, accounts: undefined } : {}),
    }));
  } catch (error) {
    note(store, name, sentenceOf(error), true);
  }
}

export async function signIn(
  { api, store }: ActionContext,
  name: string,
  flow: 'browser' | 'device-code',
): Promise<void> {
  store.update((s) => ({
    signIns: { ...s.signIns, [name]: { flow } },
    sessionNotes: without(s.sessionNotes, name),
    signInNeeded: without(s.signInNeeded, name),
    codeCopied: without(s.codeCopied, name),
  }));
  try {
    const view = await api['sessions:sign-in']({ session: name, flow });
    store.update((s) => ({ sessions: upsert(s.sessions, view), signIns: without(s.signIns, name) }));
    if (store.state.selected === name) void loadAccounts({ api, store }, name);
  } catch (error) {
    const cancelled = store.state.signIns[name]?.cancelled && codeOf(error) === 'sign-in-cancelled';
    store.update((s) => ({
      signIns: without(s.signIns, name),
      sessionNotes: cancelled
        ? s.sessionNotes
        : { ...s.sessionNotes, [name]: { text: sentenceOf(error), error: true } },
    }));
  }
}

export async function cancelSignIn({ api, store }: ActionContext, name: string): Promise<void> {
  store.update((s) => {
    const activity = s.signIns[name];
    return activity ? { signIns: { ...s.signIns, [name]: { ...activity, cancelled: true } } } : {};
  });
  try {
    await api['sessions:cancel-sign-in']({ session: name });
  } catch (error) {
    note(store, name, sentenceOf(error), true);
  }
}

export async function signOut({ api, store }: ActionContext, name: string): Promise<void> {
  try {
    const { removedProfiles } = await api['sessions:sign-out']({ session: name });
    const text = removedProfiles.length
      ? `Signed out; removed the profiles ${removedProfiles.join(', ')}.`
      : 'Signed out.';
    note(store, name, text, false);
  } catch (error) {
    note(store, name, sentenceOf(error), true);
  }
}

function note(store: Store, name: string, text: string, error: boolean): void {
  store.update((s) => ({ sessionNotes: { ...s.sessionNotes, [name]: { text, error } } }));
}

export function upsert(sessions: SessionView[], view: SessionView): SessionView[] {
  const rest = sessions.filter((s) => s.name !== view.name);
  return [...rest, view].sort((a, b) => a.name.localeCompare(b.name));
}

export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The device code or its address to the clipboard, or its page in the browser (the main process does both). */
export async function useSignInPage(
  { api, store }: ActionContext,
  name: string,
  action: 'copy-code' | 'copy-address' | 'open',
): Promise<void> {
  try {
    await api['sessions:sign-in-page']({ session: name, action });
    if (action !== 'open')
      store.update((s) => ({
        codeCopied: { ...s.codeCopied, [name]: action === 'copy-code' ? 'code' : 'address' },
      }));
  } catch (error) {
    note(store, name, sentenceOf(error), true);
  }
}
