/**
 * A small "Flag" button above the phrase the reviewer just selected in a paragraph, so flagging by mouse is
 * select-then-click (F does the same from the keyboard). It keeps the selection alive while it is clicked.
 */
import { useEffect, useState } from 'react';
import { topOfSelectionButton } from './placement';
import { selectedSpan } from './selection';
import './highlights.css';

/** The button's height in CSS pixels (see `.selection-flag`). */
const BUTTON_HEIGHT = 24;

interface Props {
  readonly enabled: boolean;
  readonly onFlag: () => void;
}

export function SelectionFlagButton({ enabled, onFlag }: Props) {
  const [at, setAt] = useState<{ top: number; left: number }>();

  useEffect(() => {
    if (!enabled) {
      setAt(undefined);
      return;
    }
    const update = () => {
      const span = selectedSpan();
      const sel = window.getSelection();
      if (!span || !sel || sel.rangeCount === 0) return setAt(undefined);
      const rects = sel.getRangeAt(0).getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) return setAt(undefined);
      // Above the selection, so that the line after it stays readable; never above the article's top edge.
      const articleTop = document.querySelector('.workspace')?.getBoundingClientRect().top ?? 0;
      const top = topOfSelectionButton(first, last, BUTTON_HEIGHT, articleTop);
      setAt({ top, left: Math.max(4, Math.min(top < first.top ? first.left : last.right, window.innerWidth - 120)) });
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [enabled]);

  if (!at) return null;
  return (
    <button
      type="button"
      className="selection-flag primary"
      style={{ top: at.top, left: at.left }}
      // Clicking must not collapse the selection it acts on.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onFlag}
      title="Flag the selected phrase (F)"
    >
      Flag selection
    </button>
  );
}
