/**
 * The review's progress in the status bar ("Reviewed 3 of 22") and the way to the paragraphs not reviewed yet.
 *
 * Stepping rather than hiding reviewed rows: the article is one virtualized list addressed by paragraph position
 * (flags, the go-to box, compare and the paragraph numbers all use it), so a list with rows left out would give
 * each paragraph two positions. Stepping keeps the numbering and the context around each paragraph, costs nothing
 * on a 100,000-paragraph article (the marks alone say where the next one is), and pairs with Ctrl+Enter: mark,
 * move on, and N finds the next gap.
 */
import { progressLabel } from '../../state/paragraph-status';
import './paragraph-status.css';

interface Props {
  readonly count: number;
  readonly total: number;
  readonly onStep: (step: 1 | -1) => void;
}

export function ReviewProgress({ count, total, onStep }: Props) {
  const all = total > 0 && count >= total;
  return (
    <span className="review-progress" role="group" aria-label="Not reviewed yet">
      <span className="review-progress__bar" aria-hidden="true">
        <span className="review-progress__fill" style={{ width: `${total > 0 ? Math.min(100, (count / total) * 100) : 0}%` }} />
      </span>
      <span aria-label="Review progress" role="status">
        {progressLabel(count, total)}
        {all ? ' — all reviewed' : ''}
      </span>
      {/* Arrows, named for screen readers, keep the status bar short; their titles say what they do. */}
      <button
        type="button"
        className="review-progress__step"
        disabled={all}
        onClick={() => onStep(-1)}
        aria-label="Previous not reviewed"
        title="Previous paragraph not reviewed yet (Shift+N)"
      >
        ‹
      </button>
      <button
        type="button"
        className="review-progress__step"
        disabled={all}
        onClick={() => onStep(1)}
        aria-label="Next not reviewed"
        title="Next paragraph not reviewed yet (N)"
      >
        ›
      </button>
    </span>
  );
}
