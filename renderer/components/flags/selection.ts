/**
 * Turns the reviewer's text selection into a span of a paragraph: which paragraph, which side, and character
 * offsets into that side's text (omission carets hold no text, so they do not shift offsets).
 */
export interface SelectedSpan {
  readonly paragraphId: string;
  readonly side: 'target' | 'source';
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function offsetWithin(container: Element, node: Node, offset: number): number {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return total + offset;
    total += n.textContent?.length ?? 0;
  }
  // The boundary is an element: count the text before the child at `offset`.
  if (node.nodeType === Node.ELEMENT_NODE) {
    const range = document.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  return total;
}

/** True when text is selected but not within one paragraph side's text (it runs across paragraphs or columns). */
export function selectionSpansParagraphs(): boolean {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return false;
  const range = sel.getRangeAt(0);
  const textOf = (n: Node) =>
    (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement)?.closest<HTMLElement>('[data-text-side]');
  const a = textOf(range.startContainer);
  const b = textOf(range.endContainer);
  return (a !== null && a !== undefined) || (b !== null && b !== undefined) ? a !== b : false;
}

/** The current selection as a span, when it lies within one paragraph side's text. */
export function selectedSpan(): SelectedSpan | undefined {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  const range = sel.getRangeAt(0);
  const textOf = (n: Node) =>
    (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement)?.closest<HTMLElement>('[data-text-side]');
  const a = textOf(range.startContainer);
  const b = textOf(range.endContainer);
  if (!a || a !== b) return undefined;
  const paragraphId = a.dataset.paragraphId;
  const side = a.dataset.textSide as 'target' | 'source' | undefined;
  if (!paragraphId || !side) return undefined;
  const start = offsetWithin(a, range.startContainer, range.startOffset);
  const end = offsetWithin(a, range.endContainer, range.endOffset);
  const text = a.textContent ?? '';
  return { paragraphId, side, start, end, text: text.slice(start, end) };
}
