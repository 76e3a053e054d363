/** Every keyboard shortcut, shown with `?`. */
import { useModalDialog } from './modal';

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['J or ↓', 'Next paragraph'],
  ['K or ↑', 'Previous paragraph'],
  ['Home / End', 'First / last paragraph'],
  ['Ctrl+G', 'Go to paragraph number'],
  ['Ctrl+F', 'Find in the whole article (Enter / Shift+Enter: next / previous match; Esc closes)'],
  ['Ctrl+H', 'Replace in the translation: one match, or all of them as one undo step'],
  ['F', 'Flag the selected phrase (or type a phrase of the paragraph in focus)'],
  ['] / [', 'Next / previous flag'],
  ['Enter', 'Edit the chosen flag'],
  ['X', 'Mark the chosen flag fixed'],
  ['D', 'Dismiss the chosen flag'],
  ['Delete', 'Delete the chosen flag'],
  ['S / Shift+S', 'Next / previous suggestion of the automatic checks'],
  ['A', 'Accept the chosen suggestion as a flag'],
  ['D', 'Dismiss the chosen suggestion for good'],
  ['Esc', 'Let go of the chosen flag; close a dialog'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
  ['Ctrl+Enter', 'Mark the paragraph in focus reviewed and go to the next; in a dialog, save it'],
  ['N / Shift+N', 'Next / previous paragraph not reviewed yet'],
  ['E or Enter', 'Edit the paragraph in focus (Esc leaves the editor)'],
  ['Ctrl+S', 'Save a version of the whole article'],
  ['C', 'Compare versions (N / P: next / previous change; Esc closes)'],
  ['Ctrl+Shift+E', 'Export the corrected article'],
  ['R', 'Quality report of the review (Esc closes; a paragraph link opens it)'],
  ['Ctrl+,', 'Review settings: your name, scoring, typology'],
  ['Ctrl+O', 'Open an article'],
  ['?', 'Show this list'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useModalDialog();
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
