/**
 * What stands between the reviewer and a writable review: a review open read-only (another Redline holds it, or
 * the file or its folder cannot be written), or a damaged review file that was not opened. Says why in the
 * service's words and offers the ways out it allows; nothing happens to the file until the reviewer chooses.
 */
import { useState } from 'react';
import type { Failure, Remedy, Result } from '../../shared/result';
import './messages.css';

const LABELS: Record<Remedy, string> = {
  recover: 'Recover what can be read',
  'start-new': 'Start a new review',
  'take-over': 'Take over',
  copy: 'Continue in a copy',
};

const TITLES: Partial<Record<Failure['code'], string>> = {
  locked: 'Open read-only',
  'read-only': 'Open read-only',
  damaged: 'Review file damaged',
};

export function ReviewFileBanner({
  code,
  message,
  remedies,
  onRemedy,
}: {
  readonly code: Failure['code'];
  readonly message: string;
  readonly remedies: readonly Remedy[];
  readonly onRemedy: (remedy: Remedy) => Promise<Result<{ readonly message: string }>>;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  const choose = async (remedy: Remedy) => {
    setBusy(true);
    const r = await onRemedy(remedy);
    setBusy(false);
    setOutcome(r.ok ? r.value.message : r.error.message);
  };
  return (
    <div className={code === 'damaged' ? 'error-banner' : 'notice'} role="alert" aria-label={TITLES[code] ?? 'Review file'}>
      <strong>{TITLES[code] ?? 'Review file'}:</strong> <span>{outcome ?? message}</span>
      {!outcome &&
        remedies.map((remedy) => (
          <button key={remedy} type="button" disabled={busy} onClick={() => void choose(remedy)}>
            {LABELS[remedy]}
          </button>
        ))}
    </div>
  );
}
