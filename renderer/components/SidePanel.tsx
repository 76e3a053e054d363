/** The side panel beside the article: scores, flags and versions stack here. */
import type { ReactNode } from 'react';
import './side-panel.css';

/**
 * `empty`: what to say while there is no review to show (still loading, unless told otherwise). `hidden`: the
 * reader hid the panel (Ctrl+B); it stays mounted so that its lists keep their scroll and filters.
 */
export function SidePanel({ children, empty, hidden }: { children?: ReactNode; empty?: string; hidden?: boolean }) {
  return (
    <aside className="side-panel" aria-label="Review panel" hidden={hidden}>
      {children ?? <p className="side-panel__empty">{empty ?? 'The review opens once the article has loaded.'}</p>}
    </aside>
  );
}
