// The window's entry: one store, the core's events into it, and the whole view rendered from it on each change.
// index.html?view=quick-pick is the compact quick-pick window: the same build, only the role finder.
import { render } from 'lit-html';
import './styles/base.css';
import './styles/layout.css';
import './styles/sessions.css';
import './styles/accounts.css';
import './styles/access-keys.css';
import './styles/profiles-settings.css';
import './styles/quick-pick.css';
import { createActions } from './actions/bound-actions.js';
import { startTicker, startWindow } from './actions/start-window.js';
import { api } from './api.js';
import { quickPickPage, syncDialogs } from './page-focus.js';
import { restoreFocus, watchFocus } from './focus-keeper.js';
import { initialState, Store } from './state.js';
import { appView } from './views/app-view.js';
import { revealList, takeListFromUrl } from './list-reveal.js';
import { askListNames } from './actions/whole-lists-actions.js';

const root = document.getElementById('app') as HTMLElement;
const page = new URLSearchParams(location.search).get('view') === 'quick-pick' ? 'quick-pick' : 'window';
const store = new Store(initialState(Date.now(), page));
const context = { api: api(), store };
const actions = createActions(context);
const view = page === 'quick-pick' ? quickPickPage : appView;

store.subscribe((state) => {
  // The theme the user chose; "system" leaves the colours to prefers-color-scheme.
  document.documentElement.dataset.theme = state.settings?.theme ?? 'system';
  // Times are worded against the moment of rendering; the ticker only makes sure one happens.
  render(view({ ...state, now: Date.now() }, actions), root);
  syncDialogs(root, state);
  restoreFocus(root);
  if (page === 'window') {
    revealList(root, store);
    askListNames(context);
  }
});

render(view(store.state, actions), root);
watchFocus(root);
if (page === 'quick-pick') {
  document.body.classList.add('compact');
  // Each time the compact window shows, it starts empty over the roles as they are now.
  window.addEventListener('focus', () => void actions.openQuickPick(true));
  void actions.openQuickPick(true);
} else {
  startTicker(context);
  takeListFromUrl(store, location);
  // "More…" on a window already open changes only the fragment: the page stays, the list comes into view.
  window.addEventListener('hashchange', () => takeListFromUrl(store, location));
  void startWindow(context);
  // '/' opens the quick-pick, unless the user is typing somewhere or a dialog is open.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable]');
    if (event.key !== '/' || typing || store.state.dialog || store.state.quickPick) return;
    event.preventDefault();
    void actions.openQuickPick();
  });
}
