/** The side panel beside the article: scores, flags and versions stack here. */
import type { ReactNode } from 'react';

/** `empty`: what to say while there is no review to show (still loading, unless told otherwise). */
export function SidePanel({ children, empty }: { children?: ReactNode; empty?: string }) {
  return (
    <aside className="side-panel" aria-label="Review panel">
      {children ?? <p className="side-panel__empty">{empty ?? 'The review opens once the article has loaded.'}</p>}
    </aside>
  );
}
