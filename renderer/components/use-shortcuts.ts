/**
 * The app's commands by keyboard, by the desktop menu, by the page's menu bar and by the toolbar, in one place:
 * `runCommand` carries out each command of `shared/commands.ts`, whoever asked for it, and the command keys are
 * read from that table. The keys that move around the article and act on the chosen flag are not menu commands
 * and are read here too. Listeners are installed once and always call the latest actions (kept in a ref), so a
 * key pressed right after a state change acts on the new state.
 */
import { useCallback, useEffect, useRef } from 'react';
import { COMMANDS, matchesChord, PAGE_COMMANDS, parseAccelerator, type PageCommand } from '../../shared/commands';
import type { RedlineClient } from '../../shared/contract';
import type { Annotation, AnnotationStatus } from '../../shared/model';
import { assertNever } from '../../shared/result';

export interface ShortcutActions {
  readonly hasReview: boolean;
  /** Keys that act on the article are off while a paragraph is edited or versions are compared. */
  readonly articleKeysOff: boolean;
  readonly current: number;
  readonly loaded: number;
  readonly selectedFlag: Annotation | undefined;
  /** The chosen suggestion of an automatic check, if any (never at the same time as a chosen flag). */
  readonly hasSelectedSuggestion: boolean;
  /** Chooses the next (1) or previous (-1) suggestion in article order. */
  stepSuggestion(step: 1 | -1): void;
  acceptSuggestion(): void;
  dismissSuggestion(): void;
  goTo(index: number): void;
  open(): void;
  focusGoTo(): void;
  settings(): void;
  saveVersion(): void;
  exportArticle(): void;
  undo(): void;
  redo(): void;
  editParagraph(): void;
  /** Marks the paragraph in focus reviewed and moves to the next one (Ctrl+Enter). */
  markReviewed(): void;
  /** Moves to the next (1) or previous (-1) paragraph not reviewed yet (N, Shift+N). */
  stepNotReviewed(step: 1 | -1): void;
  compare(): void;
  /** Opens or closes the quality report of the review. */
  report(): void;
  /** Opens adjudication between raters (the desktop menu's Review > Adjudicate…). */
  adjudicate(): void;
  flag(): void;
  /** Chooses the next (1) or previous (-1) flag in article order. */
  stepFlag(step: 1 | -1): void;
  deselectFlag(): void;
  editFlag(flag: Annotation): void;
  setStatus(flag: Annotation, status: AnnotationStatus): void;
  deleteFlag(flag: Annotation): void;
  shortcuts(): void;
  /** Opens the find bar over the whole article (Ctrl+F), with its replace row when `replace` (Ctrl+H). */
  find(replace: boolean): void;
  openSample(): void;
  /** Text one step larger (1), smaller (-1), or back to its default size (0). */
  textSize(step: 1 | -1 | 0): void;
  togglePanel(): void;
}

/** Whether a command can be carried out now (the menu bar greys it out when not). */
export function commandEnabled(a: ShortcutActions, command: PageCommand): boolean {
  switch (command) {
    case 'open':
    case 'open-sample':
    case 'shortcuts':
    case 'text-larger':
    case 'text-smaller':
    case 'text-reset':
    case 'toggle-panel':
    case 'undo':
    case 'redo':
      return true;
    case 'go-to':
      return a.loaded > 0;
    case 'save-version':
    case 'export':
    case 'find':
    case 'replace':
    case 'flag':
    case 'edit-paragraph':
    case 'mark-reviewed':
    case 'compare':
    case 'report':
    case 'adjudicate':
    case 'settings':
      return a.hasReview;
    default:
      return assertNever(command, 'command');
  }
}

/** Carries out a command of the app, from whichever place asked for it. */
export function runCommand(a: ShortcutActions, command: PageCommand): void {
  if (!commandEnabled(a, command)) return;
  switch (command) {
    case 'open':
      return a.open();
    case 'open-sample':
      return a.openSample();
    case 'save-version':
      return a.saveVersion();
    case 'export':
      return a.exportArticle();
    case 'undo':
      return a.undo();
    case 'redo':
      return a.redo();
    case 'find':
    case 'replace':
      return a.find(command === 'replace');
    case 'flag':
      return a.flag();
    case 'edit-paragraph':
      return a.editParagraph();
    case 'mark-reviewed':
      return a.markReviewed();
    case 'compare':
      return a.compare();
    case 'report':
      return a.report();
    case 'adjudicate':
      return a.adjudicate();
    case 'settings':
      return a.settings();
    case 'go-to':
      return a.focusGoTo();
    case 'text-larger':
      return a.textSize(1);
    case 'text-smaller':
      return a.textSize(-1);
    case 'text-reset':
      return a.textSize(0);
    case 'toggle-panel':
      return a.togglePanel();
    case 'shortcuts':
      return a.shortcuts();
    default:
      return assertNever(command, 'command');
  }
}

const CHORDS = PAGE_COMMANDS.flatMap((id) => {
  const key = COMMANDS[id].key;
  return key ? [{ id, chord: parseAccelerator(key), pageKey: COMMANDS[id].pageKey === true }] : [];
});

/** Keys the commands take besides their own: Ctrl+Y redoes, as on Windows. */
const ALIASES = [{ id: 'redo' as const, chord: parseAccelerator('CmdOrCtrl+Y'), pageKey: false }];

/** Whether keys typed now go into a text field (they are the field's, not the app's). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * Asked of the page rather than of React state: a dialog closed with Escape is gone before the app re-renders,
 * and the reviewer's next key must already reach the article.
 */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

function onKey(e: KeyboardEvent, a: ShortcutActions): void {
  const act = (fn: () => void) => {
    e.preventDefault();
    fn();
  };
  const articleKeys = !isTyping(e.target) && !dialogOpen() && !a.articleKeysOff;
  for (const { id, chord, pageKey } of [...CHORDS, ...ALIASES]) {
    if (!matchesChord(chord, e)) continue;
    // A key with Ctrl is the app's even in a field (Save, Find: the browser's own find sees only the rows on
    // screen), unless a dialog has it; a lone letter, undo, redo and Ctrl+Enter belong to the field or dialog.
    const ours = pageKey || id === 'undo' || id === 'redo' ? articleKeys : !dialogOpen();
    if (ours) return act(() => runCommand(a, id));
    // The browser's own Ctrl+S or Ctrl+F is never wanted here, even while a dialog has the keys.
    if (chord.mod && !pageKey && id !== 'undo' && id !== 'redo') e.preventDefault();
    return;
  }
  if (!articleKeys || e.ctrlKey || e.metaKey || e.altKey) return;
  const selected = a.selectedFlag;
  if (a.hasReview && e.key === 'Enter' && !selected) return act(a.editParagraph);
  const last = Math.max(0, a.loaded - 1);
  switch (e.key) {
    case ']':
      return act(() => a.stepFlag(1));
    case '[':
      return act(() => a.stepFlag(-1));
    case 'n':
      return act(() => a.stepNotReviewed(1));
    case 'N':
      return act(() => a.stepNotReviewed(-1));
    case 's':
      return act(() => a.stepSuggestion(1));
    case 'S':
      return act(() => a.stepSuggestion(-1));
    case 'Escape':
      return a.deselectFlag();
    case 'j':
    case 'ArrowDown':
      return act(() => a.goTo(Math.min(last, a.current + 1)));
    case 'k':
    case 'ArrowUp':
      return act(() => a.goTo(Math.max(0, a.current - 1)));
    case 'Home':
      return act(() => a.goTo(0));
    case 'End':
      return act(() => a.goTo(last));
    case '?':
      return act(a.shortcuts);
  }
  if (a.hasSelectedSuggestion && !selected) {
    if (e.key === 'a') return act(a.acceptSuggestion);
    if (e.key === 'd') return act(a.dismissSuggestion);
    return;
  }
  if (!selected) return;
  if (e.key === 'Enter') return act(() => a.editFlag(selected));
  if (e.key === 'x') return act(() => a.setStatus(selected, 'fixed'));
  if (e.key === 'd') return act(() => a.setStatus(selected, 'dismissed'));
  if (e.key === 'Delete' || e.key === 'Backspace') return act(() => a.deleteFlag(selected));
}

/** The dispatcher as the toolbar and the menu bar use it: carry out a command, or ask whether it can be. */
export interface Commands {
  run(command: PageCommand): void;
  enabled(command: PageCommand): boolean;
}

/** Installs the keys and the desktop menu's commands; answers the dispatcher, for the toolbar and the menu bar. */
export function useShortcuts(client: RedlineClient, actions: ShortcutActions): Commands {
  const latest = useRef(actions);
  latest.current = actions;
  const run = useCallback((command: PageCommand) => runCommand(latest.current, command), []);
  const enabled = useCallback((command: PageCommand) => commandEnabled(latest.current, command), []);

  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e, latest.current);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // The desktop menu's commands: its accelerators take these keys before the page sees them.
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type !== 'menu') return;
        const a = latest.current;
        const field = isTyping(document.activeElement);
        // Undo and redo act on a text field when one has focus, as its own keys would.
        if ((e.command === 'undo' || e.command === 'redo') && field) {
          document.execCommand(e.command);
          return;
        }
        if (!dialogOpen()) runCommand(a, e.command);
      }),
    [client],
  );
  return { run, enabled };
}
