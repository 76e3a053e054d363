/**
 * What a paragraph row shows of its review: a "Reviewed" mark beside its number (a check and a word, not only a
 * colour), the reviewer's note under its text, and, on the paragraph in focus, the buttons that change them.
 */
import './paragraph-status.css';

/** The check and word beside the number of a reviewed paragraph. */
export function ReviewedMark() {
  return (
    <span className="para-reviewed" aria-hidden="true" title="Reviewed">
      <span className="para-reviewed__check">✓</span>
      <span className="para-reviewed__word">Reviewed</span>
    </span>
  );
}

/** The reviewer's note on the whole paragraph, under its text. */
export function ParagraphNote({ note, onEdit }: { readonly note: string; readonly onEdit?: () => void }) {
  return (
    <div className="para-review-note" role="note" aria-label="Reviewer's note" onDoubleClick={onEdit}>
      <span className="para-review-note__label">Note</span>
      <span className="para-review-note__text">{note}</span>
    </div>
  );
}

interface ControlsProps {
  readonly number: number;
  readonly reviewed: boolean;
  readonly hasNote: boolean;
  readonly readOnly: boolean;
  readonly onToggleReviewed: () => void;
  readonly onNote: () => void;
}

/** The buttons on the paragraph in focus: mark it reviewed (or not), add or edit its note. */
export function ParagraphReviewControls({ number, reviewed, hasNote, readOnly, onToggleReviewed, onNote }: ControlsProps) {
  return (
    <div className="para-review-controls" role="group" aria-label={`Review of paragraph ${number}`}>
      <button
        type="button"
        className={reviewed ? undefined : 'para-review-controls__mark'}
        disabled={readOnly}
        onClick={(e) => {
          // The row would take the click as a focus move; the button's own action decides where focus goes.
          e.stopPropagation();
          onToggleReviewed();
        }}
        title={reviewed ? 'Take back the reviewed mark' : 'Mark reviewed and go to the next paragraph (Ctrl+Enter)'}
      >
        {reviewed ? 'Mark not reviewed' : 'Mark reviewed'}
      </button>
      <button
        type="button"
        disabled={readOnly}
        onClick={(e) => {
          e.stopPropagation();
          onNote();
        }}
        title={hasNote ? 'Edit the note on this paragraph' : 'Add a note on the whole paragraph'}
      >
        {hasNote ? 'Edit note' : 'Add note'}
      </button>
    </div>
  );
}
