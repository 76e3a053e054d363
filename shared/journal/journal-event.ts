/**
 * What a review file holds: a header line, then one event per line. The review's state is the fold of its
 * events (see `review-reducer.ts`), so everything a reviewer does that must survive a crash is an event here.
 *
 * Events are plain JSON. They carry a sequence number (1, 2, 3, ... in file order) and the ISO time they were
 * made; the journal assigns both when it appends, so callers build an `EventBody` and never number events.
 */
import type { Annotation, AnnotationStatus, ArticleInfo, Paragraph, Severity, Side } from '../model';
import { DEFAULT_PASS_THRESHOLD } from '../scoring/mqm-figures';

/** The name in every header's `format` field: a first line without it is not a review file. */
export const JOURNAL_FORMAT = 'redline-review';

/**
 * The newest format this build reads and writes. A file with a higher version is refused, never guessed at.
 * 1: the first format. 2: every line carries a CRC-32 of its text (see line-checksum.ts).
 */
export const JOURNAL_FORMAT_VERSION = 2;

/** The first line of a review file. `paragraphs` are the article's paragraphs as imported and never change. */
export interface JournalHeader {
  readonly format: typeof JOURNAL_FORMAT;
  readonly formatVersion: number;
  /** ISO time the review was started. */
  readonly created: string;
  readonly article: ArticleInfo;
  readonly paragraphs: readonly Paragraph[];
}

/**
 * Review-wide preferences that travel with the review, so a quality lead reopening it scores it the same way.
 * `scoringProfile` names a profile of the scoring module (e.g. `mqm-core`, `wmt`); `passThreshold` is the
 * MQM-Core quality score (0-100) at or above which the article passes.
 */
export interface ReviewSettings {
  readonly typology: string;
  readonly scoringProfile: string;
  readonly passThreshold: number;
  /**
   * Automatic checks the reviewer turned off for this review (check names, see shared/checks/finding.ts). Kept with
   * the review so that a quality lead reopening it is offered what the reviewer was offered. Absent: all on.
   */
  readonly checksOff?: readonly string[];
}

/** Used until a `settings-changed` event says otherwise. */
export const DEFAULT_SETTINGS: ReviewSettings = {
  typology: 'mqm-core',
  scoringProfile: 'mqm-core',
  passThreshold: DEFAULT_PASS_THRESHOLD,
};

/** The fields of an annotation a reviewer may change after flagging it. */
export interface AnnotationChanges {
  readonly category?: string;
  readonly severity?: Severity;
  readonly comment?: string;
  readonly status?: AnnotationStatus;
  readonly span?: { readonly start: number; readonly end: number };
  /** The flag moves to the other text of its paragraph (always with its new `span` there). */
  readonly side?: Side;
}

/**
 * A suggestion of an automatic check that the reviewer dismissed: never offered again for this check, span and
 * text. The span is in the paragraph's machine translation, as a flag's is.
 */
export interface DismissedSuggestion {
  readonly check: string;
  readonly paragraphId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Identifies a suggestion: the same check on the same text at the same place. */
export function suggestionKey(s: DismissedSuggestion): string {
  return `${s.check}\u0000${s.paragraphId}\u0000${s.start}\u0000${s.end}\u0000${s.text}`;
}

/**
 * One reversible change inside an undo step: what an annotation or a paragraph's draft was before and after.
 * `undefined` annotation means "did not exist"; draft texts are full paragraph texts (the machine translation
 * when the paragraph had no draft).
 */
export type Change =
  | {
      readonly kind: 'annotation';
      readonly id: string;
      readonly before?: Annotation;
      readonly after?: Annotation;
    }
  | { readonly kind: 'draft'; readonly paragraphId: string; readonly before: string; readonly after: string }
  /** A suggestion dismissed: before, it was offered; after, it is not. */
  | { readonly kind: 'dismissal'; readonly suggestion: DismissedSuggestion }
  /** A paragraph marked reviewed (or the mark taken back). */
  | { readonly kind: 'status'; readonly paragraphId: string; readonly before: boolean; readonly after: boolean }
  /** A paragraph's note; the empty text means "no note". */
  | { readonly kind: 'note'; readonly paragraphId: string; readonly before: string; readonly after: string };

/**
 * One entry of the undo (or redo) stack. `seq` is the event that made it; `group` is set for typing steps
 * (see `paragraph-edited`); `label` says in words what undo would take back ("Undo flag", "Undo typing").
 */
export interface UndoStep {
  readonly seq: number;
  readonly label: string;
  readonly group?: string;
  readonly changes: readonly Change[];
}

/** A saved version as it sits in the file: the texts of every paragraph that differs from the machine translation. */
export interface SavedVersion {
  /** 1, 2, 3, ...; version 0 is the machine translation as loaded and is never stored. */
  readonly number: number;
  readonly message: string;
  readonly author: string;
  /** ISO time the version was saved. */
  readonly at: string;
  /** Paragraph id → text, for paragraphs whose text differs from the machine translation. */
  readonly texts: Readonly<Record<string, string>>;
}

/**
 * Everything a reviewer does, as data. Undoable: annotation(s)-added, annotation-changed/removed, paragraph-edited,
 * paragraph-reverted, article-reverted, suggestions-dismissed, paragraph-status-set, paragraph-note-set. Not undoable (they are not edits of the article): version-saved,
 * rater-set, settings-changed. `snapshot` is written only by compaction and replaces all state but the header.
 */
export type EventBody =
  | { readonly type: 'annotation-added'; readonly annotation: Annotation }
  /**
   * Several flags at once, one undo step: every suggestion of one check accepted together. A long list is written
   * as several events carrying the same `group` key, which undo as one step as long as they follow one another.
   */
  | { readonly type: 'annotations-added'; readonly annotations: readonly Annotation[]; readonly group?: string }
  /** Suggestions of automatic checks dismissed, one undo step (one, or every suggestion of one check); `group` as above. */
  | { readonly type: 'suggestions-dismissed'; readonly suggestions: readonly DismissedSuggestion[]; readonly group?: string }
  | { readonly type: 'annotation-changed'; readonly id: string; readonly changes: AnnotationChanges }
  | { readonly type: 'annotation-removed'; readonly id: string }
  /**
   * The paragraph's new draft text (the whole paragraph). Consecutive edits of the same paragraph carrying the
   * same `group` key (the editor sends one key per typing burst, e.g. per focus of the paragraph editor) undo as
   * one step; any other event in between ends the group.
   */
  | { readonly type: 'paragraph-edited'; readonly paragraphId: string; readonly text: string; readonly group?: string }
  | { readonly type: 'paragraph-reverted'; readonly paragraphId: string; readonly version: number }
  | { readonly type: 'article-reverted'; readonly version: number }
  /**
   * Find and Replace in the translation: in each paragraph listed, the ranges of its current text ([start, end),
   * ordered, not overlapping) become `replacement`. One undo step, whether one match (`all` false) or every match
   * of `find` in the article was replaced. Ranges rather than whole texts keep a large Replace all small on disk.
   */
  | {
      readonly type: 'text-replaced';
      readonly find: string;
      readonly replacement: string;
      readonly all: boolean;
      readonly edits: readonly { readonly paragraphId: string; readonly ranges: readonly (readonly [number, number])[] }[];
    }
  | {
      readonly type: 'version-saved';
      readonly number: number;
      readonly message: string;
      readonly author: string;
      readonly texts: Readonly<Record<string, string>>;
    }
  /** The reviewer marked a paragraph reviewed, or took the mark back. One undo step. */
  | { readonly type: 'paragraph-status-set'; readonly paragraphId: string; readonly reviewed: boolean }
  /** The reviewer's note on a whole paragraph (not a span); the empty text removes it. One undo step. */
  | { readonly type: 'paragraph-note-set'; readonly paragraphId: string; readonly note: string }
  | { readonly type: 'rater-set'; readonly rater: string }
  | { readonly type: 'settings-changed'; readonly settings: Partial<ReviewSettings> }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'snapshot'; readonly snapshot: ReviewSnapshot };

/** A journal line after the header: an event body plus its number and time. */
export type JournalEvent = EventBody & { readonly seq: number; readonly at: string };

/** The whole state but the header, as compaction writes it. */
export interface ReviewSnapshot {
  readonly annotations: readonly Annotation[];
  readonly drafts: Readonly<Record<string, string>>;
  readonly versions: readonly SavedVersion[];
  readonly undo: readonly UndoStep[];
  readonly redo: readonly UndoStep[];
  readonly rater: string;
  readonly settings: ReviewSettings;
  /** Absent in snapshots written before suggestions existed. */
  readonly dismissed?: readonly DismissedSuggestion[];
  /** Ids of the paragraphs marked reviewed; absent when there are none. */
  readonly reviewed?: readonly string[];
  /** Paragraph id → the reviewer's note; absent when there are none. */
  readonly notes?: Readonly<Record<string, string>>;
}

/** Builds a header for a newly opened article. */
export function makeHeader(article: ArticleInfo, paragraphs: readonly Paragraph[], created: string): JournalHeader {
  return { format: JOURNAL_FORMAT, formatVersion: JOURNAL_FORMAT_VERSION, created, article, paragraphs };
}
