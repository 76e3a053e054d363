/** A paragraph's note as an item of the flag list, beside the flags of that paragraph. */
import './paragraph-status.css';

interface Props {
  readonly paragraphNumber: number;
  readonly note: string;
  readonly onSelect: () => void;
  readonly onEdit: () => void;
}

export function NoteListItem({ paragraphNumber, note, onSelect, onEdit }: Props) {
  return (
    <li className="note-item">
      <button type="button" className="note-item__main" aria-label={`¶ ${paragraphNumber}: note`} onClick={onSelect} onDoubleClick={onEdit}>
        <span className="note-item__head">
          <span className="chip note-item__chip">note</span>
          <span className="note-item__para">¶ {paragraphNumber}</span>
        </span>
        <span className="note-item__text">{note}</span>
      </button>
      <button type="button" className="note-item__edit" onClick={onEdit} aria-label={`Edit note on paragraph ${paragraphNumber}`}>
        Edit
      </button>
    </li>
  );
}
