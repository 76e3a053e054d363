/**
 * For the compare view: in which saved version was each flagged error fixed? A flag marks a span of the
 * machine translation; it counts as fixed in the first saved version whose word diff from the machine
 * translation deletes or replaces characters of the span, or inserts text inside it. An omission point (a
 * zero-length span) counts as fixed where text was inserted at it or an edit touches it (white space around the
 * point included, since a word diff places an insertion before or after the space).
 *
 * Only saved versions count: the working text is not a version until it is saved. Each paragraph is diffed
 * once per version however many flags it carries.
 */
import { diffText } from '../../shared/diff/text-diff';
import type { ReviewState } from '../../shared/journal/review-state';
import type { Annotation } from '../../shared/model';

/** An edit of the machine translation, in its offsets: `start === end` for an insertion. */
interface EditSpan {
  readonly start: number;
  readonly end: number;
  readonly insert: boolean;
}

/** The edits of a word diff from `before` to `after`, in the offsets of `before`. */
export function editSpans(before: string, after: string): EditSpan[] {
  const spans: EditSpan[] = [];
  let at = 0;
  for (const segment of diffText(before, after, 'word').segments) {
    switch (segment.kind) {
      case 'same':
        at += segment.text.length;
        break;
      case 'delete':
        spans.push({ start: at, end: at + segment.text.length, insert: false });
        at += segment.text.length;
        break;
      case 'insert':
        spans.push({ start: at, end: at, insert: true });
        break;
    }
  }
  return spans;
}

/** True when an edit changes the flagged span of `text` (see the file comment). */
export function spanEdited(text: string, start: number, end: number, edits: readonly EditSpan[]): boolean {
  if (start < end) {
    return edits.some((e) => (e.insert ? e.start > start && e.start < end : e.start < end && e.end > start));
  }
  let left = start;
  while (left > 0 && /\s/.test(text[left - 1]!)) left--;
  let right = start;
  while (right < text.length && /\s/.test(text[right]!)) right++;
  return edits.some((e) => e.start <= right && e.end >= left);
}

/**
 * Flag id → the first saved version that fixed it, for target-side flags (source-side flags mark the source,
 * which versions do not change). Flags never fixed are absent.
 */
export function fixedInVersions(state: ReviewState, flags: Iterable<Annotation>): Map<string, number> {
  const fixed = new Map<string, number>();
  const diffs = new Map<string, EditSpan[]>();
  for (const flag of flags) {
    if (flag.side !== 'target') continue;
    const i = state.paragraphIndex.get(flag.paragraphId);
    if (i === undefined) continue;
    const target = state.paragraphs[i]!.target;
    for (const version of state.versions) {
      const text = version.texts.get(flag.paragraphId);
      if (text === undefined || text === target) continue;
      const key = `${version.number}\u0000${flag.paragraphId}`;
      let edits = diffs.get(key);
      if (!edits) {
        edits = editSpans(target, text);
        diffs.set(key, edits);
      }
      if (spanEdited(target, flag.start, flag.end, edits)) {
        fixed.set(flag.id, version.number);
        break;
      }
    }
  }
  return fixed;
}
