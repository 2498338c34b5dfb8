// The quick-pick: a search box over every role, the matches (favourites and recent first) and the keys that act
// on the highlighted one. The same view is the compact window's whole page and the main window's '/' overlay.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { queryWords } from '../account-search.js';
import type { Actions } from '../actions/bound-actions.js';
import type { State } from '../state.js';
import { marked } from '../views/account-rows.js';
import { QUICK_PICK_KEYS, type QuickPickState } from './quick-pick-state.js';

export function quickPickView(pick: QuickPickState, actions: Actions) {
  const words = queryWords(pick.query);
  const onKey = (event: KeyboardEvent) => {
    // Focus stays in the box, where every key works: Tab and Shift+Tab move the highlight as the arrows do.
    const tab = event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || tab) {
      event.preventDefault();
      actions.quickPickMove(event.key === 'ArrowDown' || (tab && !event.shiftKey) ? 1 : -1);
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      actions.closeQuickPick();
      return;
    }
    const binding = QUICK_PICK_KEYS.find((k) =>
      k.alt ? event.altKey && event.code === k.key : !event.altKey && event.key === k.key,
    );
    if (!binding || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    void actions.quickPickRun(binding.action);
  };
  const active = pick.shown[pick.selected];
  return html`<div class="quick-pick">
    <input
      class="quick-pick-box"
      type="text"
      role="combobox"
      aria-label="Find a role"
      aria-expanded="true"
      aria-controls="quick-pick-list"
      aria-autocomplete="list"
      aria-activedescendant=${active ? `quick-pick-${pick.selected}` : nothing}
      placeholder="Find a role: account name, id, e-mail or role"
      autocomplete="off"
      spellcheck="false"
      .value=${live(pick.query)}
      @input=${(e: Event) => actions.quickPickType((e.target as HTMLInputElement).value)}
      @keydown=${onKey}
    />
    ${
      pick.loading
        ? html`<p class="muted quick-pick-empty" role="status">Gathering your roles…</p>`
        : pick.shown.length === 0 && !pick.error
          ? html`<p class="muted quick-pick-empty">No role matches “${pick.query}”.</p>`
          : nothing
    }
    <!-- Not a Tab stop of its own (Chromium makes a scroller one): the box drives it (aria-activedescendant). -->
    <ul class="quick-pick-list" id="quick-pick-list" role="listbox" aria-label="Roles" tabindex="-1">
      ${pick.shown.map(
        (role, i) =>
          html`<li
            role="option"
            id="quick-pick-${i}"
            aria-selected=${i === pick.selected ? 'true' : 'false'}
            @mousemove=${() => i !== pick.selected && actions.quickPickSelect(i)}
            @click=${() => actions.quickPickRun('copy-env')}
          >
            <span class="quick-role">${marked(role.roleName, words)}</span>
            <span class="quick-account"
              >${marked(role.accountName, words)} ·
              <span class="mono">${marked(role.accountId, words)}</span> · ${role.session}</span
            >
            ${
              role.tier === 0
                ? html`<span class="tag" title="Favourite">★</span>`
                : role.tier === 1
                  ? html`<span class="tag">Recent</span>`
                  : nothing
            }
          </li>`,
      )}
    </ul>
    <p class=${pick.error ? 'error' : 'note'} role=${pick.error ? 'alert' : 'status'}>
      ${pick.error ?? pick.note ?? ''}
    </p>
    <footer class="quick-pick-keys" aria-label="Keys">
      ${QUICK_PICK_KEYS.map((k) => html`<span><kbd>${k.label}</kbd> ${k.text}</span>`)}
      <span><kbd>Esc</kbd> close</span>
    </footer>
  </div>`;
}

/** The main window's overlay, opened by '/'. */
export function quickPickDialog(state: State, actions: Actions) {
  return html`<dialog
    class="quick-pick-dialog"
    aria-label="Find a role"
    @cancel=${(e: Event) => {
      e.preventDefault();
      actions.closeQuickPick();
    }}
  >
    ${state.quickPick ? quickPickView(state.quickPick, actions) : nothing}
  </dialog>`;
}
