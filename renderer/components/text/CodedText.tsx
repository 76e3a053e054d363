/**
 * Text with inline codes shown as small labelled tokens (`<1>`, `</1>`, `{2}`) instead of the private-use
 * placeholder characters that stand for them (see InlineCode in the model).
 *
 * Each token still holds its placeholder character, visually hidden: a text selection over it counts one
 * character, exactly as the paragraph's text does, so flag offsets stay right; and copying a phrase with a token
 * copies the code itself. The label is drawn by CSS from `data-label`, so it adds nothing to the text.
 */
import { memo } from 'react';
import { hasInlineCodes, inlineCodeName, splitInlineCodes } from '../../../shared/formats/inline-codes';
import { inlineCodeChar, type InlineCode } from '../../../shared/model';
import './coded-text.css';

/** The label of the code at `index`; a generic mark when the paragraph has no such code (a plain-text article). */
export function codeLabel(codes: readonly InlineCode[] | undefined, index: number): string {
  return codes?.[index]?.label ?? 'tag';
}

/** One inline code as a token. */
export function CodeToken({ codes, index }: { readonly codes: readonly InlineCode[] | undefined; readonly index: number }) {
  const code = codes?.[index];
  const name = inlineCodeName(code);
  return (
    <span
      className={`code-token code-token--${code?.kind ?? 'unknown'}`}
      role="img"
      aria-label={name}
      title={name}
      data-label={codeLabel(codes, index)}
    >
      <span className="code-token__char">{inlineCodeChar(index)}</span>
    </span>
  );
}

interface Props {
  readonly text: string;
  readonly codes: readonly InlineCode[] | undefined;
}

/** A text with its codes as tokens; a text without codes is returned as it is (the common, fast case). */
export const CodedText = memo(function CodedText({ text, codes }: Props) {
  if (!hasInlineCodes(text)) return <>{text}</>;
  return <>{splitInlineCodes(text).map((p) => (p.kind === 'text' ? p.text : <CodeToken key={p.start} codes={codes} index={p.index} />))}</>;
});
