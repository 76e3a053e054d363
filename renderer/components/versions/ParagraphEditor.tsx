/**
 * Post-edit one paragraph in place: a text box with the article's typography that grows with its text. Every
 * keystroke goes to the draft writer, which sends it without making the typing wait; the editor shows whether
 * the text is saving, saved or failed. One editing session is one undo step in the review.
 *
 * A paragraph with inline codes (tags of an XLIFF, Word or HTML article) keeps them whole: a text that cuts a tag
 * in half is not sent, the editor says which tag and keeps the text as typed so the reviewer can put it right,
 * and codes missing from the text are offered as buttons that insert them at the caret. Below the box the text
 * reads with its tags as tokens, since the box itself can only show their placeholder characters.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { inlineCodeProblem, missingInlineCodes } from '../../../shared/formats/inline-codes';
import { inlineCodeChar, type Annotation, type Paragraph } from '../../../shared/model';
import { AnnotatedText } from '../flags/AnnotatedText';
import { isSuggestionMark } from '../../state/suggestion-marks';
import { CodedText, CodeToken } from '../text/CodedText';
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
  /**
   * The paragraph's flags (on the machine translation and the source): listed above the box and drawn on the
   * machine translation below it, so the reviewer corrects with what was found in view.
   */
  readonly flags?: readonly Annotation[];
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

const NO_FLAGS: readonly Annotation[] = [];

export function ParagraphEditor({ reviewId, paragraph, number, initialText, writer, onClose, flags = NO_FLAGS }: ParagraphEditorProps) {
  // The reviewer's own flags, not the checks' suggestions (those are offered in their panel).
  const shownFlags = useMemo(() => flags.filter((f) => !isSuggestionMark(f.id) && f.status !== 'dismissed'), [flags]);
  const [text, setText] = useState(initialText);
  const [showMachine, setShowMachine] = useState(false);
  const group = useMemo(() => newEditGroup(), []);
  const box = useRef<HTMLTextAreaElement>(null);
  const machineId = useId();
  const statusId = useId();
  useSyncExternalStore(writer.subscribe, writer.snapshot);
  const status = writer.statusOf(reviewId, paragraph.id);
  const edited = text !== paragraph.target;
  const codes = paragraph.codes;
  /** What is wrong with the tags of the text as typed; such a text is kept here but not saved. */
  const [problem, setProblem] = useState<string>();
  /** Escape was pressed once over a broken tag: a second press leaves, keeping the last saved text. */
  const [leaving, setLeaving] = useState(false);
  const problemId = useId();
  // The token preview and the missing tags follow the typing a frame behind, so a keystroke never waits on them.
  const shown = useDeferredValue(text);
  const missing = useMemo(() => (codes ? missingInlineCodes(shown, codes) : []), [shown, codes]);
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
    setLeaving(false);
    // One pass over the text, and only for paragraphs that have codes: cheap enough for every keystroke.
    const wrong = codes ? inlineCodeProblem(value, codes) : undefined;
    setProblem(wrong);
    if (wrong === undefined) writer.write({ reviewId, paragraphId: paragraph.id, text: value, group });
  };

  /** Puts a code at the caret (in place of any selected text), as typing it would. */
  const insertCode = (index: number) => {
    const el = box.current;
    const at = el ? el.selectionStart : text.length;
    const to = el ? el.selectionEnd : text.length;
    const value = text.slice(0, at) + inlineCodeChar(index) + text.slice(to);
    change(value);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + 1, at + 1);
    });
  };

  return (
    <div
      className="para-editor"
      role="group"
      aria-label={`Editing paragraph ${number}`}
      // Escape leaves from anywhere in the editor (the text box or one of its buttons), as from the box itself.
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        if (problem !== undefined && !leaving) {
          setLeaving(true);
          return;
        }
        close(text);
      }}
      onBlur={(e) => {
        // Leaving for the editor's own buttons keeps it open, and so does switching to another window;
        // leaving for anything else in the app closes it, unless a broken tag would lose what was typed.
        if (!document.hasFocus() || e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        if (problem !== undefined) return;
        close(text);
      }}
    >
      <div className="para-editor__bar">
        {edited && (
          <span className="para-editor__badge" role="note">
            Edited
          </span>
        )}
        <span
          id={statusId}
          className={`para-editor__status para-editor__status--${status.kind}`}
          role={status.kind === 'failed' ? 'alert' : 'status'}
        >
          {/* A refused text is not saved, whatever the last good one was: the alert below says so. */}
          {problem === undefined ? statusText(status) : ''}
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
      {shownFlags.length > 0 && (
        <ul className="para-editor__flags" aria-label="Flags in this paragraph">
          {shownFlags.map((f) => (
            <li key={f.id} className={`para-editor__flag sev-${f.severity}`}>
              <span className="para-editor__flag-quote">
                {f.start === f.end
                  ? 'Omission'
                  : `“${(f.side === 'source' ? (paragraph.source ?? '') : paragraph.target).slice(f.start, f.end)}”`}
                {f.side === 'source' ? ' (source)' : ''}
              </span>{' '}
              <span className="para-editor__flag-what">
                {f.category} · {f.severity}
                {f.comment ? ` — ${f.comment}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <textarea
        ref={box}
        className={`para-editor__text para__text--${paragraph.kind}`}
        lang={langOf(text)}
        aria-label={`Text of paragraph ${number}`}
        aria-describedby={problem !== undefined ? `${problemId} ${statusId}` : statusId}
        aria-invalid={problem !== undefined}
        value={text}
        rows={1}
        spellCheck
        onChange={(e) => change(e.target.value)}
      />
      {problem !== undefined && (
        <p id={problemId} className="para-editor__problem" role="alert">
          Not saved: {problem}. Put the tag back where it belongs, or remove both tags of the pair; your text stays here.
          {leaving && ' Press Escape again to leave and keep the last saved text.'}
        </p>
      )}
      {codes && codes.length > 0 && (
        <div className="para-editor__codes">
          <div className="para-editor__preview" aria-label="Text with its tags" lang={langOf(shown)}>
            {/* The box shows a tag as a placeholder box; here it reads as the tag it stands for. */}
            <span className="para-editor__preview-label" aria-hidden="true">
              With tags:
            </span>
            <CodedText text={shown} codes={codes} />
          </div>
          {missing.length > 0 && (
            <div className="para-editor__insert" role="group" aria-label="Tags missing from the text">
              <span className="para-editor__insert-label">Missing tags:</span>
              {missing.map((index) => (
                <button
                  key={index}
                  type="button"
                  className="versions-small para-editor__insert-button"
                  aria-label={`Insert ${codes[index]!.label}`}
                  title={`Insert ${codes[index]!.label} at the caret`}
                  // Keeps the caret where it is: the code goes where the reviewer was typing.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insertCode(index)}
                >
                  + <CodeToken codes={codes} index={index} />
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {showMachine && (
        <div id={machineId} className="para-editor__machine" aria-label="Machine translation" lang={langOf(paragraph.target)}>
          {paragraph.target ? (
            <AnnotatedText text={paragraph.target} flags={shownFlags.filter((f) => f.side === 'target')} onSelectFlag={() => undefined} />
          ) : (
            <em>No machine translation at this position</em>
          )}
        </div>
      )}
    </div>
  );
}
