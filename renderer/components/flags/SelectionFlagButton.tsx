/**
 * A small "Flag" button beside the phrase the reviewer just selected in a paragraph, so flagging by mouse is
 * select-then-click (F does the same from the keyboard). It keeps the selection alive while it is clicked.
 */
import { useEffect, useState } from 'react';
import { selectedSpan } from './selection';

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
      const last = rects[rects.length - 1];
      if (!last) return setAt(undefined);
      setAt({ top: last.bottom + 6, left: Math.min(last.right, window.innerWidth - 90) });
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
