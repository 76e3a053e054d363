/**
 * Cuts a paragraph's text into pieces at every flag boundary, so overlapping flags stay readable: each piece
 * knows every flag that covers it and shows the most severe. Omissions (zero-length flags) become points
 * between pieces. Pure: the view only renders the pieces.
 */
import type { Annotation, Severity } from '../../shared/model';

export interface TextPiece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Flags covering this piece, in creation order. */
  readonly flags: readonly Annotation[];
  /** The most severe of `flags`; absent for unflagged text. */
  readonly severity?: Severity;
  /** Omission flags that sit right before this piece. */
  readonly omissionsBefore: readonly Annotation[];
}

const RANK: Record<Severity, number> = { neutral: 0, minor: 1, major: 2, critical: 3 };

export function mostSevere(flags: readonly Annotation[]): Severity | undefined {
  let best: Severity | undefined;
  for (const f of flags) if (best === undefined || RANK[f.severity] > RANK[best]) best = f.severity;
  return best;
}

/**
 * Pieces of `text` for the given flags (only those of this paragraph and side should be passed; dismissed flags
 * are left out by the caller when it wants them hidden). Spans are clipped to the text.
 */
export function segmentText(text: string, flags: readonly Annotation[]): TextPiece[] {
  const len = text.length;
  const spans = flags.filter((f) => f.end > f.start).map((f) => ({ f, start: Math.min(f.start, len), end: Math.min(f.end, len) }));
  const omissions = flags.filter((f) => f.end === f.start).map((f) => ({ f, at: Math.min(f.start, len) }));
  const cuts = new Set<number>([0, len]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  for (const o of omissions) cuts.add(o.at);
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1] ?? len;
    if (end < start) continue;
    const omissionsBefore = omissions.filter((o) => o.at === start).map((o) => o.f);
    if (end === start && omissionsBefore.length === 0) continue;
    const covering = spans.filter((s) => s.start <= start && s.end >= end && s.end > s.start && end > start).map((s) => s.f);
    const severity = mostSevere(covering);
    pieces.push({ start, end, text: text.slice(start, end), flags: covering, omissionsBefore, ...(severity ? { severity } : {}) });
  }
  return pieces;
}
