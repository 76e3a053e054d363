/**
 * The state of a review, as the fold of its journal, and the questions the app asks of it. The state is
 * immutable to its readers; the reducer builds it (see `review-reducer.ts`).
 *
 * Drafts hold only paragraphs whose current text differs from the machine translation, so a fresh review of a
 * 100,000-paragraph article costs no memory beyond its paragraphs, and "what did the reviewer change" is the
 * list of draft keys.
 */
import type { Annotation, Paragraph } from '../model';
import type { MarkSet } from './paragraph-marks';
import type { UndoStack } from './undo-stack';
import type { DismissedSuggestion, EventBody, JournalHeader, ReviewSettings, ReviewSnapshot, SavedVersion } from './journal-event';

/** A saved version in memory: like `SavedVersion`, with its texts in a map. */
export interface Version {
  readonly number: number;
  readonly message: string;
  readonly author: string;
  readonly at: string;
  /** Paragraph id → text for paragraphs that differ from the machine translation in this version. */
  readonly texts: ReadonlyMap<string, string>;
}

export interface ReviewState {
  readonly header: JournalHeader;
  /** The paragraphs as imported; `target` is the machine translation. */
  readonly paragraphs: readonly Paragraph[];
  /** Paragraph id → position in `paragraphs`. */
  readonly paragraphIndex: ReadonlyMap<string, number>;
  /** Annotation id → annotation, iterating in creation order. */
  readonly annotations: ReadonlyMap<string, Annotation>;
  /** Paragraph id → current text, only where it differs from the machine translation. */
  readonly drafts: ReadonlyMap<string, string>;
  /** Saved versions 1..n (version 0, the machine translation, is implicit). */
  readonly versions: readonly Version[];
  /** What undo would take back, the last step on top; shared with earlier states, never changed (see undo-stack.ts). */
  readonly undo: UndoStack;
  /** What redo would re-apply, the last undone step on top. */
  readonly redo: UndoStack;
  /** The reviewer's name, stamped on every flag they make. */
  readonly rater: string;
  readonly settings: ReviewSettings;
  /** Suggestions the reviewer dismissed, by `suggestionKey`. */
  readonly dismissed: ReadonlyMap<string, DismissedSuggestion>;
  /** Ids of the paragraphs the reviewer marked reviewed; its size is the progress figure, kept as events fold. */
  readonly reviewed: MarkSet;
  /** Paragraph id → the reviewer's note on the whole paragraph (never empty). */
  readonly notes: ReadonlyMap<string, string>;
  /** Sequence number of the last event folded in (0 for a new review). */
  readonly lastSeq: number;
  /**
   * Set right after a grouped event: the next typing edit with the same group and paragraph, or the next part of a
   * long list of flags or dismissals with the same group (no paragraph), joins its undo step.
   */
  readonly openGroup?: { readonly group: string; readonly paragraphId?: string };
}

/** A version number, or the reviewer's current working text. */
export type VersionRef = number | 'current';

/** The paragraph with this id, if the article has one. */
export function paragraphById(state: ReviewState, paragraphId: string): Paragraph | undefined {
  const i = state.paragraphIndex.get(paragraphId);
  return i === undefined ? undefined : state.paragraphs[i];
}

/** The paragraph's current text: its draft, or the machine translation when it has none. */
export function currentText(state: ReviewState, paragraphId: string): string | undefined {
  const draft = state.drafts.get(paragraphId);
  if (draft !== undefined) return draft;
  return paragraphById(state, paragraphId)?.target;
}

/** True when `ref` names version 0, a saved version, or the current text. */
export function hasVersion(state: ReviewState, ref: VersionRef): boolean {
  return ref === 'current' || (Number.isInteger(ref) && ref >= 0 && ref <= state.versions.length);
}

/** The paragraph's text in a version (0 = machine translation) or now; undefined for an unknown paragraph or version. */
export function textAt(state: ReviewState, paragraphId: string, ref: VersionRef): string | undefined {
  if (ref === 'current') return currentText(state, paragraphId);
  const paragraph = paragraphById(state, paragraphId);
  if (!paragraph || !hasVersion(state, ref)) return undefined;
  if (ref === 0) return paragraph.target;
  return state.versions[ref - 1]!.texts.get(paragraphId) ?? paragraph.target;
}

/** Every paragraph's text in a version (or now), in article order; undefined for an unknown version. */
export function versionTexts(state: ReviewState, ref: VersionRef): readonly string[] | undefined {
  return versionTextsIn(state, ref, 0, state.paragraphs.length);
}

/**
 * The texts of the paragraphs at positions [from, to) in a version (or now), for a caller that goes through a long
 * article a run at a time; undefined for an unknown version.
 */
export function versionTextsIn(state: ReviewState, ref: VersionRef, from: number, to: number): readonly string[] | undefined {
  if (!hasVersion(state, ref)) return undefined;
  const changed = ref === 'current' ? state.drafts : ref === 0 ? undefined : state.versions[ref - 1]!.texts;
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const p = state.paragraphs[i]!;
    out.push(changed?.get(p.id) ?? p.target);
  }
  return out;
}

/** Paragraphs whose texts `versionTextsInSteps` looks up between two breaths. */
const TEXTS_PER_STEP = 10_000;

/**
 * `versionTexts` for a caller that must keep its event loop free (the service): looking up all 100,000 paragraphs'
 * texts among a long review's drafts held it for 50 ms and more.
 */
export async function versionTextsInSteps(
  state: ReviewState,
  ref: VersionRef,
  breathe: () => Promise<void>,
): Promise<readonly string[] | undefined> {
  if (!hasVersion(state, ref)) return undefined;
  const out: string[] = [];
  for (let from = 0; from < state.paragraphs.length; from += TEXTS_PER_STEP) {
    if (from > 0) await breathe();
    for (const text of versionTextsIn(state, ref, from, Math.min(state.paragraphs.length, from + TEXTS_PER_STEP))!) out.push(text);
  }
  return out;
}

/** Ids of the paragraphs whose text in a version (or now) differs from the machine translation, in article order. */
export function changedFromMachine(state: ReviewState, ref: VersionRef): readonly string[] | undefined {
  if (!hasVersion(state, ref)) return undefined;
  if (ref === 0) return [];
  const changed = ref === 'current' ? state.drafts : state.versions[ref - 1]!.texts;
  return inArticleOrder(state, changed.keys());
}

/** Ids of the paragraphs whose text differs between two versions (or a version and now), in article order. */
export function changedBetween(state: ReviewState, a: VersionRef, b: VersionRef): readonly string[] | undefined {
  const fromA = changedFromMachine(state, a);
  const fromB = changedFromMachine(state, b);
  if (!fromA || !fromB) return undefined;
  // Only paragraphs changed from the machine translation on either side can differ.
  const candidates = inArticleOrder(state, new Set([...fromA, ...fromB]));
  return candidates.filter((id) => textAt(state, id, a) !== textAt(state, id, b));
}

/** Ids of paragraphs edited since the last saved version (since the machine translation when none is saved). */
export function unsavedParagraphs(state: ReviewState): readonly string[] {
  return changedBetween(state, state.versions.length, 'current') ?? [];
}

/**
 * How many paragraphs were edited since the last saved version: `unsavedParagraphs(state).length`, without putting
 * them in order. Every change's answer carries it, and after a Replace all there are tens of thousands to count.
 */
export function unsavedCount(state: ReviewState): number {
  const saved = state.versions.at(-1)?.texts;
  let count = 0;
  for (const [id, draft] of state.drafts) {
    const paragraph = paragraphById(state, id);
    if (paragraph && draft !== (saved?.get(id) ?? paragraph.target)) count += 1;
  }
  if (saved) {
    for (const [id, text] of saved) {
      const paragraph = paragraphById(state, id);
      if (paragraph && !state.drafts.has(id) && text !== paragraph.target) count += 1;
    }
  }
  return count;
}

/** Annotations in creation order. */
export function annotationList(state: ReviewState): readonly Annotation[] {
  return [...state.annotations.values()];
}

/** What undo would take back, in words ("typing", "flag"), or undefined when there is nothing to undo. */
export function undoLabel(state: ReviewState): string | undefined {
  return state.undo.top?.label;
}

/** What redo would re-apply, in words, or undefined when there is nothing to redo. */
export function redoLabel(state: ReviewState): string | undefined {
  return state.redo.top?.label;
}

/**
 * The event that saves the current text as the next version. It carries the text of every paragraph that differs
 * from the machine translation, so any version can be rebuilt from its own line. `author` defaults to the rater.
 */
export function saveVersionBody(state: ReviewState, message: string, author = state.rater): EventBody {
  return { type: 'version-saved', number: state.versions.length + 1, message, author, texts: Object.fromEntries(state.drafts) };
}

/** The state but the header, as plain JSON, for compaction. */
export function snapshotOf(state: ReviewState): ReviewSnapshot {
  const versions: SavedVersion[] = state.versions.map((v) => ({
    number: v.number,
    message: v.message,
    author: v.author,
    at: v.at,
    texts: Object.fromEntries(v.texts),
  }));
  return {
    annotations: annotationList(state),
    drafts: Object.fromEntries(state.drafts),
    versions,
    undo: state.undo.toArray(),
    redo: state.redo.toArray(),
    rater: state.rater,
    settings: state.settings,
    ...(state.dismissed.size > 0 ? { dismissed: [...state.dismissed.values()] } : {}),
    ...(state.reviewed.size > 0 ? { reviewed: [...state.reviewed] } : {}),
    ...(state.notes.size > 0 ? { notes: Object.fromEntries(state.notes) } : {}),
  };
}

function inArticleOrder(state: ReviewState, ids: Iterable<string>): string[] {
  const withIndex: [number, string][] = [];
  for (const id of ids) {
    const i = state.paragraphIndex.get(id);
    if (i !== undefined) withIndex.push([i, id]);
  }
  return withIndex.sort((x, y) => x[0] - y[0]).map(([, id]) => id);
}
