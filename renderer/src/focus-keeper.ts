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

/** Remembers the marked element that has focus (and forgets when focus goes to an unmarked one). */
export function watchFocus(root: HTMLElement): void {
  root.addEventListener('focusin', (event) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-focus-key]');
    last = element?.dataset.focusKey
      ? { key: element.dataset.focusKey, scope: scopeOf(element), element }
      : undefined;
  });
}

/** After a render: focus lost with its element goes to the element's replacement, if the page has one yet. */
export function restoreFocus(root: HTMLElement): void {
  if (!last || (document.activeElement && document.activeElement !== document.body)) return;
  const gone = !last.element.isConnected || (last.element as HTMLButtonElement).disabled;
  // Still there and usable: the user moved focus away on purpose (a click on the page), which is theirs to do.
  if (!gone) {
    last = undefined;
    return;
  }
  const key = CSS.escape(last.key);
  const same = [...root.querySelectorAll<HTMLElement>(`[data-focus-key="${key}"]`)].filter(usable);
  const target =
    same.find((e) => scopeOf(e) === last?.scope) ??
    same[0] ??
    [...root.querySelectorAll<HTMLElement>(`[data-focus-after~="${key}"]`)].find(usable);
  target?.focus();
}

const usable = (element: HTMLElement) => !(element as HTMLButtonElement).disabled;
