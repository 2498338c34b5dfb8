// Focus survives a re-render that replaces the focused element (a star moved to Favourites, a button swapped for the
// next step): an element marked data-focus-key gets focus back, or the element that names that key in its
// data-focus-after list takes it. Without this the browser drops focus to <body>, and a keyboard user starts over.
// https://www.w3.org/WAI/WCAG21/Understanding/focus-order.html

interface Focused {
  key: string;
  /** The labelled section it was in: the same key may be in Favourites and in All accounts. */
  scope: string | undefined;
  element: HTMLElement;
}

let last: Focused | undefined;

const scopeOf = (element: Element) =>
  element
    .closest('[aria-labelledby], [aria-label]:not(button):not(input)')
    ?.getAttribute('aria-labelledby') ?? undefined;

/** Remembers the marked element that has focus (and forgets when focus goes to an unmarked one, or the mouse acts). */
export function watchFocus(root: HTMLElement): void {
  root.addEventListener('focusin', (event) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-focus-key]');
    last = element?.dataset.focusKey
      ? { key: element.dataset.focusKey, scope: scopeOf(element), element }
      : undefined;
  });
  // A click puts focus where the user points, on the page itself too: that is theirs to do, and never undone here.
  document.addEventListener('pointerdown', () => (last = undefined), { capture: true });
}

/** After a render: focus lost with its element (removed, disabled or moved) goes back to it or its replacement. */
export function restoreFocus(root: HTMLElement): void {
  if (!last || !focusLost()) return;
  // A node the list moved (Chromium blurs a moved element) is still the one the user was on.
  if (last.element.isConnected && usable(last.element)) last.element.focus();
  if (focusLost()) focusByKey(root, last.key, last.scope);
}

/** The key of the marked element that has focus now (a dialog's opener, to return to when it closes). */
export function focusedKey(): string | undefined {
  const active = document.activeElement;
  return active instanceof HTMLElement
    ? active.closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey
    : undefined;
}

/** Focus to the usable element of that key (in that scope first), else to one that takes over from it. */
export function focusByKey(root: HTMLElement, key: string, scope?: string): void {
  const escaped = CSS.escape(key);
  const same = [...root.querySelectorAll<HTMLElement>(`[data-focus-key="${escaped}"]`)].filter(usable);
  const after = [...root.querySelectorAll<HTMLElement>(`[data-focus-after~="${escaped}"]`)].filter(usable);
  const candidates = [...same.filter((e) => scopeOf(e) === scope), ...same, ...after];
  for (const candidate of candidates) {
    candidate.focus();
    if (!focusLost()) return;
  }
}

const focusLost = () => !document.activeElement || document.activeElement === document.body;
const usable = (element: HTMLElement) => !(element as HTMLButtonElement).disabled;
