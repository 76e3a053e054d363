/**
 * The compare view's left column when it shows the machine translation: diff segments (what stayed, what was
 * deleted) cut further at the edges of the flags on that text, so a flagged span is highlighted and a deletion
 * inside it stays struck through. Flag offsets count UTF-16 units of the left text; inserted segments belong to
 * the right text and take no room on the left.
 */
import type { DiffSegment, SegmentKind } from '../../shared/diff/text-diff';
import type { Annotation, Severity } from '../../shared/model';
import { mostSevere } from './annotation-segments';

/** A flag on the left text, with the version in which its span was changed, if any. */
export interface ComparedFlag {
  readonly annotation: Annotation;
  readonly fixedInVersion?: number;
}

export interface FlaggedPiece {
  readonly kind: SegmentKind;
  readonly text: string;
  /** Offsets in the left text (an insertion sits at a point: start === end). */
  readonly start: number;
  readonly end: number;
  /** Flags covering this piece; for an omission point, the omissions flagged here. */
  readonly flags: readonly ComparedFlag[];
  readonly severity?: Severity;
  /** True for a zero-width mark where an omission was flagged. */
  readonly omission: boolean;
}

/**
 * Cuts `segments` (one side of a diff, or a whole text as one `same` segment) at every flag edge. Flags are
 * clipped to the text; a zero-length flag becomes an omission point before the text at its offset.
 */
export function markFlags(segments: readonly DiffSegment[], flags: readonly ComparedFlag[]): FlaggedPiece[] {
  const spans = flags.filter((f) => f.annotation.end > f.annotation.start);
  const omissions = flags.filter((f) => f.annotation.end === f.annotation.start);
  const placed = new Set<ComparedFlag>();
  const pieces: FlaggedPiece[] = [];
  let pos = 0;
  const omissionsAt = (at: number, last: boolean): void => {
    const here = omissions.filter((o) => !placed.has(o) && (o.annotation.start === at || (last && o.annotation.start > at)));
    if (here.length === 0) return;
    for (const o of here) placed.add(o);
    const severity = mostSevere(here.map((o) => o.annotation));
    pieces.push({ kind: 'same', text: '', start: at, end: at, flags: here, omission: true, ...(severity ? { severity } : {}) });
  };
  for (const segment of segments) {
    if (segment.kind === 'insert') {
      pieces.push({ kind: 'insert', text: segment.text, start: pos, end: pos, flags: [], omission: false });
      continue;
    }
    const end = pos + segment.text.length;
    const cuts = new Set<number>([pos, end]);
    for (const f of spans) {
      if (f.annotation.start > pos && f.annotation.start < end) cuts.add(f.annotation.start);
      if (f.annotation.end > pos && f.annotation.end < end) cuts.add(f.annotation.end);
    }
    for (const o of omissions) if (o.annotation.start > pos && o.annotation.start < end) cuts.add(o.annotation.start);
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      omissionsAt(a, false);
      const covering = spans.filter((f) => f.annotation.start <= a && f.annotation.end >= b);
      const severity = mostSevere(covering.map((f) => f.annotation));
      pieces.push({
        kind: segment.kind,
        text: segment.text.slice(a - pos, b - pos),
        start: a,
        end: b,
        flags: covering,
        omission: false,
        ...(severity ? { severity } : {}),
      });
    }
    pos = end;
  }
  omissionsAt(pos, true);
  return pieces;
}
