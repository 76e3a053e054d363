/** One numbered paragraph: its source (when there is one) beside its translation. */
import { memo, useRef, type ReactNode } from 'react';
import type { Annotation, InlineCode, Paragraph } from '../../shared/model';
import { AnnotatedText } from './flags/AnnotatedText';
import { CodedText } from './text/CodedText';
import { useKeptSelection } from './text/use-kept-selection';
import { langOf } from '../state/text-lang';
import { isSuggestionMark } from '../state/suggestion-marks';
import { ParagraphNote, ReviewedMark } from './status/ParagraphMarks';
import './article.css';

const NO_FLAGS: readonly Annotation[] = [];

interface Props {
  readonly index: number;
  readonly total: number;
  readonly paragraph: Paragraph | undefined;
  readonly bilingual: boolean;
  readonly current: boolean;
  readonly onFocus: () => void;
  /** This paragraph's flags (any side), dismissed ones left out. */
  readonly flags?: readonly Annotation[];
  /** The reviewer's draft, when it differs from the machine translation. */
  readonly draft?: string;
  readonly selectedFlag?: string;
  readonly onSelectFlag?: (id: string) => void;
  /** Shown in place of the translation while the reviewer edits this paragraph. */
  readonly editor?: ReactNode;
  /** The reviewer marked this paragraph reviewed. */
  readonly reviewed?: boolean;
  /** The reviewer's note on the whole paragraph. */
  readonly note?: string;
  /** The review buttons, on the paragraph in focus only. */
  readonly reviewControls?: ReactNode;
  readonly onEditNote?: () => void;
}

interface TextProps {
  readonly text: string | undefined;
  /** The side's inline codes (`codes` or `sourceCodes`), shown as tokens. */
  readonly codes: readonly InlineCode[] | undefined;
  readonly side: 'source' | 'target';
  readonly kind: string;
  readonly paragraphId: string;
  readonly flags: readonly Annotation[];
  readonly selectedFlag?: string;
  readonly onSelectFlag?: (id: string) => void;
}

function Text({ text, codes, side, kind, paragraphId, flags, selectedFlag, onSelectFlag }: TextProps) {
  const box = useRef<HTMLDivElement>(null);
  useKeptSelection(box);
  if (text === undefined || text === '') {
    return (
      <div className={`para__text para__text--${side} para__text--missing`}>
        {side === 'source' ? 'No source paragraph at this position' : 'No translation at this position'}
      </div>
    );
  }
  return (
    <div
      className={`para__text para__text--${side} para__text--${kind}`}
      lang={langOf(text)}
      ref={box}
      data-text-side={side}
      data-paragraph-id={paragraphId}
      aria-label={side === 'source' ? 'Source' : 'Translation'}
    >
      {flags.length > 0 && onSelectFlag ? (
        <AnnotatedText text={text} codes={codes} flags={flags} selectedFlag={selectedFlag} onSelectFlag={onSelectFlag} />
      ) : (
        <CodedText text={text} codes={codes} />
      )}
    </div>
  );
}

/** A CAT tool's segment state as words: `needs-review-translation` → "needs review translation". */
function stateLabel(state: string): string {
  return state.replace(/^x-/, '').replace(/[-_]+/g, ' ');
}

/**
 * What the file said about the paragraph, on one quiet line below its text: its state in the CAT tool as a small
 * badge, then its translator's notes.
 */
function Origin({ paragraph }: { readonly paragraph: Paragraph }) {
  const notes = paragraph.notes ?? [];
  if (notes.length === 0 && paragraph.state === undefined) return null;
  return (
    <div className="para-meta">
      {paragraph.state !== undefined && (
        <span className="para-state" title={`State in the translation file: ${paragraph.state}`}>
          {stateLabel(paragraph.state)}
        </span>
      )}
      {notes.map((note, i) => (
        <span key={i} className="para-note">
          <span className="para-note__label">Note:</span> {note}
        </span>
      ))}
    </div>
  );
}

/** Indent and marker of a list item: an ordered item shows its number, as the article has it. */
function listStyle(paragraph: Paragraph): Record<string, string | number> {
  const number = /\d+[.)]/.exec(paragraph.prefix ?? '')?.[0];
  return { '--level': paragraph.level ?? 0, ...(number ? { '--marker': `"${number}"` } : {}) };
}

export const ParagraphRow = memo(function ParagraphRow({
  index,
  total,
  paragraph,
  bilingual,
  current,
  onFocus,
  flags = NO_FLAGS,
  draft,
  selectedFlag,
  onSelectFlag,
  editor,
  reviewed = false,
  note,
  reviewControls,
  onEditNote,
}: Props) {
  const number = index + 1;
  // Suggestions are drawn with the flags but are not flags: the label counts each apart.
  const suggested = flags.filter((f) => isSuggestionMark(f.id)).length;
  const flagged = flags.length - suggested;
  if (!paragraph) {
    return (
      <div className="para para--placeholder" role="listitem" aria-label={`Paragraph ${number}, loading`} aria-busy="true">
        <span className="para__num">{number}</span>
        <div className="para__text para__skeleton" />
        {bilingual && <div className="para__text para__skeleton" />}
      </div>
    );
  }
  const unmatched = paragraph.alignment === 'source-only' || paragraph.alignment === 'target-only';
  const kindLabel =
    paragraph.kind === 'heading'
      ? `heading ${paragraph.level ?? ''}`.trim()
      : paragraph.kind === 'list-item'
        ? 'list item'
        : paragraph.kind === 'text'
          ? undefined
          : paragraph.kind;
  return (
    <div
      className={`para para--${paragraph.kind}${current ? ' para--current' : ''}${unmatched ? ' para--unmatched' : ''}${reviewed ? ' para--reviewed' : ''}`}
      role="listitem"
      tabIndex={current ? 0 : -1}
      aria-current={current ? 'true' : undefined}
      aria-label={`Paragraph ${number} of ${total}${kindLabel ? `, ${kindLabel}` : ''}${unmatched ? ', unmatched' : ''}${flagged ? `, ${flagged} flag${flagged === 1 ? '' : 's'}` : ''}${suggested ? `, ${suggested} suggestion${suggested === 1 ? '' : 's'}` : ''}${draft !== undefined ? ', edited' : ''}${reviewed ? ', reviewed' : ''}${note ? ', with a note' : ''}`}
      aria-posinset={number}
      aria-setsize={total}
      data-paragraph-id={paragraph.id}
      onFocus={onFocus}
      onClick={onFocus}
      style={paragraph.kind === 'list-item' ? listStyle(paragraph) : undefined}
    >
      <span className="para__num-cell">
        <span className="para__num" aria-hidden="true">
          {number}
        </span>
        {reviewed && <ReviewedMark />}
      </span>
      {bilingual && (
        <Text
          text={paragraph.source}
          codes={paragraph.sourceCodes}
          side="source"
          kind={paragraph.kind}
          paragraphId={paragraph.id}
          flags={flags.filter((f) => f.side === 'source')}
          selectedFlag={selectedFlag}
          onSelectFlag={onSelectFlag}
        />
      )}
      {editor ?? (
        <div className="para__target">
          <Text
            text={draft ?? paragraph.target}
            codes={paragraph.codes}
            side="target"
            kind={paragraph.kind}
            paragraphId={paragraph.id}
            // Flags sit on the machine translation: once the paragraph is edited they are listed, not drawn.
            flags={draft === undefined ? flags.filter((f) => f.side === 'target') : NO_FLAGS}
            selectedFlag={selectedFlag}
            onSelectFlag={onSelectFlag}
          />
          <Origin paragraph={paragraph} />
          {note && <ParagraphNote note={note} {...(onEditNote ? { onEdit: onEditNote } : {})} />}
          {reviewControls}
        </div>
      )}
      {draft !== undefined && !editor && (
        <span className="para__badge para__badge--edited" role="note">
          Edited
        </span>
      )}
      {unmatched && (
        <span className="para__badge" role="note">
          {paragraph.alignment === 'source-only' ? 'Source only' : 'Translation only'}
        </span>
      )}
    </div>
  );
});
