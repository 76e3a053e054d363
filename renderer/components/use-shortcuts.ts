/**
 * The app's commands by keyboard and by the desktop menu, in one place. Listeners are installed once and always
 * call the latest actions (kept in a ref), so a key pressed right after a state change acts on the new state.
 */
import { useEffect, useRef } from 'react';
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
}

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
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  const act = (fn: () => void) => {
    e.preventDefault();
    fn();
  };
  if (mod && key === 'o') return act(a.open);
  if (mod && key === 'g') return act(a.focusGoTo);
  if (mod && e.key === ',') return act(() => a.hasReview && !dialogOpen() && a.settings());
  if (mod && e.shiftKey && key === 'e') return act(() => a.hasReview && !dialogOpen() && a.exportArticle());
  if (mod && key === 's') return act(() => a.hasReview && !dialogOpen() && a.saveVersion());
  // Find is the app's, not the browser's: the browser's own find sees only the rows on screen.
  if (mod && !e.shiftKey && (key === 'f' || key === 'h') && a.hasReview && !dialogOpen()) return act(() => a.find(key === 'h'));
  if (isTyping(e.target) || dialogOpen() || a.articleKeysOff) return;
  if (mod && key === 'z') return act(e.shiftKey ? a.redo : a.undo);
  if (mod && key === 'y') return act(a.redo);
  if (mod && e.key === 'Enter' && a.hasReview) return act(a.markReviewed);
  if (mod || e.altKey) return;
  const selected = a.selectedFlag;
  if (a.hasReview && (e.key === 'e' || (e.key === 'Enter' && !selected))) return act(a.editParagraph);
  if (a.hasReview && e.key === 'c') return act(a.compare);
  if (a.hasReview && (e.key === 'r' || e.key === 'R')) return act(a.report);
  const last = Math.max(0, a.loaded - 1);
  switch (e.key) {
    case 'f':
    case 'F':
      return act(a.flag);
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

export function useShortcuts(client: RedlineClient, actions: ShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;

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
        if (dialogOpen() && e.command !== 'undo' && e.command !== 'redo') return;
        switch (e.command) {
          case 'undo':
            if (field) document.execCommand('undo');
            else if (!dialogOpen()) a.undo();
            return;
          case 'redo':
            if (field) document.execCommand('redo');
            else if (!dialogOpen()) a.redo();
            return;
          case 'flag':
            return a.flag();
          case 'save-version':
            return a.hasReview ? a.saveVersion() : undefined;
          case 'export':
            return a.hasReview ? a.exportArticle() : undefined;
          case 'compare':
            return a.hasReview ? a.compare() : undefined;
          case 'report':
            return a.hasReview ? a.report() : undefined;
          case 'adjudicate':
            return a.hasReview ? a.adjudicate() : undefined;
          case 'settings':
            return a.hasReview ? a.settings() : undefined;
          case 'shortcuts':
            return a.shortcuts();
          case 'find':
          case 'replace':
            return a.hasReview ? a.find(e.command === 'replace') : undefined;
          default:
            return assertNever(e.command, 'menu command');
        }
      }),
    [client],
  );
}
