/**
 * Where a pop-up goes so that the text it is about stays in view: the flag dialog beside the flagged lines
 * (below or above them, else to a side), the "Flag selection" button above the selection's first line (below
 * its last line only when there is no room above).
 */

export interface VerticalSpan {
  readonly top: number;
  readonly bottom: number;
}

/** Space kept between the text and the pop-up, and between the pop-up and the window's edge. */
const GAP = 8;

export interface Rect extends VerticalSpan {
  readonly left: number;
  readonly right: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Where a pop-up of `size` goes beside `anchor` in a window of `viewport`: below the text when it fits there,
 * else above, else to its right or left (over the other column or the side panel), centred across the window
 * when it is above or below. Only when no side has room does it cover the text, on the roomier side, and say so
 * (`covers`), so that the caller can scroll the text to an edge of the window and place it again.
 */
export function placeBeside(anchor: Rect, size: Size, viewport: Size): { top: number; left: number; covers?: true } {
  const centred = Math.max(GAP, (viewport.width - size.width) / 2);
  const below = anchor.bottom + GAP;
  if (below + size.height <= viewport.height - GAP) return { top: below, left: centred };
  const above = anchor.top - GAP - size.height;
  if (above >= GAP) return { top: above, left: centred };
  const top = Math.max(GAP, Math.min(anchor.top, viewport.height - GAP - size.height));
  if (anchor.right + GAP + size.width <= viewport.width - GAP) return { top, left: anchor.right + GAP };
  if (anchor.left - GAP - size.width >= GAP) return { top, left: anchor.left - GAP - size.width };
  return { top: topBeside(anchor, size.height, viewport.height), left: centred, covers: true };
}

/** The top of a pop-up of `height` placed above or below `anchor` in a window `viewport` pixels high. */
export function topBeside(anchor: VerticalSpan, height: number, viewport: number): number {
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - height;
  if (below + height <= viewport - GAP) return below;
  if (above >= GAP) return above;
  // Neither side has room: the side with more, kept inside the window (it may cover part of the text).
  const roomBelow = viewport - anchor.bottom;
  const top = roomBelow >= anchor.top ? viewport - GAP - height : GAP;
  return Math.max(GAP, Math.min(top, viewport - GAP - height));
}

/** The top of a small button placed over the first line of a selection (or under its last when there is no room). */
export function topOfSelectionButton(first: VerticalSpan, last: VerticalSpan, height: number, minTop: number): number {
  const above = first.top - GAP / 2 - height;
  return above >= minTop ? above : last.bottom + GAP / 2;
}
