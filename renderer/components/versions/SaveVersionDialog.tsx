/**
 * Save a version: the whole article's current text, with a short message. Pending edits are written first, so
 * the version holds exactly what the reviewer sees.
 */
import { useState } from 'react';
import type { ReviewChange } from '../../state/use-review';
import type { RedlineClient, ReviewView } from '../../../shared/contract';
import { nextVersionNumber } from '../../state/version-format';
import './versions.css';
import { useModalDialog, FormError } from '../modal';

export interface SaveVersionDialogProps {
  readonly client: Pick<RedlineClient, 'saveVersion'>;
  readonly review: ReviewView;
  /** Hands back the review as the service returned it after saving. */
  readonly onSaved: (change: ReviewChange) => void;
  readonly onClose: () => void;
  /** Waits for edits still on their way (the draft writer's `flush`), so the version includes them. */
  readonly flush?: () => Promise<void>;
}

export function SaveVersionDialog({ client, review, onSaved, onClose, flush }: SaveVersionDialogProps) {
  const ref = useModalDialog();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const number = nextVersionNumber(review.versions);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    await flush?.();
    const r = await client.saveVersion({ reviewId: review.reviewId, message: message.trim() });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    onSaved(r.value);
    ref.current?.close();
  };

  return (
    <dialog ref={ref} className="dialog versions-dialog" aria-labelledby="save-version-title" onClose={onClose}>
      <h2 id="save-version-title">Save version {number}</h2>
      <form
        className="versions-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void save();
        }}
      >
        <p className="versions-form__hint">
          {review.unsaved === 0
            ? 'No paragraph changed since the last version; the new version will hold the same text.'
            : `${review.unsaved} paragraph${review.unsaved === 1 ? '' : 's'} edited since the last version.`}
        </p>
        <label htmlFor="save-version-message">Message</label>
        <input
          id="save-version-message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          placeholder={`Version ${number}`}
          maxLength={500}
          autoFocus
        />
        <FormError message={error} />
        <div className="dialog__actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
