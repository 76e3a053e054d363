/**
 * Post-edit one paragraph in place: a text box with the article's typography that grows with its text. Every
 * keystroke goes to the draft writer, which sends it without making the typing wait; the editor shows whether
 * the text is saving, saved or failed. One editing session is one undo step in the review.
 */
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Paragraph } from '../../../shared/model';
import { assertNever } from '../../../shared/result';
import { newEditGroup, type DraftStatus, type DraftWriter } from '../../state/draft-writer';
import './versions.css';
import { langOf } from '../../state/text-lang';

export interface ParagraphEditorProps {
  readonly reviewId: string;
  /** The paragraph being edited: its id, kind and machine translation (`target`). */
  readonly paragraph: Paragraph;
  /** 1-based number shown beside it. */
  readonly number: number;
  /** The text when the editor opens: the draft if there is one, else the machine translation. */
  readonly initialText: string;
  /** The review's draft writer (one per review; see renderer/state/draft-writer.ts). */
  readonly writer: DraftWriter;
  /** Leaves the editor (Escape, or focus moving out of it), with the text as last typed. */
  readonly onClose: (text: string) => void;
}


function statusText(status: DraftStatus): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return status.error.message;
    default:
      return assertNever(status, 'draft status');
  }
}

/** Sets a text box's height to its content, for engines without `field-sizing: content`. */
function fit(box: HTMLTextAreaElement | null): void {
  if (!box) return;
  box.style.height = 'auto';
  box.style.height = `${box.scrollHeight}px`;
}

export function ParagraphEditor({ reviewId, paragraph, number, initialText, writer, onClose }: ParagraphEditorProps) {
  const [text, setText] = useState(initialText);
  const [showMachine, setShowMachine] = useState(false);
  const group = useMemo(() => newEditGroup(), []);
  const box = useRef<HTMLTextAreaElement>(null);
  const machineId = useId();
  const statusId = useId();
  useSyncExternalStore(writer.subscribe, writer.snapshot);
  const status = writer.statusOf(reviewId, paragraph.id);
  const edited = text !== paragraph.target;
  // Escape closes, and the blur that follows must not close a second time.
  const closed = useRef(false);
  const close = (value: string) => {
    if (closed.current) return;
    closed.current = true;
    onClose(value);
  };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    fit(el);
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const change = (value: string) => {
    setText(value);
    fit(box.current);
    writer.write({ reviewId, paragraphId: paragraph.id, text: value, group });
  };

  return (
    <div
      className="para-editor"
      role="group"
      aria-label={`Editing paragraph ${number}`}
      onBlur={(e) => {
        // Leaving for the editor's own buttons keeps it open, and so does switching to another window;
        // leaving for anything else in the app closes it.
        if (!document.hasFocus() || e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        close(text);
      }}
    >
      <div className="para-editor__bar">
        {edited && (
          <span className="para-editor__badge" role="note">
            Edited
          </span>
        )}
        <span id={statusId} className={`para-editor__status para-editor__status--${status.kind}`} role={status.kind === 'failed' ? 'alert' : 'status'}>
          {statusText(status)}
        </span>
        {status.kind === 'failed' && (
          <button type="button" className="versions-small" onClick={() => writer.retry()}>
            Try again
          </button>
        )}
        <button
          type="button"
          className="versions-small"
          aria-expanded={showMachine}
          aria-controls={machineId}
          onClick={() => setShowMachine((v) => !v)}
        >
          {showMachine ? 'Hide machine translation' : 'Show machine translation'}
        </button>
        {edited && (
          <button
            type="button"
            className="versions-small"
            onClick={() => {
              // Back to the machine translation: an edit like any other, so undo takes it back.
              change(paragraph.target);
              box.current?.focus();
            }}
          >
            Restore machine translation
          </button>
        )}
      </div>
      <textarea
        ref={box}
        className={`para-editor__text para__text--${paragraph.kind}`}
        lang={langOf(text)}
        aria-label={`Text of paragraph ${number}`}
        aria-describedby={statusId}
        value={text}
        rows={1}
        spellCheck
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close(text);
          }
        }}
      />
      {showMachine && (
        <div id={machineId} className="para-editor__machine" aria-label="Machine translation" lang={langOf(paragraph.target)}>
          {paragraph.target || <em>No machine translation at this position</em>}
        </div>
      )}
    </div>
  );
}
