/**
 * Applies a change's delta to the review view the renderer holds, so a flag or an undo costs the page what
 * changed, not the whole review again. Pure: the same view and delta always give the same new view.
 *
 * A delta whose `seq` is not newer than the last one applied is ignored: the answer to a change and the event
 * that tells other windows about it carry the same delta, and a window may hear both.
 */
import type { ReviewDelta, ReviewView } from '../../shared/contract';
import type { Annotation } from '../../shared/model';

/** The view with the delta applied; the same object when the delta is not newer than what the view has seen. */
export function applyDelta(view: ReviewView, delta: ReviewDelta): ReviewView {
  if (delta.reviewId !== view.reviewId || delta.seq <= view.seq) return view;
  let annotations: readonly Annotation[] = view.annotations;
  if (delta.annotations.length > 0 || delta.removed.length > 0) {
    const changed = new Map(delta.annotations.map((a) => [a.id, a]));
    const removed = new Set(delta.removed);
    // Changed flags keep their place; new ones go last, as the service lists flags in the order they were made.
    const next: Annotation[] = [];
    for (const a of view.annotations) {
      if (removed.has(a.id)) continue;
      const c = changed.get(a.id);
      next.push(c ?? a);
      changed.delete(a.id);
    }
    for (const a of changed.values()) next.push(a);
    annotations = next;
  }
  let drafts = view.drafts;
  const draftIds = Object.keys(delta.drafts);
  if (draftIds.length > 0) {
    const next: Record<string, string> = { ...view.drafts };
    for (const id of draftIds) {
      const text = delta.drafts[id];
      if (text === null || text === undefined) delete next[id];
      else next[id] = text;
    }
    drafts = next;
  }
  const { undoLabel: _u, redoLabel: _r, ...rest } = view;
  return {
    ...rest,
    seq: delta.seq,
    annotations,
    drafts,
    ...(delta.reviewed ? { reviewed: withMarks(view.reviewed, delta.reviewed) } : {}),
    ...(delta.notes ? { notes: withNotes(view.notes, delta.notes) } : {}),
    reviewedCount: delta.reviewedCount,
    unsaved: delta.unsaved,
    score: delta.score,
    ...(delta.versions ? { versions: delta.versions } : {}),
    ...(delta.undoLabel !== null ? { undoLabel: delta.undoLabel } : {}),
    ...(delta.redoLabel !== null ? { redoLabel: delta.redoLabel } : {}),
  };
}

/** The reviewed marks with a change's marks set or taken back. */
function withMarks(marks: ReviewView['reviewed'] | undefined, change: Readonly<Record<string, boolean>>): ReviewView['reviewed'] {
  const next = (marks ?? []).filter((id) => !Object.hasOwn(change, id));
  for (const [id, reviewed] of Object.entries(change)) if (reviewed) next.push(id);
  return next;
}

/** The notes with a change's notes set or removed (null). */
function withNotes(notes: ReviewView['notes'] | undefined, change: Readonly<Record<string, string | null>>): ReviewView['notes'] {
  const next: Record<string, string> = { ...notes };
  for (const [id, note] of Object.entries(change)) {
    if (note === null) delete next[id];
    else next[id] = note;
  }
  return next;
}
