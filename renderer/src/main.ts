// The window's entry: one store, the core's events into it, and the whole view rendered from it on each change.
import { render } from 'lit-html';
import './styles/base.css';
import './styles/layout.css';
import './styles/sessions.css';
import './styles/accounts.css';
import './styles/access-keys.css';
import './styles/profiles-settings.css';
import { createActions } from './actions.js';
import { startTicker, startWindow } from './actions/start-window.js';
import { api } from './api.js';
import { initialState, Store } from './state.js';
import { appView } from './views/app-view.js';

const root = document.getElementById('app') as HTMLElement;
const store = new Store(initialState(Date.now()));
const context = { api: api(), store };
const actions = createActions(context);

store.subscribe((state) => {
  // Times are worded against the moment of rendering; the ticker only makes sure one happens.
  render(appView({ ...state, now: Date.now() }, actions), root);
  // The dialog opens modally (focus kept inside, Escape closes) and gives focus back to its opener on close.
  const dialog = root.querySelector<HTMLDialogElement>('dialog.access-keys');
  if (dialog && state.dialog && !dialog.open) dialog.showModal();
  if (dialog && !state.dialog && dialog.open) dialog.close();
});

render(appView(store.state, actions), root);
startTicker(context);
void startWindow(context);
