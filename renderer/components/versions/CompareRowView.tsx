/**
 * One row of the compare view: a paragraph as it reads in the left version and in the right one, side by side
 * or merged inline, with deletions struck through and insertions marked. Renders a row the service computed;
 * decides nothing about the diff.
 */
import { memo, type ReactNode } from 'react';
import { statusLabel, type CompareRow } from '../../../shared/diff/compare-rows';
import type { DiffSegment } from '../../../shared/diff/text-diff';
import { assertNever } from '../../../shared/result';
import { markFlags, type ComparedFlag, type FlaggedPiece } from '../../state/flagged-segments';
import { formatRate, paragraphNumber, rateDetail, rateName } from '../../state/version-format';
import { langOf } from '../../state/text-lang';
import type { InlineCode } from '../../../shared/model';
import { CodedText } from '../text/CodedText';

export type CompareLayout = 'side-by-side' | 'inline';

export interface CompareRowViewProps {
  /** The row, or undefined while its window is being fetched. */
  readonly row: CompareRow | undefined;
  /** Position among all rows (0-based), for the number shown while loading. */
  readonly index: number;
  readonly layout: CompareLayout;
  readonly current: boolean;
  /** Flags on the left text of this paragraph (only when the left side is the machine translation). */
  readonly flags: readonly ComparedFlag[];
  /** Set when the row can be reverted (the left side is a saved version): the version's number. */
  readonly revertTo?: number;
  readonly onRevert: (row: CompareRow) => void;
  /** Marks a flag fixed (offered on flags whose span a later version changed). */
  readonly onMarkFixed?: (annotationId: string) => void;
  /** What the edit rates count (words, or characters for Chinese and Japanese). */
  readonly rateUnit?: 'word' | 'char';
  /** Position of this row in the list (differs from `index` when only changed rows are listed). */
  readonly position: number;
  readonly onFocusRow: (position: number) => void;
  /** The paragraph's inline codes, shown as tokens (a generic token while they are not known). */
  readonly codes?: readonly InlineCode[] | undefined;
}

const NO_FLAGS: readonly ComparedFlag[] = [];

type Codes = readonly InlineCode[] | undefined;

function Segments({ segments, codes }: { readonly segments: readonly DiffSegment[]; readonly codes: Codes }) {
  return (
    <>
      {segments.map((s, i) => {
        switch (s.kind) {
          case 'same':
            return (
              <span key={i}>
                <CodedText text={s.text} codes={codes} />
              </span>
            );
          case 'delete':
            return (
              <del key={i} className="cmp-del">
                <CodedText text={s.text} codes={codes} />
              </del>
            );
          case 'insert':
            return (
              <ins key={i} className="cmp-ins">
                <CodedText text={s.text} codes={codes} />
              </ins>
            );
          default:
            return assertNever(s.kind, 'segment kind');
        }
      })}
    </>
  );
}

function flagTitle(flags: readonly ComparedFlag[]): string {
  return flags
    .map((f) => `${f.annotation.category} · ${f.annotation.severity}${f.annotation.comment ? ` · ${f.annotation.comment}` : ''}`)
    .join('\n');
}

function FlaggedSegments({ pieces, codes }: { readonly pieces: readonly FlaggedPiece[]; readonly codes: Codes }) {
  return (
    <>
      {pieces.map((p, i) => {
        if (p.omission) {
          return (
            <mark
              key={i}
              className={`omission sev-${p.severity ?? 'minor'}`}
              title={`Omission: ${flagTitle(p.flags)}`}
              aria-label="omission flagged here"
            />
          );
        }
        const text = <CodedText text={p.text} codes={codes} />;
        const body =
          p.kind === 'delete' ? <del className="cmp-del">{text}</del> : p.kind === 'insert' ? <ins className="cmp-ins">{text}</ins> : text;
        if (p.flags.length === 0) return <span key={i}>{body}</span>;
        return (
          <mark key={i} className={`flag cmp-flag sev-${p.severity ?? 'minor'}`} title={flagTitle(p.flags)}>
            {body}
          </mark>
        );
      })}
    </>
  );
}

/** One side's text: its diff segments, with the flags laid over them when there are any. */
function Side({
  segments,
  flags,
  codes,
}: {
  readonly segments: readonly DiffSegment[];
  readonly flags: readonly ComparedFlag[];
  readonly codes: Codes;
}) {
  return flags.length > 0 ? (
    <FlaggedSegments pieces={markFlags(segments, flags)} codes={codes} />
  ) : (
    <Segments segments={segments} codes={codes} />
  );
}

function whole(text: string | undefined, kind: DiffSegment['kind']): readonly DiffSegment[] {
  return text ? [{ kind, text }] : [];
}

function columns(row: CompareRow): {
  readonly left: readonly DiffSegment[];
  readonly right: readonly DiffSegment[];
  readonly inline: readonly DiffSegment[];
} {
  switch (row.status) {
    case 'same': {
      const s = whole(row.left, 'same');
      return { left: s, right: s, inline: s };
    }
    case 'changed':
      if (row.diff) return { left: row.diff.left, right: row.diff.right, inline: row.diff.segments };
      return {
        left: whole(row.left, 'delete'),
        right: whole(row.right, 'insert'),
        inline: [...whole(row.left, 'delete'), ...whole(row.right, 'insert')],
      };
    case 'added':
      return { left: [], right: whole(row.right, 'insert'), inline: whole(row.right, 'insert') };
    case 'removed':
      return { left: whole(row.left, 'delete'), right: [], inline: whole(row.left, 'delete') };
    default:
      return assertNever(row.status, 'row status');
  }
}

function coarsenedNote(row: CompareRow): string | undefined {
  if (!row.diff?.coarsened) return undefined;
  return row.diff.level === 'paragraph'
    ? 'shown as replaced: paragraph too long or too different for a word diff'
    : 'shown by word: paragraph too long for a character diff';
}

function Empty({ children }: { readonly children: ReactNode }) {
  return <span className="cmp-row__none">{children}</span>;
}

export const CompareRowView = memo(function CompareRowView({
  row,
  index,
  layout,
  current,
  flags = NO_FLAGS,
  revertTo,
  onRevert,
  onMarkFixed,
  rateUnit = 'word',
  position,
  onFocusRow,
  codes,
}: CompareRowViewProps) {
  if (!row) {
    return (
      <div className="cmp-row cmp-row--loading" role="listitem" tabIndex={-1} aria-label={`Row ${index + 1}, loading`} aria-busy="true">
        <span className="cmp-row__num">{index + 1}</span>
        <div className="para__skeleton" />
        {layout === 'side-by-side' && <div className="para__skeleton" />}
      </div>
    );
  }
  const number = paragraphNumber(row.paragraphId, row.index);
  const status = statusLabel(row.status);
  const cols = columns(row);
  const note = coarsenedNote(row);
  const fixed = flags.filter((f) => f.fixedInVersion !== undefined);
  const lang = langOf(row.right ?? row.left);
  const canRevert = revertTo !== undefined && row.status === 'changed';
  const showFoot = row.status !== 'same' || fixed.length > 0;
  return (
    <div
      className={`cmp-row cmp-row--${row.status} cmp-row--${layout}${current ? ' cmp-row--current' : ''}`}
      role="listitem"
      tabIndex={current ? 0 : -1}
      aria-current={current ? 'true' : undefined}
      aria-label={`Paragraph ${number}, ${status}`}
      data-paragraph-id={row.paragraphId}
      onFocus={() => onFocusRow(position)}
    >
      <span className="cmp-row__num" aria-hidden="true">
        {number}
      </span>
      {layout === 'side-by-side' ? (
        <>
          <div className="cmp-row__text cmp-row__text--left" lang={lang} aria-label="Left version">
            {row.status === 'added' ? <Empty>Not in the left version</Empty> : <Side segments={cols.left} flags={flags} codes={codes} />}
          </div>
          <div className="cmp-row__text cmp-row__text--right" lang={lang} aria-label="Right version">
            {row.status === 'removed' ? <Empty>Not in the right version</Empty> : <Segments segments={cols.right} codes={codes} />}
          </div>
        </>
      ) : (
        <div className="cmp-row__text" lang={lang}>
          {/* Flags sit on the left text, whose every letter is here too (kept or struck through): drawn as beside. */}
          <Side segments={cols.inline} flags={flags} codes={codes} />
        </div>
      )}
      {showFoot && (
        <div className="cmp-row__foot">
          <span className={`cmp-row__status cmp-row__status--${row.status}`}>{status}</span>
          {row.ter && (
            <span className="cmp-row__ter" title={rateDetail(row.ter, rateUnit)}>
              {rateName(rateUnit)} {formatRate(row.ter)}
            </span>
          )}
          {note && <span className="cmp-row__note">{note}</span>}
          {fixed.map((f) => (
            <span key={f.annotation.id} className="cmp-chip" title={flagTitle([f])}>
              {f.annotation.category.split('/').pop()} fixed in version {f.fixedInVersion}
              {f.annotation.status === 'open' && onMarkFixed && (
                <button
                  type="button"
                  className="versions-small cmp-chip__action"
                  onClick={() => onMarkFixed(f.annotation.id)}
                  aria-label={`Mark the ${f.annotation.category} flag fixed`}
                >
                  Mark fixed
                </button>
              )}
              {f.annotation.status === 'fixed' && <span className="cmp-chip__done"> · marked fixed</span>}
            </span>
          ))}
          {canRevert && (
            <button type="button" className="versions-small cmp-row__revert" onClick={() => onRevert(row)}>
              Revert paragraph to left version
            </button>
          )}
        </div>
      )}
    </div>
  );
});
