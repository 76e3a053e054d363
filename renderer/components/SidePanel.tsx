/** The side panel beside the article: scores, flags and versions stack here. */
import type { ReactNode } from 'react';

export function SidePanel({ children }: { children?: ReactNode }) {
  return (
    <aside className="side-panel" aria-label="Review panel">
      {children ?? <p className="side-panel__empty">The review opens once the article has loaded.</p>}
    </aside>
  );
}
