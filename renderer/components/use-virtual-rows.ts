/** A virtualized vertical list over a scroll element: the rows to render and the first and last on screen. */
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

export function useVirtualRows(
  count: number,
  scroller: RefObject<HTMLDivElement | null>,
  estimatedRowPx: number,
  overscan: number,
): { virtualizer: Virtualizer<HTMLDivElement, Element>; first: number; last: number } {
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedRowPx,
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  return { virtualizer, first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? 0 };
}
