/**
 * The API contract, declared once. The review service implements it; Electron IPC and the browser host carry it;
 * the renderer calls it without knowing which transport it has.
 *
 * Every method takes one plain JSON object and resolves to a `Result`. Arguments are validated against
 * `requestSchemas` at each boundary (preload, IPC handler, HTTP handler) before the service sees them.
 */
import type { PageCommand } from './commands';
import { z } from 'zod';
import type { CompareRow } from './diff/compare-rows';
import type { EditRate } from './diff/ter';
import { CHECK_NAMES, type Finding } from './checks/finding';
import type { ReviewSettings } from './journal/journal-event';
import { SEVERITIES, type Annotation, type ArticleInfo, type Paragraph } from './model';
import type { ReportModel } from './report/report-model';
import type { AdjudicationView } from './report/adjudication-view';
import { decisionSchema, MAX_DECISIONS } from './report/adjudication-decisions';
import type { ArticleScore, ParagraphScore } from './scoring/article-scorer';
import type { Typology } from './typology/typology';
import type { Failure, Remedy, Result } from './result';
import { FIND_SCOPES, type ArticleMatch } from './find/article-search';
import { MAX_FIND_LENGTH } from './find/text-search';

export interface OpenedReview {
  readonly reviewId: string;
  readonly article: ArticleInfo;
  /** Paragraphs found so far; the rest arrive with `load-progress` events. */
  readonly loaded: number;
  readonly done: boolean;
}

export interface ParagraphWindow {
  readonly reviewId: string;
  readonly start: number;
  readonly paragraphs: readonly Paragraph[];
  /** Paragraphs loaded so far (the total once `done`). */
  readonly loaded: number;
  readonly done: boolean;
  /** Source and target paragraph counts once both sides are loaded and they differ. */
  readonly mismatch?: { readonly source: number; readonly target: number };
}

export interface RecentFile {
  readonly path: string;
  readonly sourcePath?: string;
  readonly name: string;
  readonly opened: string;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly path: string;
  readonly kind: 'file' | 'directory';
  readonly bytes?: number;
}

export interface DirectoryListing {
  readonly path: string;
  readonly parent?: string;
  readonly entries: readonly DirectoryEntry[];
}

export interface AppInfo {
  readonly version: string;
  readonly host: 'electron' | 'browser';
  /** Largest article the loader accepts, in bytes. */
  readonly maxArticleBytes: number;
}

/** A saved version as listed in the version panel. */
export interface VersionSummary {
  /** 0 is the machine translation as loaded. */
  readonly number: number;
  readonly message: string;
  readonly author: string;
  /** ISO time; the review's start for version 0. */
  readonly at: string;
  /** Paragraphs whose text differs from the previous version. */
  readonly changedFromPrevious: number;
  /** Paragraphs whose text differs from the machine translation. */
  readonly changedFromMachine: number;
  /**
   * Edit rate from the machine translation to this version (HTER for the reviewed text). Absent for a moment after
   * a long review opens, while it is worked out: a `review-changed` event follows once it is known.
   */
  readonly ter?: EditRate;
}

/** A version with its edit rate worked out, as reports and exports use it. */
export type RatedVersion = VersionSummary & { readonly ter: EditRate };

/**
 * The review of the open article: everything the renderer shows besides the paragraphs themselves.
 * Returned whole when a review opens and when its settings or typology change (every flag is rescored then);
 * flags, edits, undo and versions answer with a `ReviewDelta` instead.
 */
export interface ReviewView {
  readonly reviewId: string;
  /** The review's last event when this view was made; deltas up to it are already in it. */
  readonly seq: number;
  /** The review file, and whether it sits beside the article or (folder not writable) in the app's data folder. */
  readonly reviewPath: string;
  readonly reviewLocation: 'beside-article' | 'data-folder';
  readonly rater: string;
  readonly settings: ReviewSettings;
  /** The active typology (MQM-Core unless a custom one was loaded). */
  readonly typology: Typology;
  /** In creation order. */
  readonly annotations: readonly Annotation[];
  /** Paragraph id → current text, only where it differs from the machine translation. */
  readonly drafts: Readonly<Record<string, string>>;
  /** Paragraphs edited since the last saved version. */
  readonly unsaved: number;
  /**
   * Ids of the paragraphs the reviewer marked reviewed, in no particular order. A list, not a record keyed by id:
   * a whole long article may be marked, and a list of 100,000 ids is made and read many times faster.
   */
  readonly reviewed: readonly string[];
  /** How many paragraphs are marked reviewed (the status bar's "Reviewed N of M"). */
  readonly reviewedCount: number;
  /** Paragraph id → the reviewer's note on the whole paragraph. */
  readonly notes: Readonly<Record<string, string>>;
  /** Version 0 (the machine translation) first. */
  readonly versions: readonly VersionSummary[];
  /** What undo and redo would do, in words ("Undo flag"); absent when there is nothing to undo or redo. */
  readonly undoLabel?: string;
  readonly redoLabel?: string;
  readonly score: ArticleScore;
  /**
   * What the edit rates count: words (TER), or characters for Chinese and Japanese targets, where words are not
   * separated by spaces (a character edit rate, same algorithm).
   */
  readonly editRateUnit: 'word' | 'char';
  /** Things the reviewer should know about the review file (a torn last line dropped on reopen, ...). */
  readonly warnings: readonly string[];
  /** Set when the review cannot be written here: every change is refused with `locked` or `read-only`. */
  readonly readOnly?: ReadOnlyReview;
}

/**
 * Why a review is open read-only, in words for a banner, and the ways out: `take-over` once the process that
 * holds it is gone, `copy` to continue in a copy in the app's data folder.
 */
export interface ReadOnlyReview {
  readonly reason: 'locked' | 'read-only-file' | 'read-only-folder';
  readonly message: string;
  readonly remedies: readonly Extract<Remedy, 'take-over' | 'copy'>[];
}

/**
 * What one change did to the review: the answer to a flag, an edit of flags, an undo or redo, a revert or a saved
 * version, and the `review-delta` event other windows hear. Its size depends on what changed, never on how many
 * flags the review holds; the renderer applies it to the view it holds (see renderer/state/review-delta.ts).
 */
/** Paragraphs whose drafts one `readDrafts` request reads at most: an answer of well under a megabyte. */
export const DRAFTS_PAGE = 500;

/** The drafts of the paragraphs asked for, as the review stood at `seq`: null where a paragraph has no draft. */
export interface DraftTexts {
  readonly seq: number;
  readonly drafts: Readonly<Record<string, string | null>>;
}

export interface ReviewDelta {
  readonly type: 'delta';
  readonly reviewId: string;
  /** The review's last event after this change: a delta older than what a view has seen is ignored. */
  readonly seq: number;
  /** Flags added or changed by the change, whole. */
  readonly annotations: readonly Annotation[];
  /** Ids of flags the change removed. */
  readonly removed: readonly string[];
  /** Drafts the change set: paragraph id → text, or null where the paragraph went back to the machine translation. */
  readonly drafts: Readonly<Record<string, string | null>>;
  /**
   * Paragraphs whose drafts the change set without carrying their texts (a Replace all, a Revert article, their undo:
   * tens of thousands of texts would make an answer of many megabytes); read them with `readDrafts`, a page at a
   * time. Absent: every draft the change set is in `drafts`.
   */
  readonly draftsToRead?: readonly string[];
  readonly unsaved: number;
  /** Paragraphs whose reviewed mark the change set or took back: paragraph id → reviewed now. Absent: none. */
  readonly reviewed?: Readonly<Record<string, boolean>>;
  /** Notes the change set: paragraph id → note, or null where the note was removed. Absent: none. */
  readonly notes?: Readonly<Record<string, string | null>>;
  /** How many paragraphs are marked reviewed after the change. */
  readonly reviewedCount: number;
  /** What undo and redo would now do; null when there is nothing to undo or redo. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  /** The article's figures after the change. */
  readonly score: ArticleScore;
  /** The figures of each paragraph whose flags changed. */
  readonly paragraphScores: readonly ParagraphScore[];
  /** Every version's summary, when the change saved a version (their number grows with versions, not flags). */
  readonly versions?: readonly VersionSummary[];
}

/**
 * Where the reviewer was in an article: the paragraph last in focus, and the versions and level last compared.
 * Kept per article in the app's data folder (focus moves would flood the review file).
 */
export interface ReviewPlace {
  readonly paragraphId?: string;
  readonly compare?: { readonly left: number | 'current'; readonly right: number | 'current'; readonly level: 'word' | 'char' };
}

/** One window of a comparison between two versions, for the virtualized compare view. */
export interface ComparisonWindow {
  readonly reviewId: string;
  readonly left: number | 'current';
  readonly right: number | 'current';
  readonly level: 'word' | 'char';
  readonly total: number;
  readonly start: number;
  readonly rows: readonly CompareRow[];
  /** Indices of every row that is not the same on both sides. */
  readonly changedIndices: readonly number[];
  readonly counts: { readonly same: number; readonly changed: number; readonly added: number; readonly removed: number };
  /** Edit rate of the whole article from left to right (total edits over total reference words). */
  readonly ter: EditRate;
  /** Flags on the left side's text, with the version in which each flag's span was changed, if any. */
  readonly flags: readonly { readonly annotation: Annotation; readonly fixedInVersion?: number }[];
}

/** A finding of an automatic check offered to the reviewer; `id` names it in accept and dismiss requests. */
export interface Suggestion extends Finding {
  readonly id: string;
}

/** The suggestions of a review, in article order (empty while `checking`). */
export interface SuggestionList {
  readonly reviewId: string;
  /** The checks are still running over the article: the list follows with a `suggestions-changed` event. */
  readonly checking: boolean;
  /** The suggestions from `offset` on: all of them, or the page asked for. */
  readonly suggestions: readonly Suggestion[];
  /** How many suggestions are offered in all (about 30,000 on a 100,000-paragraph article). */
  readonly total: number;
  readonly offset: number;
}

/** A match of Find in the article, with its paragraph's id. */
export interface FoundMatchPlace extends ArticleMatch {
  readonly paragraphId: string;
}

/**
 * The answer to Find: the nearest match in the direction asked (null when the article holds none) and, once every
 * match is counted (the service counts in the background as soon as a phrase is searched), its place among them.
 */
export interface FoundMatch {
  readonly reviewId: string;
  readonly match: FoundMatchPlace | null;
  /** 1-based place of the match among all of them; absent while they are being counted. */
  readonly ordinal?: number;
  /** Every match of the phrase in the article; absent while they are being counted. */
  readonly total?: number;
}

/** All matches of a phrase in the article, counted. */
export interface MatchCount {
  readonly reviewId: string;
  readonly total: number;
  /** Paragraphs holding at least one match. */
  readonly paragraphs: number;
}

/** What Replace or Replace all did: one change of the review (one undo step), and how much it replaced. */
export interface ReplaceResult {
  readonly delta: ReviewDelta;
  readonly replaced: number;
  readonly paragraphs: number;
}

/** Commands of the desktop menu that act on the page (undo and redo act on a text field when one has focus). */
export type MenuCommand = PageCommand;

/** Events the service pushes to the renderer. */
export type ServiceEvent =
  | {
      readonly type: 'load-progress';
      readonly reviewId: string;
      readonly bytesRead: number;
      readonly totalBytes: number;
      readonly paragraphs: number;
      readonly done: boolean;
      /** Set when loading stopped on an error (what was loaded stays readable). */
      readonly error?: Failure;
      /** Set once loading is done and the two sides have different paragraph counts. */
      readonly mismatch?: { readonly source: number; readonly target: number };
    }
  /** A command chosen in the desktop shell's menu, carried out by the renderer as if its shortcut was pressed. */
  | { readonly type: 'menu'; readonly command: MenuCommand }
  /** The desktop shell opened an article from its menu: the renderer shows it. */
  | { readonly type: 'article-opened'; readonly review: OpenedReview }
  /** The review file is open (after loading) or reopened: fetch `getReview` again. */
  | { readonly type: 'review-changed'; readonly reviewId: string }
  /**
   * A change to the review, as its answer said: other windows apply it to what they hold. A change of thousands of
   * flags comes as `review-changed` instead.
   */
  | { readonly type: 'review-delta'; readonly delta: ReviewDelta }
  /** The review's suggestions changed (the checks finished, an edit was re-checked, one was accepted): fetch them. */
  | { readonly type: 'suggestions-changed'; readonly reviewId: string };

/**
 * Largest file the browser can hand over by drag and drop (base64 of 48 MiB). A dropped file travels in one
 * request; larger articles open by path (File > Open), which streams.
 */
/** The most suggestions one accept or dismiss may name. */
export const MAX_SUGGESTIONS_NAMED = 200_000;
export const MAX_DROPPED_BASE64 = Math.ceil((48 * 1024 * 1024) / 3) * 4;

const path = z.string().min(1).max(4096);
const reviewId = z.string().min(1).max(64);
const id = z.string().min(1).max(128);
const severity = z.enum(SEVERITIES as [string, ...string[]]) as z.ZodType<Annotation['severity']>;
const versionRef = z.union([z.number().int().min(0), z.literal('current')]);
const MAX_TEXT = 1_000_000;
/** A phrase to find: literal text, where to look, and how to match it (see shared/find/text-search.ts). */
const findQuery = z
  .object({
    text: z.string().min(1).max(MAX_FIND_LENGTH),
    scope: z.enum(FIND_SCOPES as [string, ...string[]]) as z.ZodType<(typeof FIND_SCOPES)[number]>,
    matchCase: z.boolean().default(false),
    wholeWord: z.boolean().default(false),
  })
  .strict();
const replacement = z.string().max(10_000);
/** Suggestions named in one request: all of one check's on a long article (some 25,000 of 30,000 on 100,000 paragraphs). */
const suggestionIds = z.array(z.string().min(1).max(2000)).min(1).max(MAX_SUGGESTIONS_NAMED);

/**
 * Formats the export dialog writes. The corrected article: plain text, Markdown, HTML (into the original page when
 * the article was one), Word with tracked changes and comments (`docx`) or clean (`docx-clean`), the article's own
 * XLIFF file with corrected targets (XLIFF articles only), XLIFF 2.1 with every flag as ITS quality-issue markup,
 * a bilingual table (`bitext`). The review for other tools: WMT MQM TSV (`tsv`), the whole review as JSON, the
 * flags as CSV, a unified patch from the machine translation.
 */
export const EXPORT_ARTICLE_FORMATS = [
  'txt',
  'md',
  'html',
  'docx',
  'docx-clean',
  'xliff',
  'xliff-its',
  'bitext',
  'tsv',
  'json',
  'csv',
  'patch',
] as const;
export type ExportArticleFormat = (typeof EXPORT_ARTICLE_FORMATS)[number];

/**
 * What `exportText` answers: the file's content for a download. A Word document (and an XLIFF file written back in
 * its own encoding) is bytes, sent as base64 with `encoding: 'base64'`; anything else is UTF-8 text.
 */
export interface ExportedText {
  readonly text: string;
  readonly encoding?: 'base64';
  readonly paragraphs: number;
}

/** Schemas of each method's argument. The keys are the contract's method names. */
export const requestSchemas = {
  appInfo: z.object({}).strict(),
  openStartup: z.object({}).strict(),
  openSample: z.object({}).strict(),
  openArticle: z.object({ path, sourcePath: path.optional() }).strict(),
  readParagraphs: z
    .object({ reviewId, start: z.number().int().min(0), end: z.number().int().min(0) })
    .strict()
    .refine((r) => r.end >= r.start && r.end - r.start <= 2000, 'end must be at or after start, at most 2000 apart'),
  openDropped: z
    .object({
      name: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^/\\]+$/, 'a file name without folders'),
      // Base64 of the file's bytes: a browser cannot tell the service a dropped file's path.
      base64: z.string().max(MAX_DROPPED_BASE64),
    })
    .strict(),
  recentFiles: z.object({}).strict(),
  listDirectory: z.object({ path: path.optional() }).strict(),

  // Flags (annotations), scores and settings.
  getReview: z.object({ reviewId }).strict(),
  readDrafts: z.object({ reviewId, ids: z.array(z.string().min(1).max(200)).max(DRAFTS_PAGE) }).strict(),
  addAnnotation: z
    .object({
      reviewId,
      paragraphId: id,
      side: z.enum(['target', 'source']),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      category: z.string().min(1).max(200),
      severity,
      comment: z.string().max(10_000).default(''),
    })
    .strict()
    .refine((r) => r.end >= r.start, 'end must be at or after start'),
  changeAnnotation: z
    .object({
      reviewId,
      id,
      changes: z
        .object({
          category: z.string().min(1).max(200).optional(),
          severity: severity.optional(),
          comment: z.string().max(10_000).optional(),
          status: z.enum(['open', 'fixed', 'dismissed']).optional(),
          /** A new span for the flag, on its side or on the side named with it. */
          span: z
            .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
            .strict()
            .refine((s) => s.end >= s.start, 'end must be at or after start')
            .optional(),
          side: z.enum(['target', 'source']).optional(),
        })
        .strict()
        .refine((c) => c.side === undefined || c.span !== undefined, 'a flag moved to the other side needs its span there'),
    })
    .strict(),
  removeAnnotation: z.object({ reviewId, id }).strict(),
  undo: z.object({ reviewId }).strict(),
  redo: z.object({ reviewId }).strict(),
  setRater: z.object({ reviewId, rater: z.string().trim().min(1).max(100) }).strict(),
  changeSettings: z
    .object({
      reviewId,
      scoringProfile: z.enum(['wmt', 'wmt-legacy', 'mqm-core']).optional(),
      passThreshold: z.number().min(0).max(100).optional(),
      /** Goes back to the built-in MQM-Core typology (a custom one is loaded with `loadTypology`). */
      typology: z.literal('mqm-core').optional(),
      /** The automatic checks turned off for this review (the others are on). */
      checksOff: z.array(z.enum(CHECK_NAMES)).max(CHECK_NAMES.length).optional(),
    })
    .strict(),
  /** Loads a custom typology (JSON) from a file; it is copied into the review so the review stays self-contained. */
  loadTypology: z.object({ reviewId, path }).strict(),
  /**
   * A way out of a review that cannot be written here: `recover` a damaged file up to its damage, or `start-new`
   * (the damaged file is kept beside, renamed); `take-over` a review whose writer is gone; `copy` it to the data
   * folder and continue there.
   */
  resolveReview: z.object({ reviewId, remedy: z.enum(['recover', 'start-new', 'take-over', 'copy']) }).strict(),
  /** Figures of one paragraph (the score panel's "paragraph in focus"). */
  paragraphScore: z.object({ reviewId, paragraphId: id }).strict(),
  /** Marks a paragraph reviewed, or takes the mark back (kept in the review file; one undo step). */
  setParagraphReviewed: z.object({ reviewId, paragraphId: id, reviewed: z.boolean() }).strict(),
  /** Sets the reviewer's note on a whole paragraph; an empty note removes it (kept in the review file; one undo step). */
  setParagraphNote: z.object({ reviewId, paragraphId: id, note: z.string().max(10_000) }).strict(),
  /** Where the reviewer was in this article when last here (kept per article in the app's data folder, not the review). */
  getPlace: z.object({ reviewId }).strict(),
  /** Remembers where the reviewer is; written to disk a moment later, so moving through the article costs no writes. */
  setPlace: z
    .object({
      reviewId,
      paragraphId: id.optional(),
      compare: z
        .object({ left: versionRef, right: versionRef, level: z.enum(['word', 'char']) })
        .strict()
        .optional(),
    })
    .strict(),

  // Suggestions of the automatic checks.
  /** All suggestions, or `limit` of them from `offset` with the total: a long article's list is read in pages. */
  listSuggestions: z
    .object({ reviewId, offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(10_000).optional() })
    .strict(),
  /**
   * Turns suggestions into flags stamped with the reviewer's name (one undo step): as many as one check offers on the
   * longest article (its "Accept all").
   */
  acceptSuggestions: z.object({ reviewId, ids: suggestionIds }).strict(),
  /** Dismisses suggestions for good (kept in the review file; one undo step). */
  dismissSuggestions: z.object({ reviewId, ids: suggestionIds }).strict(),
  /** The quality report of the review, as data: the report view renders it as the saved HTML report does. */
  qualityReport: z.object({ reviewId }).strict(),

  // Post-editing and versions.
  /** Sets a paragraph's draft; resolves once it is durable. `group` joins a typing burst into one undo step. */
  editParagraph: z.object({ reviewId, paragraphId: id, text: z.string().max(MAX_TEXT), group: z.string().max(64).optional() }).strict(),
  saveVersion: z.object({ reviewId, message: z.string().trim().max(500) }).strict(),
  revertParagraph: z.object({ reviewId, paragraphId: id, version: z.number().int().min(0) }).strict(),
  revertArticle: z.object({ reviewId, version: z.number().int().min(0) }).strict(),
  compare: z
    .object({
      reviewId,
      left: versionRef,
      right: versionRef,
      level: z.enum(['word', 'char']).default('word'),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
    })
    .strict()
    .refine((r) => r.end >= r.start && r.end - r.start <= 2000, 'end must be at or after start, at most 2000 apart'),
  /**
   * Writes a version (default: the current text) in one of EXPORT_ARTICLE_FORMATS. An existing file is
   * replaced only with `overwrite` (the reviewer confirmed); review files, the article and its source never.
   */
  exportArticle: z
    .object({ reviewId, version: versionRef.optional(), format: z.enum(EXPORT_ARTICLE_FORMATS), path, overwrite: z.boolean().optional() })
    .strict(),
  /** The text an export would write, for the browser host to offer as a download (a browser names no server path). */
  exportText: z.object({ reviewId, version: versionRef.optional(), format: z.enum(EXPORT_ARTICLE_FORMATS) }).strict(),

  // Adjudication between raters (see electron/service/adjudication-desk.ts).
  /** The open review and the other raters' reviews added to it, most disputed paragraphs first. */
  adjudicationView: z.object({ reviewId }).strict(),
  /**
   * Adds another rater's review of the same article: by `path` (the desktop's file picker), or as the bytes of a
   * file chosen in a browser page (`upload`), which the service keeps in its data folder.
   */
  adjudicationAdd: z
    .object({
      reviewId,
      path: path.optional(),
      upload: z
        .object({
          name: z
            .string()
            .min(1)
            .max(255)
            .regex(/^[^/\\]+$/, 'a file name without folders'),
          base64: z.string().max(MAX_DROPPED_BASE64),
        })
        .strict()
        .optional(),
    })
    .strict()
    .refine((r) => (r.path === undefined) !== (r.upload === undefined), 'give either a path or an upload'),
  /** Takes an added review (named by its file name) out of the adjudication. */
  adjudicationRemove: z.object({ reviewId, review: z.string().min(1).max(255) }).strict(),
  /**
   * Writes the adjudicated review as a new file: at `path` (never over an existing file), or without one into the
   * app's data folder (the browser host).
   */
  adjudicationSave: z
    .object({
      reviewId,
      decisions: z.array(decisionSchema).max(MAX_DECISIONS),
      adjudicator: z.string().trim().min(1).max(100),
      path: path.optional(),
    })
    .strict(),

  // Find and replace over the whole article (see shared/find).
  /** The match nearest `from` in `direction` (wrapping around), in the current text; `inclusive` takes one starting at `from`. */
  findMatch: z
    .object({
      reviewId,
      query: findQuery,
      from: z.object({ paragraph: z.number().int().min(0), side: z.enum(['target', 'source']), offset: z.number().int().min(0) }).strict(),
      direction: z.union([z.literal(1), z.literal(-1)]).default(1),
      inclusive: z.boolean().default(false),
    })
    .strict(),
  /** Resolves once every match of the phrase in the article is counted. */
  countMatches: z.object({ reviewId, query: findQuery }).strict(),
  /** Replaces one match in a paragraph's translation (it must still be there); one undo step. */
  replaceMatch: z
    .object({ reviewId, query: findQuery, paragraphId: id, start: z.number().int().min(0), end: z.number().int().min(0), replacement })
    .strict()
    .refine((r) => r.end > r.start, 'end must be after start'),
  /** Replaces every match in the translation (never the source) as one edit of the article: one undo step. */
  replaceAll: z.object({ reviewId, query: findQuery, replacement }).strict(),
} as const;

export type MethodName = keyof typeof requestSchemas;
export type RequestOf<M extends MethodName> = z.infer<(typeof requestSchemas)[M]>;

/** The app's requests. */
export interface RedlineApi {
  appInfo(req: RequestOf<'appInfo'>): Promise<Result<AppInfo>>;
  /** Opens what the app was started with: a file named on the command line, or else the bundled sample. */
  openStartup(req: RequestOf<'openStartup'>): Promise<Result<OpenedReview>>;
  openSample(req: RequestOf<'openSample'>): Promise<Result<OpenedReview>>;
  openArticle(req: RequestOf<'openArticle'>): Promise<Result<OpenedReview>>;
  /** Opens a file dropped on the browser window: the service stores a copy in its data folder and opens that. */
  openDropped(req: RequestOf<'openDropped'>): Promise<Result<OpenedReview>>;
  readParagraphs(req: RequestOf<'readParagraphs'>): Promise<Result<ParagraphWindow>>;
  recentFiles(req: RequestOf<'recentFiles'>): Promise<Result<readonly RecentFile[]>>;
  listDirectory(req: RequestOf<'listDirectory'>): Promise<Result<DirectoryListing>>;

  /** The review of an open article; `null` while the article is still loading (the review file opens after). */
  getReview(req: RequestOf<'getReview'>): Promise<Result<ReviewView | null>>;
  /** The current drafts of some paragraphs (a delta's `draftsToRead`), at most `DRAFTS_PAGE` at once. */
  readDrafts(req: RequestOf<'readDrafts'>): Promise<Result<DraftTexts>>;
  addAnnotation(req: RequestOf<'addAnnotation'>): Promise<Result<ReviewDelta>>;
  changeAnnotation(req: RequestOf<'changeAnnotation'>): Promise<Result<ReviewDelta>>;
  removeAnnotation(req: RequestOf<'removeAnnotation'>): Promise<Result<ReviewDelta>>;
  undo(req: RequestOf<'undo'>): Promise<Result<ReviewDelta>>;
  redo(req: RequestOf<'redo'>): Promise<Result<ReviewDelta>>;
  setRater(req: RequestOf<'setRater'>): Promise<Result<ReviewView>>;
  changeSettings(req: RequestOf<'changeSettings'>): Promise<Result<ReviewView>>;
  loadTypology(req: RequestOf<'loadTypology'>): Promise<Result<ReviewView>>;
  paragraphScore(req: RequestOf<'paragraphScore'>): Promise<Result<ParagraphScore>>;
  setParagraphReviewed(req: RequestOf<'setParagraphReviewed'>): Promise<Result<ReviewDelta>>;
  setParagraphNote(req: RequestOf<'setParagraphNote'>): Promise<Result<ReviewDelta>>;
  /** The remembered place, or null for an article not opened before. */
  getPlace(req: RequestOf<'getPlace'>): Promise<Result<ReviewPlace | null>>;
  setPlace(req: RequestOf<'setPlace'>): Promise<Result<ReviewPlace>>;
  listSuggestions(req: RequestOf<'listSuggestions'>): Promise<Result<SuggestionList>>;
  acceptSuggestions(req: RequestOf<'acceptSuggestions'>): Promise<Result<ReviewDelta>>;
  dismissSuggestions(req: RequestOf<'dismissSuggestions'>): Promise<Result<ReviewDelta>>;
  /** Bounded in size whatever the article's length (see shared/report/report-model.ts). */
  qualityReport(req: RequestOf<'qualityReport'>): Promise<Result<ReportModel>>;
  /** Answers with a sentence saying what was done (where the damaged file went, ...); the review reopens. */
  resolveReview(req: RequestOf<'resolveReview'>): Promise<Result<{ readonly message: string }>>;

  /** Resolves once the draft is durable; light on purpose (typing sends one per keystroke burst). */
  editParagraph(req: RequestOf<'editParagraph'>): Promise<Result<{ readonly seq: number; readonly unsaved: number }>>;
  saveVersion(req: RequestOf<'saveVersion'>): Promise<Result<ReviewDelta>>;
  revertParagraph(req: RequestOf<'revertParagraph'>): Promise<Result<ReviewDelta>>;
  revertArticle(req: RequestOf<'revertArticle'>): Promise<Result<ReviewDelta>>;
  compare(req: RequestOf<'compare'>): Promise<Result<ComparisonWindow>>;
  /** Fails with `conflict` when the file exists and `overwrite` is not set. */
  exportArticle(req: RequestOf<'exportArticle'>): Promise<Result<{ readonly path: string; readonly paragraphs: number }>>;
  exportText(req: RequestOf<'exportText'>): Promise<Result<ExportedText>>;

  adjudicationView(req: RequestOf<'adjudicationView'>): Promise<Result<AdjudicationView>>;
  /** Fails, naming both articles, for a review of another article. */
  adjudicationAdd(req: RequestOf<'adjudicationAdd'>): Promise<Result<AdjudicationView>>;
  adjudicationRemove(req: RequestOf<'adjudicationRemove'>): Promise<Result<AdjudicationView>>;
  adjudicationSave(req: RequestOf<'adjudicationSave'>): Promise<Result<SavedAdjudication>>;
  /** Answers within a time slice of the service; the ordinal follows once the background count is done. */
  findMatch(req: RequestOf<'findMatch'>): Promise<Result<FoundMatch>>;
  countMatches(req: RequestOf<'countMatches'>): Promise<Result<MatchCount>>;
  /** Refused with the reason on a review open read-only. */
  replaceMatch(req: RequestOf<'replaceMatch'>): Promise<Result<ReplaceResult>>;
  replaceAll(req: RequestOf<'replaceAll'>): Promise<Result<ReplaceResult>>;
}

/** Where "Save adjudicated review" wrote: the path chosen, or (browser host) the app's data folder. */
export interface SavedAdjudication {
  readonly path: string;
  readonly location: 'chosen' | 'data-folder';
  /** Flags in the new review, and how many of them were merged from several. */
  readonly flags: number;
  readonly merged: number;
}

export const METHOD_NAMES = Object.keys(requestSchemas) as readonly MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(requestSchemas, name);
}

/** Validates a method's argument; a failure names the method and the field at fault. */
export function parseRequest<M extends MethodName>(method: M, arg: unknown): Result<RequestOf<M>> {
  const parsed = requestSchemas[method].safeParse(arg ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as RequestOf<M> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return {
    ok: false,
    error: { code: 'bad-request', message: `Invalid request to ${method}${where}: ${issue?.message ?? 'malformed'}` },
  };
}

/**
 * Carries out one request on an implementation of the contract: validates the argument, calls the method, and
 * turns anything it throws into a failure, so a transport (IPC, HTTP) only moves requests and answers.
 */
export async function callMethod(api: RedlineApi, method: MethodName, arg: unknown): Promise<Result<unknown>> {
  const parsed = parseRequest(method, arg);
  if (!parsed.ok) return parsed;
  const fn = api[method] as (req: unknown) => Promise<Result<unknown>>;
  try {
    return await fn.call(api, parsed.value);
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

/** What the renderer holds: the contract plus a way to hear events, whatever the transport. */
export interface RedlineClient extends RedlineApi {
  onEvent(listener: (event: ServiceEvent) => void): () => void;
}
