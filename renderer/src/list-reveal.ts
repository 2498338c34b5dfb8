// The tray's "More…" opens the window on a list (index.html#favourites or #recent): the accounts, unsearched, with
// that list scrolled into view and its heading focused once it has rendered.
import type { Store } from './state.js';

/** Reads the list the URL asks for, asks the store for it, and clears the fragment so the next "More…" counts too. */
export function takeListFromUrl(store: Store, where: Pick<Location, 'hash' | 'pathname' | 'search'>): void {
  const list = where.hash.slice(1);
  if (list !== 'favourites' && list !== 'recent') return;
  // The whole list, every session's, as the tray counted it.
  store.update({
    section: 'accounts',
    query: '',
    dialog: undefined,
    reveal: list,
    wholeLists: { names: {} },
  });
  history.replaceState(null, '', `${where.pathname}${where.search}`);
}

/** After a render: once the asked-for list is on the page, bring it into view and forget the request. */
export function revealList(root: HTMLElement, store: Store): void {
  const list = store.state.reveal;
  if (!list) return;
  const heading = root.querySelector<HTMLElement>(`#${list === 'recent' ? 'recent' : 'favourites'}-title`);
  if (!heading) {
    // The list is empty for this session: nothing to show, and no later render should jump to it.
    const accounts = store.state.accounts;
    if (accounts?.listing && !accounts.loading) store.update({ reveal: undefined });
    return;
  }
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus();
  store.update({ reveal: undefined });
}
