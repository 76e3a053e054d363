/**
 * The versions of the review, newest first, for the side panel: who saved each and when, how much it changed,
 * its edit rate from the machine translation; compare any of them with the current text, or bring the whole
 * article back to one (after a confirmation; the revert is one undo step).
 */
import { useEffect, useId, useState } from 'react';
import type { ReviewChange } from '../../state/use-review';
import type { RedlineClient, ReviewView, VersionSummary } from '../../../shared/contract';
import { formatRate, fullTime, rateDetail, rateName, relativeTime, versionName, versionOption } from '../../state/version-format';
import './versions.css';
import { FormError } from '../modal';

export interface VersionsPanelProps {
  readonly client: Pick<RedlineClient, 'revertArticle'>;
  readonly review: ReviewView;
  /** Hands back the review as the service returned it after a revert. */
  readonly onReview: (change: ReviewChange) => void;
  /** Opens the compare view with this version on the left and the current text on the right. */
  readonly onCompare: (version: number) => void;
  /** Opens the save-version dialog. */
  readonly onSaveVersion: () => void;
}

/** How often relative times ("5 minutes ago") are brought up to date. */
const CLOCK_MS = 30_000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function VersionsPanel({ client, review, onReview, onCompare, onSaveVersion }: VersionsPanelProps) {
  const [now, setNow] = useState(() => new Date());
  const [confirming, setConfirming] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);

  const revert = async (version: number) => {
    setBusy(true);
    setError(undefined);
    const r = await client.revertArticle({ reviewId: review.reviewId, version });
    setBusy(false);
    setConfirming(undefined);
    if (r.ok) onReview(r.value);
    else setError(r.error.message);
  };

  const newestFirst = [...review.versions].sort((a, b) => b.number - a.number);

  return (
    <section className="versions-panel" aria-label="Versions">
      <h2 className="side-panel__title">
        Versions <span className="count">{review.versions.length}</span>
      </h2>
      <div className="versions-panel__unsaved">
        <span role="status">
          {review.unsaved === 0 ? 'No unsaved edits' : `${plural(review.unsaved, 'edited paragraph')} not in a version yet`}
        </span>
        <button type="button" className="versions-small" onClick={onSaveVersion}>
          Save version…
        </button>
      </div>
      <FormError message={error} />
      <ol className="versions-panel__list" aria-label="Saved versions">
        {newestFirst.map((v) => (
          <VersionItem
            key={v.number}
            version={v}
            unit={review.editRateUnit}
            now={now}
            confirming={confirming === v.number}
            busy={busy}
            onCompare={() => onCompare(v.number)}
            onAskRevert={() => setConfirming(v.number)}
            onCancelRevert={() => setConfirming(undefined)}
            onRevert={() => void revert(v.number)}
          />
        ))}
      </ol>
    </section>
  );
}

interface ItemProps {
  readonly version: VersionSummary;
  readonly unit: 'word' | 'char';
  readonly now: Date;
  readonly confirming: boolean;
  readonly busy: boolean;
  readonly onCompare: () => void;
  readonly onAskRevert: () => void;
  readonly onCancelRevert: () => void;
  readonly onRevert: () => void;
}

function VersionItem({ version: v, unit, now, confirming, busy, onCompare, onAskRevert, onCancelRevert, onRevert }: ItemProps) {
  const name = versionName(v);
  const nameId = useId();
  return (
    <li className="version-item" aria-label={`Version ${v.number}: ${name}`}>
      <div className="version-item__head">
        <span id={nameId} className="version-item__name">
          {versionOption(v)}
        </span>
        {v.ter ? (
          <span className="version-item__ter" title={`Edit rate from the machine translation: ${rateDetail(v.ter, unit)}`}>
            {rateName(unit)} {formatRate(v.ter)}
          </span>
        ) : (
          <span className="version-item__ter" title="Edit rate from the machine translation: being worked out">
            {rateName(unit)} …
          </span>
        )}
      </div>
      <div className="version-item__meta">
        {v.number > 0 && <span>{v.author} · </span>}
        <time dateTime={v.at} title={fullTime(v.at)}>
          {relativeTime(v.at, now)}
        </time>
        {v.number > 0 && (
          <span>
            {' '}
            · {plural(v.changedFromPrevious, 'paragraph')} changed from the previous, {v.changedFromMachine} from the machine translation
          </span>
        )}
      </div>
      {confirming ? (
        <div className="version-item__confirm" role="group" aria-label={`Confirm revert to version ${v.number}`}>
          <p>Bring every paragraph back to {v.number === 0 ? 'the machine translation' : `version ${v.number}`}? Undo takes it back.</p>
          <button type="button" className="versions-small danger" disabled={busy} onClick={onRevert} autoFocus>
            {busy ? 'Reverting…' : 'Revert article'}
          </button>
          <button type="button" className="versions-small" onClick={onCancelRevert}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="version-item__actions">
          <button type="button" className="versions-small" onClick={onCompare} aria-describedby={nameId}>
            Compare with current
          </button>
          <button type="button" className="versions-small" onClick={onAskRevert} aria-describedby={nameId}>
            Revert article to this version
          </button>
        </div>
      )}
    </li>
  );
}
