/** A paragraph's text with its flags highlighted by severity; omissions show as a caret between words. */
import { memo, useMemo } from 'react';
import type { Annotation, InlineCode } from '../../../shared/model';
import { mostSevere, segmentText } from '../../state/annotation-segments';
import { isSuggestionMark } from '../../state/suggestion-marks';
import { CodedText } from '../text/CodedText';
import './highlights.css';

interface Props {
  readonly text: string;
  /** The inline codes of this side of the paragraph, shown as tokens; flags over them highlight them too. */
  readonly codes?: readonly InlineCode[] | undefined;
  readonly flags: readonly Annotation[];
  readonly selectedFlag?: string;
  readonly onSelectFlag: (id: string) => void;
}

function describe(flags: readonly Annotation[]): string {
  return flags
    .map((f) =>
      isSuggestionMark(f.id)
        ? `Suggestion: ${f.comment} (proposed: ${f.category}, ${f.severity})`
        : `${f.severity} · ${f.category}${f.comment ? ` — ${f.comment}` : ''} (${f.rater})`,
    )
    .join('\n');
}

/** A piece covered only by suggestions is drawn as one: dashed, without a severity colour. */
function onlySuggestions(flags: readonly Annotation[]): boolean {
  return flags.length > 0 && flags.every((f) => isSuggestionMark(f.id));
}

export const AnnotatedText = memo(function AnnotatedText({ text, codes, flags, selectedFlag, onSelectFlag }: Props) {
  const pieces = useMemo(() => segmentText(text, flags), [text, flags]);
  return (
    <>
      {pieces.map((p) => (
        <span key={`${p.start}-${p.end}`}>
          {p.omissionsBefore.map((f) => (
            <mark
              key={f.id}
              className={`omission ${isSuggestionMark(f.id) ? 'suggestion' : `sev-${f.severity}`}${f.id === selectedFlag ? ' is-selected' : ''}`}
              title={isSuggestionMark(f.id) ? describe([f]) : `Omission: ${describe([f])}`}
              role="img"
              aria-label={isSuggestionMark(f.id) ? `Suggested point: ${f.category}` : `Omission: ${f.category}, ${f.severity}`}
              data-flag-id={f.id}
              onClick={(e) => {
                e.stopPropagation();
                onSelectFlag(f.id);
              }}
            />
          ))}
          {p.severity ? (
            <mark
              className={`${onlySuggestions(p.flags) ? 'suggestion' : `flag sev-${mostSevere(p.flags.filter((f) => !isSuggestionMark(f.id))) ?? p.severity}${p.flags.length > 1 ? ' flag--overlap' : ''}`}${p.flags.some((f) => f.id === selectedFlag) ? ' is-selected' : ''}`}
              title={describe(p.flags)}
              data-flag-id={p.flags[0]!.id}
              onClick={(e) => {
                if (window.getSelection()?.isCollapsed === false) return;
                e.stopPropagation();
                const ids = p.flags.map((f) => f.id);
                // Clicking an overlap again cycles through the flags it holds.
                const at = selectedFlag ? ids.indexOf(selectedFlag) : -1;
                onSelectFlag(ids[(at + 1) % ids.length]!);
              }}
            >
              <CodedText text={p.text} codes={codes} />
            </mark>
          ) : (
            <CodedText text={p.text} codes={codes} />
          )}
        </span>
      ))}
    </>
  );
});
