/**
 * Draws Find's matches in the rows on screen with the CSS Custom Highlight API: ranges over the text the rows
 * already render, so no row component changes and nothing is re-rendered as the reviewer steps. The current
 * match is its own highlight, drawn apart from the others.
 *
 * Each text cell (`[data-text-side][data-paragraph-id]`) renders its paragraph's text exactly, character for
 * character (an inline code's token keeps its placeholder character, hidden), so offsets into the paragraph's
 * text are offsets into the cell's text nodes.
 */
import { findInText, type TextMatcher } from '../../../shared/find/text-search';
import type { FoundMatchPlace } from '../../../shared/contract';
import type { FindScope } from '../../../shared/find/article-search';

export const MATCH_HIGHLIGHT = 'redline-find-match';
export const CURRENT_HIGHLIGHT = 'redline-find-current';

/** Whether the browser draws highlights (Chromium 105+, so Electron and the browsers the host serves). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** A range over [start, end) of a cell's text, walking its text nodes. */
function rangeIn(cell: Element, start: number, end: number): Range | undefined {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (!started && start <= at + length) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, end - at);
      return range;
    }
    at += length;
  }
  return undefined;
}

/**
 * Highlights every match in the cells under `root`, the current one apart; answers the current match's range when
 * it is on screen. Clears the highlights when `matcher` is undefined.
 */
export function drawHighlights(
  root: Element | null,
  matcher: TextMatcher | undefined,
  scope: FindScope,
  current: FoundMatchPlace | null | undefined,
): Range | undefined {
  if (!highlightsSupported()) return undefined;
  const all = new Highlight();
  const now = new Highlight();
  let currentRange: Range | undefined;
  if (root && matcher) {
    for (const cell of root.querySelectorAll('[data-text-side][data-paragraph-id]')) {
      const side = cell.getAttribute('data-text-side');
      if (scope !== 'both' && side !== scope) continue;
      const id = cell.getAttribute('data-paragraph-id');
      const text = cell.textContent ?? '';
      if (!text) continue;
      for (const m of findInText(text, matcher)) {
        const range = rangeIn(cell, m.start, m.end);
        if (!range) continue;
        if (current && current.paragraphId === id && current.side === side && current.start === m.start && current.end === m.end) {
          now.add(range);
          currentRange = range;
        } else {
          all.add(range);
        }
      }
    }
  }
  CSS.highlights.set(MATCH_HIGHLIGHT, all);
  CSS.highlights.set(CURRENT_HIGHLIGHT, now);
  return currentRange;
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  CSS.highlights.delete(MATCH_HIGHLIGHT);
  CSS.highlights.delete(CURRENT_HIGHLIGHT);
}
