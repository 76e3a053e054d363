/**
 * Every keyboard shortcut, shown with `?`: the keys that move through the article and act on the chosen flag or
 * suggestion, then every command's key from the one table of commands (shared/commands.ts).
 */
import { COMMANDS, keyLabel, PAGE_COMMANDS } from '../../shared/commands';
import { useModalDialog } from './modal';
import { MAC } from './layout/menu-keys';

const MOVING: readonly (readonly [string, string])[] = [
  ['J or ↓', 'Next paragraph'],
  ['K or ↑', 'Previous paragraph'],
  ['Home / End', 'First / last paragraph'],
  ['N / Shift+N', 'Next / previous paragraph not reviewed yet'],
  ['Enter', 'Edit the paragraph in focus; with a flag chosen, edit the flag'],
  ['] / [', 'Next / previous flag'],
  ['X', 'Mark the chosen flag fixed'],
  ['D', 'Dismiss the chosen flag (or the chosen suggestion, for good)'],
  ['Delete', 'Delete the chosen flag'],
  ['S / Shift+S', 'Next / previous suggestion of the automatic checks'],
  ['A', 'Accept the chosen suggestion as a flag'],
  ['Esc', 'Let go of the chosen flag; close a dialog'],
];

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ...MOVING,
  ...PAGE_COMMANDS.flatMap((id) => {
    const { key, about } = COMMANDS[id];
    return key ? [[keyLabel(key, MAC), about] as const] : [];
  }),
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useModalDialog();
  return (
    <dialog ref={ref} className="dialog" aria-label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={`${keys} ${what}`}>
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
