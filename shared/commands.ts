/**
 * The app's commands as data: one table read by the desktop menu (the shell builds it from `MENUS`), by the
 * page's own menu bar in the browser, by the page's keyboard shortcuts and by the shortcuts list. A command is
 * carried out in one place, the page's dispatcher, whichever of these asked for it; so the browser exercises
 * every command the desktop menu has.
 *
 * Keys are written as Electron accelerators (`CmdOrCtrl+Shift+E`, `F`, `?`). A key that is the page's own
 * (`pageKey`) is shown in the desktop menu but not registered there: a single letter must keep reaching text
 * fields, so the page decides when it is a command.
 */

/** Commands the page carries out (the desktop menu sends them to the page; see `ServiceEvent` `menu`). */
export const PAGE_COMMANDS = [
  'open',
  'open-sample',
  'save-version',
  'export',
  'undo',
  'redo',
  'find',
  'replace',
  'flag',
  'edit-paragraph',
  'mark-reviewed',
  'compare',
  'report',
  'adjudicate',
  'settings',
  'go-to',
  'text-larger',
  'text-smaller',
  'text-reset',
  'toggle-panel',
  'shortcuts',
] as const;

export type PageCommand = (typeof PAGE_COMMANDS)[number];

export function isPageCommand(value: string): value is PageCommand {
  return (PAGE_COMMANDS as readonly string[]).includes(value);
}

export interface CommandSpec {
  /** The menu item's label ("Save Version…": an ellipsis when a dialog asks for more). */
  readonly label: string;
  /** Its key, as an Electron accelerator; absent when it has none. */
  readonly key?: string;
  /** The key is the page's: shown in the desktop menu, not registered there (see the file comment). */
  readonly pageKey?: true;
  /** What it does, for the shortcuts list. */
  readonly about: string;
}

export const COMMANDS: Readonly<Record<PageCommand, CommandSpec>> = {
  open: { label: 'Open…', key: 'CmdOrCtrl+O', about: 'Open an article' },
  'open-sample': { label: 'Open Sample Article', about: 'Open the bundled sample article' },
  'save-version': { label: 'Save Version…', key: 'CmdOrCtrl+S', about: 'Save a version of the whole article' },
  export: { label: 'Export…', key: 'CmdOrCtrl+Shift+E', about: 'Export the corrected article' },
  undo: { label: 'Undo', key: 'CmdOrCtrl+Z', about: 'Undo' },
  redo: { label: 'Redo', key: 'CmdOrCtrl+Shift+Z', about: 'Redo (Ctrl+Y too)' },
  find: { label: 'Find…', key: 'CmdOrCtrl+F', about: 'Find in the whole article (Enter / Shift+Enter: next / previous match; Esc closes)' },
  replace: { label: 'Replace…', key: 'CmdOrCtrl+H', about: 'Replace in the translation: one match, or all of them as one undo step' },
  flag: {
    label: 'Flag Selection…',
    key: 'F',
    pageKey: true,
    about: 'Flag the selected phrase (or type a phrase of the paragraph in focus)',
  },
  'edit-paragraph': {
    label: 'Edit Paragraph',
    key: 'E',
    pageKey: true,
    about: 'Edit the paragraph in focus (Enter too; Esc leaves the editor)',
  },
  'mark-reviewed': {
    label: 'Mark Reviewed and Go On',
    key: 'CmdOrCtrl+Enter',
    pageKey: true,
    about: 'Mark the paragraph in focus reviewed and go to the next; in a dialog, save it',
  },
  compare: { label: 'Compare Versions', key: 'C', pageKey: true, about: 'Compare versions (N / P: next / previous change; Esc closes)' },
  report: {
    label: 'Quality Report',
    key: 'R',
    pageKey: true,
    about: 'Quality report of the review (Esc closes; a paragraph link opens it)',
  },
  adjudicate: { label: 'Adjudicate…', about: 'Adjudicate between the flags of several reviewers of this article' },
  settings: { label: 'Review Settings…', key: 'CmdOrCtrl+,', about: 'Review settings: your name, scoring, typology, checks' },
  'go-to': { label: 'Go to Paragraph…', key: 'CmdOrCtrl+G', about: 'Go to a paragraph by its number' },
  'text-larger': { label: 'Larger Text', key: 'CmdOrCtrl+=', about: 'Larger article text (Ctrl+plus)' },
  'text-smaller': { label: 'Smaller Text', key: 'CmdOrCtrl+-', about: 'Smaller article text' },
  'text-reset': { label: 'Default Text Size', key: 'CmdOrCtrl+0', about: 'Article text at its default size' },
  'toggle-panel': { label: 'Show or Hide Side Panel', key: 'CmdOrCtrl+B', about: 'Hide or show the side panel (scores, flags, versions)' },
  shortcuts: { label: 'Keyboard Shortcuts', key: '?', pageKey: true, about: 'Show the list of keys' },
};

/** What the desktop app does itself, beside the page's commands: native file dialogs, the recent list, edit roles. */
export type ShellItem =
  'open-with-source' | 'open-recent' | 'cut' | 'copy' | 'paste' | 'select-all' | 'quit' | 'full-screen' | 'developer-tools';

export type MenuItemRef = PageCommand | ShellItem | 'separator';

export interface MenuSpec {
  /** The label with its access key marked by `&` (`&File`), as Electron and Windows write it. */
  readonly label: string;
  readonly items: readonly MenuItemRef[];
}

/** The menus, in order. The page's menu bar shows the same, without the items only the desktop app has. */
export const MENUS: readonly MenuSpec[] = [
  {
    label: '&File',
    items: ['open', 'open-with-source', 'open-recent', 'open-sample', 'separator', 'save-version', 'export', 'separator', 'quit'],
  },
  {
    label: '&Edit',
    items: ['undo', 'redo', 'separator', 'find', 'replace', 'separator', 'cut', 'copy', 'paste', 'select-all'],
  },
  {
    label: '&Review',
    items: ['flag', 'edit-paragraph', 'mark-reviewed', 'go-to', 'separator', 'compare', 'report', 'adjudicate', 'separator', 'settings'],
  },
  {
    label: '&View',
    items: [
      'text-larger',
      'text-smaller',
      'text-reset',
      'separator',
      'toggle-panel',
      'full-screen',
      'separator',
      'shortcuts',
      'developer-tools',
    ],
  },
];

/** A menu label without its access-key mark: `&File` → `File`. */
export function plainLabel(label: string): string {
  return label.replace(/&(.)/g, '$1');
}

/** A key as people read it on this platform: `CmdOrCtrl+Shift+E` → `Ctrl+Shift+E` (`⌘⇧E` on a Mac). */
export function keyLabel(accelerator: string, mac = false): string {
  if (mac) {
    return accelerator.replace('CmdOrCtrl+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥').replace('Enter', '↩');
  }
  return accelerator.replace('CmdOrCtrl+', 'Ctrl+').replace('Ctrl+=', 'Ctrl+plus');
}

/** The parts of an accelerator, for matching a key press: modifiers, and the key itself in lower case. */
export interface KeyChord {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly key: string;
}

export function parseAccelerator(accelerator: string): KeyChord {
  const parts = accelerator.split('+');
  // `CmdOrCtrl+=` splits as ['CmdOrCtrl', '='], `CmdOrCtrl+-` as ['CmdOrCtrl', '-']; a trailing '+' would be ''.
  const key = parts.pop() ?? '';
  return {
    mod: parts.includes('CmdOrCtrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: key.toLowerCase(),
  };
}

/** Whether a key press (`key` as the browser reports it) is this chord. A lone `?` or capital letter brings its own Shift. */
export function matchesChord(
  chord: KeyChord,
  press: {
    readonly key: string;
    readonly ctrlKey: boolean;
    readonly metaKey: boolean;
    readonly shiftKey: boolean;
    readonly altKey: boolean;
  },
): boolean {
  if (chord.mod !== (press.ctrlKey || press.metaKey) || chord.alt !== press.altKey) return false;
  const key = press.key.toLowerCase();
  // Printed symbols carry their Shift in the character itself ('?', '+'); only letters and named keys check it.
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  if (!symbol && chord.shift !== press.shiftKey) return false;
  return key === chord.key || (chord.key === '=' && key === '+');
}
