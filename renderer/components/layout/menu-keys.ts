/**
 * What the menus of the page share (the menu bar's menus and the toolbar's More): moving among a menu's items with
 * the arrows, Home and End, wrapping at the ends, as the WAI-ARIA menu pattern has it; and the platform's name for
 * the command key.
 */

/** Whether this is a Mac, where Ctrl is written ⌘ and is the Meta key. */
export const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** Moves focus among `items` for ↑, ↓, Home or End; false for any other key (the caller's to handle). */
export function moveInMenu(key: string, items: readonly HTMLElement[]): boolean {
  const at = items.indexOf(document.activeElement as HTMLElement);
  const to = key === 'ArrowDown' ? at + 1 : key === 'ArrowUp' ? at - 1 : key === 'Home' ? 0 : key === 'End' ? items.length - 1 : undefined;
  if (to === undefined) return false;
  items[(to + items.length) % items.length]?.focus();
  return true;
}
