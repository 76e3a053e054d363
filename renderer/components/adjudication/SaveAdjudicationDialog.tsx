/**
 * "Save adjudicated review": who adjudicated, and where the new review goes. On the desktop it is saved to a path,
 * beside the open review by default (`NAME.adjudicated.redline`); in the browser host the page names no path on
 * the machine that serves it, so the review goes into Redline's data folder and the dialog says where. An existing
 * file is never replaced. Once saved, the new review opens with one button.
 */
import { useState } from 'react';
import type { AppInfo, SavedAdjudication } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { FormError, useModalDialog } from '../modal';

interface Props {
  readonly host: AppInfo['host'] | undefined;
  readonly suggestedPath: string;
  readonly defaultAdjudicator: string;
  readonly undecided: number;
  readonly onSave: (adjudicator: string, path: string | undefined) => Promise<Result<SavedAdjudication>>;
  readonly onOpen: (path: string) => void;
  readonly onClose: () => void;
}

export function SaveAdjudicationDialog({ host, suggestedPath, defaultAdjudicator, undecided, onSave, onOpen, onClose }: Props) {
  const ref = useModalDialog();
  const [adjudicator, setAdjudicator] = useState(defaultAdjudicator);
  const [path, setPath] = useState(suggestedPath);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedAdjudication>();

  const save = async () => {
    if (!adjudicator.trim()) return setError('Give the adjudicator’s name: the new review is stamped with it.');
    if (host === 'electron' && !path.trim()) return setError('Give the path of the new review file.');
    setBusy(true);
    setError(undefined);
    const r = await onSave(adjudicator.trim(), host === 'electron' ? path.trim() : undefined);
    setBusy(false);
    if (r.ok) setSaved(r.value);
    else setError(r.error.message);
  };

  const flags = (n: number) => `${n} flag${n === 1 ? '' : 's'}`;

  return (
    <dialog ref={ref} className="dialog adj-save" aria-labelledby="adj-save-title" onClose={onClose}>
      <h2 id="adj-save-title">Save adjudicated review</h2>
      {saved ? (
        <>
          <p role="status">
            Saved {flags(saved.flags)} ({saved.merged} merged) {saved.location === 'data-folder' ? 'into Redline’s data folder as' : 'to'}{' '}
            <code>{saved.path}</code>.
          </p>
          <div className="dialog__actions">
            <button type="button" className="primary" onClick={() => onOpen(saved.path)}>
              Open the adjudicated review
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form
          className="adj-save__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void save();
          }}
        >
          <label htmlFor="adj-adjudicator">Adjudicator</label>
          <input id="adj-adjudicator" value={adjudicator} onChange={(e) => setAdjudicator(e.target.value)} />
          {host === 'electron' ? (
            <>
              <label htmlFor="adj-path">Save as</label>
              <input id="adj-path" className="adj-save__path" value={path} onChange={(e) => setPath(e.target.value)} />
            </>
          ) : (
            <p className="dialog__hint">
              The new review is saved into Redline’s data folder, under a name not yet taken; its path is shown once it is saved.
            </p>
          )}
          <p className="dialog__hint">
            {undecided === 0
              ? 'Every flag is decided.'
              : `${flags(undecided)} still undecided: ${undecided === 1 ? 'it is' : 'they are'} kept as ${undecided === 1 ? 'it is' : 'they are'}.`}{' '}
            The new review is stamped “{adjudicator.trim() || '…'} (adjudicated)”, and each flag’s comment names the flags it came from.
          </p>
          <FormError message={error} />
          <div className="dialog__actions">
            <button type="submit" className="primary" disabled={busy || host === undefined}>
              Save
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
