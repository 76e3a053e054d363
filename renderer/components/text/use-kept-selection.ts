/**
 * Keeps the reviewer's selection in a text whose marks are drawn anew (the automatic checks' suggestions arriving,
 * a flag changed elsewhere in the paragraph): React replaces the text's nodes, and a selection in them would be
 * gone. The selection is read by its character offsets in the text before the update and put back after it, when
 * the update took it away. A selection the reviewer moved is left alone: by then the browser already holds it.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

interface Offsets {
  readonly start: number;
  readonly end: number;
}

/** Call in the component's render, with the element holding the text. */
export function useKeptSelection(box: RefObject<HTMLElement | null>): void {
  const kept = useRef<Offsets | undefined>(undefined);
  // Read as the component renders, before React touches the nodes: the render is the last moment they are whole.
  kept.current = box.current ? selectionIn(box.current) : undefined;
  useLayoutEffect(() => {
    const el = box.current;
    const offsets = kept.current;
    if (!el || !offsets || selectionIn(el)) return;
    const selection = window.getSelection();
    if (!selection) return;
    const range = document.createRange();
    range.setStart(...nodeAt(el, offsets.start));
    range.setEnd(...nodeAt(el, offsets.end));
    selection.removeAllRanges();
    selection.addRange(range);
  });
}

/** The selection's character offsets in `el`'s text, when it is a phrase wholly inside `el`. */
function selectionIn(el: HTMLElement): Offsets | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return undefined;
  const before = document.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/** The text node and offset in it at character `offset` of `el`'s text. */
function nodeAt(el: HTMLElement, offset: number): [Node, number] {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Text | undefined;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (offset <= seen + node.data.length) return [node, offset - seen];
    seen += node.data.length;
    last = node;
  }
  return last ? [last, last.data.length] : [el, 0];
}
