/**
 * Add, edit or remove the reviewer's note on a whole paragraph: a remark that belongs to no phrase ("names checked
 * with the desk", "ask the author about the date"). Like the flag dialog: Ctrl+Enter saves, Escape cancels.
 */
import { useState } from 'react';
import type { Failure } from '../../../shared/result';
import { FormError, useModalDialog } from '../modal';
import './paragraph-status.css';

interface Props {
  readonly paragraphNumber: number;
  /** The note as it stands; empty for a paragraph without one. */
  readonly initial: string;
  /** Saves the note; the empty text removes it. Answers the failure, if any, to show in the dialog. */
  readonly onSave: (note: string) => Promise<Failure | undefined>;
  readonly onClose: () => void;
}

export function NoteDialog({ paragraphNumber, initial, onSave, onClose }: Props) {
  const ref = useModalDialog();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const editing = initial !== '';

  const save = async (note: string) => {
    setBusy(true);
    const failure = await onSave(note);
    setBusy(false);
    if (failure) setError(failure.message);
    else ref.current?.close();
  };

  return (
    <dialog ref={ref} className="dialog dialog--note" aria-label={editing ? 'Edit note' : 'Add note'} onClose={onClose}>
      <h2>{editing ? `Note on paragraph ${paragraphNumber}` : `Add a note to paragraph ${paragraphNumber}`}</h2>
      <form
        className="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(text);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save(text);
          }
        }}
      >
        <label htmlFor="paragraph-note">Note</label>
        <textarea
          id="paragraph-note"
          rows={5}
          value={text}
          autoFocus
          maxLength={10_000}
          placeholder="A remark on the whole paragraph, for you or the next reader"
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
        />
        <FormError message={error} />
        <div className="dialog__actions">
          <span className="dialog__hint">Ctrl+Enter saves · Esc cancels</span>
          {editing && (
            <button type="button" className="danger" disabled={busy} onClick={() => void save('')}>
              Remove note
            </button>
          )}
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || (!editing && text.trim() === '')}>
            Save note
          </button>
        </div>
      </form>
    </dialog>
  );
}
