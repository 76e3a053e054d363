/** Every keyboard shortcut, shown with `?`. */
import { useEffect, useRef } from 'react';

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['J or ↓', 'Next paragraph'],
  ['K or ↑', 'Previous paragraph'],
  ['Home', 'First paragraph'],
  ['End', 'Last paragraph'],
  ['Ctrl+G', 'Go to paragraph number'],
  ['Ctrl+O', 'Open an article'],
  ['?', 'Show this list'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
