// The modal dialogs follow the state (opened modally, closed when it says so), and focus goes where the user
// expects: into the quick-pick's box when it opens, back to where it was when it closes.
import { html, nothing } from 'lit-html';
import type { Actions } from './actions.js';
import { quickPickView } from './quick-pick/quick-pick-view.js';
import type { State } from './state.js';
import { accessKeysDialog } from './views/access-keys-view.js';

let opener: HTMLElement | null = null;

export function syncDialogs(root: HTMLElement, state: State): void {
  // The dialog opens modally (focus kept inside, Escape closes) and gives focus back to its opener on close.
  const dialog = root.querySelector<HTMLDialogElement>('dialog.access-keys');
  if (dialog && state.dialog && !dialog.open) dialog.showModal();
  if (dialog && !state.dialog && dialog.open) {
    dialog.close();
    // Opened from the quick-pick (Alt+K), whose box is gone: focus goes back to where the quick-pick was opened from.
    if (opener && !state.quickPick) {
      opener.focus();
      opener = null;
    }
  }

  const pick = root.querySelector<HTMLDialogElement>('dialog.quick-pick-dialog');
  if (pick && state.quickPick && !state.dialog && !pick.open) {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    pick.showModal();
  }
  if (pick && !state.quickPick && pick.open) {
    pick.close();
    // With Access keys opening in its place, the opener waits for that dialog to close.
    if (!state.dialog) {
      opener?.focus();
      opener = null;
    }
  }
  const box = root.querySelector<HTMLInputElement>('.quick-pick-box');
  if (box && !state.dialog && document.activeElement !== box) box.focus();
  // The highlighted role stays in view as the arrows move it.
  root.querySelector('.quick-pick-list [aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
}

/** The compact window's whole page: the quick-pick, and the Access keys dialog it can open. */
export function quickPickPage(state: State, actions: Actions) {
  // A page of its own: its main landmark and level-one heading, as a screen reader's landmark and heading keys expect.
  return html`<main class="quick-pick-page" aria-labelledby="quick-pick-title">
      <h1 id="quick-pick-title" class="sr-only">Find a role</h1>
      ${state.quickPick ? quickPickView(state.quickPick, actions) : nothing}
    </main>
    ${accessKeysDialog(state, actions)}`;
}
