/** The side panel: the article's flags and scores will live here. */
export function SidePanel() {
  return (
    <aside className="side-panel" aria-label="Review panel">
      <h2 className="side-panel__title">Flags</h2>
      <p className="side-panel__empty">No flags yet.</p>
    </aside>
  );
}
