// The modal dialogs follow the state (opened modally, closed when it says so), and focus goes where the user
// expects: into the quick-pick's box when it opens, back to where it was when it closes.
import { html, nothing } from 'lit-html';
import type { Actions } from './actions/bound-actions.js';
import { quickPickView } from './quick-pick/quick-pick-view.js';
import type { State } from './state.js';
import { accessKeysDialog } from './views/access-keys-view.js';
import { focusByKey, focusedKey } from './focus-keeper.js';

let opener: HTMLElement | null = null;
/** The marked element focused when a dialog opened (or the quick-pick that opened it), to go back to on close. */
let returnKey: string | undefined;

export function syncDialogs(root: HTMLElement, state: State): void {
  const dialog = root.querySelector<HTMLDialogElement>('dialog.access-keys');
  const pick = root.querySelector<HTMLDialogElement>('dialog.quick-pick-dialog');
  if (pick && !state.quickPick && pick.open) {
    pick.close();
    opener?.focus();
    opener = null;
  }
  // The dialog opens modally (focus kept inside, Escape closes) and gives focus back to its opener on close.
  if (dialog && state.dialog && !dialog.open) {
    returnKey = focusedKey() ?? returnKey;
    dialog.showModal();
  }
  if (dialog && !state.dialog && dialog.open) dialog.close();
  // Both closed (by the state, or by Escape natively): the opener may have been re-rendered meanwhile (the role
  // became recent), so the same control is found again by its key.
  if (!state.dialog && !state.quickPick && returnKey !== undefined) {
    if (!root.contains(document.activeElement)) focusByKey(root, returnKey);
    returnKey = undefined;
  }
  if (pick && state.quickPick && !state.dialog && !pick.open) {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    returnKey = focusedKey();
    pick.showModal();
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
