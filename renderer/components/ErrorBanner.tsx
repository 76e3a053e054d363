/** What went wrong, in words a reviewer understands; the app stays usable behind it. */
import type { Failure } from '../../shared/result';
import './messages.css';

const TITLES: Partial<Record<Failure['code'], string>> = {
  'not-found': 'File not found',
  'not-a-file': 'Not a file',
  empty: 'Nothing to review',
  binary: 'Not a text article',
  'too-large': 'File too large',
  'bad-encoding': 'Unreadable text',
  'io-error': 'Could not read the file',
  'unknown-review': 'Article closed',
  unreachable: 'No connection to Redline',
  'bad-request': 'Not possible',
  locked: 'Open read-only',
  'read-only': 'Open read-only',
  damaged: 'Review file damaged',
};

export function ErrorBanner({ error, onDismiss }: { error: Failure; onDismiss: () => void }) {
  return (
    <div className="error-banner" role="alert">
      <strong>{TITLES[error.code] ?? 'Something went wrong'}:</strong> <span>{error.message}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}
