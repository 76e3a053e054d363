/**
 * One open review: its journal (the only writer of its file), the live score, and the figures the version
 * and compare panels show. Every action validates its request against the review, appends one event and
 * answers only once the event is flushed to disk (the journal's append resolves then).
 *
 * The score is kept incrementally: each event's effect on flags is known from the event itself (or, for undo
 * and redo, from the step it moves), so the scorer adds or removes just those flags. It is rebuilt only when
 * the scoring settings or the typology change, or when a failed write puts the review back to what is on disk.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Suggestion, SuggestionList, VersionSummary } from '../../shared/contract';
import type { ComparisonWindow, DraftTexts, ExportedText, ReadOnlyReview, RequestOf, ReviewDelta, ReviewView } from '../../shared/contract';
import type { AnnotationChanges, EventBody, JournalEvent, ReviewSettings } from '../../shared/journal/journal-event';
import type { PreparedReplacement } from '../../shared/journal/prepared-replacement';
import { isPreparableStep, PreparedUndo } from '../../shared/journal/prepared-undo';
import {
  annotationList,
  changedBetween,
  currentText,
  hasVersion,
  paragraphById,
  redoLabel,
  saveVersionBody,
  textAt,
  undoLabel,
  unsavedCount,
  type ReviewState,
  type VersionRef,
} from '../../shared/journal/review-state';
import { inlineCodeProblem } from '../../shared/formats/inline-codes';
import type { Annotation } from '../../shared/model';
import { assertNever, fail, ok, type Result } from '../../shared/result';
import { createArticleScorer, type ArticleScorer, type ParagraphScore } from '../../shared/scoring/article-scorer';
import { isScoringProfile, type ScoringProfile } from '../../shared/scoring/wmt-weights';
import { buildReportInSteps, reportReviewOf } from '../../shared/report/build-report';
import type { ReportModel } from '../../shared/report/report-model';
import { builtInTypology } from '../../shared/typology/built-in';
import type { Typology } from '../../shared/typology/typology';
import type { ReviewJournal } from '../journal/review-journal';
import type { ReviewLocation } from '../journal/review-path';
import { ComparisonCache } from './comparison-cache';
import { exportText, exportTextPieces, exportVersion, type ExportedPieces } from './export-article';
import { fixedInVersions } from './flag-fixes';
import { loadTypologyFile, typologyFromSetting } from './review-typology';
import { editRateUnitOf, VersionFigures } from './version-figures';
import { breathe } from '../breathe';
import { performance } from 'node:perf_hooks';
import { SessionSuggestions } from './session-suggestions';
import type { ParagraphCounts } from '../../shared/scoring/paragraph-counts';
import { flagOfFinding } from '../../shared/checks/finding';

export interface SessionOptions {
  readonly reviewId: string;
  readonly journal: ReviewJournal;
  readonly location: ReviewLocation;
  /** Things found on open that the reviewer should know (torn line dropped, article changed on disk). */
  readonly warnings: readonly string[];
  /** The name stamped on flags if the review has no rater of its own yet. */
  readonly defaultRater: string;
  /** Called with the reviewer's name when they set it, so new reviews take it too. */
  readonly rememberRater: (rater: string) => Promise<void>;
  /** The machine translation's edit-rate figures, when already counted (see `ReviewSession.open`). */
  readonly figures?: VersionFigures;
  /** Each paragraph's counts by position, when counted already (while the article loaded). */
  readonly counts?: ParagraphCounts;
  /** Set when the review cannot be written here; its journal refuses every change. */
  readonly readOnly?: ReadOnlyReview;
  /** Called when the review's suggestions changed (see session-suggestions.ts). */
  readonly onSuggestions?: () => void;
  /** Called when the review's view changed by itself: its saved versions' edit rates were worked out after it opened. */
  readonly onChanged?: () => void;
}

/**
 * Changed paragraphs of saved versions whose edit rates are worked out before a review opens (a few milliseconds'
 * work); with more (thousands take a few hundred milliseconds), the review opens first and the rates follow.
 */
const RATED_BEFORE_OPENING = 300;

type Ack = Promise<Result<ReviewView>>;
type DeltaAck = Promise<Result<ReviewDelta>>;

/** What one event touched: flags by id, drafts by paragraph id, and whether the versions changed. */
interface Touched {
  readonly annotations: readonly string[];
  readonly paragraphs: readonly string[];
  readonly versions: boolean;
  /** Paragraphs whose reviewed mark or note changed. */
  readonly statuses?: readonly string[];
  readonly notes?: readonly string[];
}

export class ReviewSession {
  readonly reviewId: string;
  readonly journal: ReviewJournal;
  private readonly location: ReviewLocation;
  private readonly readOnly: ReadOnlyReview | undefined;
  private readonly warnings: string[];
  private readonly defaultRater: string;
  private readonly rememberRater: (rater: string) => Promise<void>;
  private readonly figures: VersionFigures;
  private readonly comparisons: ComparisonCache;
  private readonly words: ArrayLike<number> | undefined;
  private scorer!: ArticleScorer;
  private typology: Typology = builtInTypology('mqm-core');
  private cachedView: { readonly state: ReviewState; readonly view: ReviewView } | undefined;
  private cachedFixes: { readonly state: ReviewState; readonly fixes: Map<string, number> } | undefined;
  private readonly suggestions: SessionSuggestions;
  private readonly onSuggestions: () => void;
  private readonly onChanged: () => void;
  /** Set while the saved versions' edit rates are being worked out after opening (see `RATED_BEFORE_OPENING`). */
  private rating: Promise<void> | undefined;
  private closed = false;
  /** Slices of a re-check of many paragraphs running now (see `recheck`). */
  private rechecking = 0;

  /** `scoreFlags` false leaves the flags out of the scorer for `scoreFlagsInSteps` (only `open` does that). */
  constructor(options: SessionOptions, scoreFlags = true) {
    this.reviewId = options.reviewId;
    this.journal = options.journal;
    this.location = options.location;
    this.readOnly = options.readOnly;
    this.warnings = [...options.warnings];
    this.defaultRater = options.defaultRater;
    this.rememberRater = options.rememberRater;
    this.onSuggestions = options.onSuggestions ?? (() => undefined);
    this.onChanged = options.onChanged ?? (() => undefined);
    // Quiet while many paragraphs are re-checked in slices: listeners hear once, at the end (see `recheck`).
    this.suggestions = new SessionSuggestions(() => {
      this.findingsVersion++;
      if (!this.rechecking) this.onSuggestions();
    });
    const state = this.journal.state;
    this.words = options.counts?.words;
    this.figures = options.figures ?? figuresOf(state, options.counts);
    this.comparisons = new ComparisonCache(this.figures);
    this.rebuildScorer(state, true, scoreFlags);
  }

  /**
   * Works out the saved versions' edit rates in the background, once `after` has settled; the view has them, and
   * listeners hear, once done.
   */
  private rateVersions(state: ReviewState, after: Promise<void> = Promise.resolve()): void {
    this.rating = after
      .then(() => this.figures.prepare(state, breathe))
      .then(() => {
        this.rating = undefined;
        this.cachedView = undefined;
        if (!this.closed) this.onChanged();
      });
  }

  /** The version panel's figures: while the edit rates are being worked out, those known so far. */
  private versionList(state: ReviewState): VersionSummary[] {
    return this.rating ? this.figures.known(state) : this.figures.summaries(state);
  }

  /** Adds the state's flags to a scorer made without them, a batch at a time with the event loop free between. */
  private async scoreFlagsInSteps(): Promise<void> {
    let n = 0;
    for (const annotation of this.journal.state.annotations.values()) {
      this.scorer.add(annotation);
      if (++n % FLAGS_SCORED_PER_STEP === 0) await breathe();
    }
    this.cachedView = undefined;
  }

  get state(): ReviewState {
    return this.journal.state;
  }

  /**
   * Opens a session the way the service does: counting the article's words for edit rates and for scores are
   * separate steps with the event loop free in between, so a 100,000-paragraph review never blocks it for the
   * sum of both.
   */
  static async open(options: SessionOptions): Promise<ReviewSession> {
    await breathe();
    const state = options.journal.state;
    const figures = options.figures ?? figuresOf(state, options.counts);
    await breathe();
    // Saved versions' edit rates are worked out in slices, so no step holds the event loop; when there are many,
    // after the review has opened.
    const later = figures.unprepared(state) > RATED_BEFORE_OPENING;
    if (!later) await figures.prepare(state, breathe);
    const session = new ReviewSession({ ...options, figures }, false);
    // The flags go into the scorer a few thousand at a time: 10,000 at once would hold the event loop.
    await session.scoreFlagsInSteps();
    // The rates are worked out once the first view is made: in turns with it, they held the review's opening up.
    let viewed = (): void => undefined;
    if (later) session.rateVersions(state, new Promise<void>((resolve) => (viewed = resolve)));
    await session.viewInSteps();
    viewed();
    return session;
  }

  /** The reviewer's name as stamped on new flags. */
  get rater(): string {
    return this.state.rater || this.defaultRater;
  }

  /** Everything the renderer shows about the review besides the paragraphs. */
  view(): ReviewView {
    const state = this.state;
    if (this.cachedView?.state === state) return this.cachedView.view;
    const view = this.assembleView(state, {
      annotations: annotationList(state),
      drafts: Object.fromEntries(state.drafts),
      unsaved: unsavedCount(state),
      versions: this.versionList(state),
    });
    this.cachedView = { state, view };
    return view;
  }

  /**
   * Makes the view as `view` does, its long parts (the flags, the drafts, the count of unsaved paragraphs, the
   * versions' figures) one at a time with the event loop free between: the first view of a review of 10,000 flags
   * and 5,000 edited paragraphs, made in one turn as the review opened, its code not yet warm, held the service
   * 40-55 ms. The page asks for it as soon as the review is open, and gets it made.
   */
  private async viewInSteps(): Promise<void> {
    const state = this.state;
    const rating = this.rating;
    if (this.cachedView?.state === state) return;
    const annotations = annotationList(state);
    await breathe();
    const drafts = Object.fromEntries(state.drafts);
    await breathe();
    const unsaved = unsavedCount(state);
    await breathe();
    const versions = this.versionList(state);
    await breathe();
    // Changed meanwhile (an edit, the versions' rates worked out): the next view is made afresh.
    if (this.state !== state || this.rating !== rating) return;
    this.cachedView = { state, view: this.assembleView(state, { annotations, drafts, unsaved, versions }) };
  }

  private assembleView(state: ReviewState, parts: Pick<ReviewView, 'annotations' | 'drafts' | 'unsaved' | 'versions'>): ReviewView {
    const undo = undoLabel(state);
    const redo = redoLabel(state);
    const view: ReviewView = {
      reviewId: this.reviewId,
      seq: state.lastSeq,
      reviewPath: this.journal.path,
      reviewLocation: this.location,
      rater: this.rater,
      // The stored typology setting may be a whole typology's JSON; the view names it.
      settings: { ...state.settings, typology: this.typology.name },
      typology: this.typology,
      annotations: parts.annotations,
      drafts: parts.drafts,
      unsaved: parts.unsaved,
      reviewed: [...state.reviewed],
      reviewedCount: state.reviewed.size,
      notes: Object.fromEntries(state.notes),
      versions: parts.versions,
      ...(undo !== undefined ? { undoLabel: `Undo ${undo}` } : {}),
      ...(redo !== undefined ? { redoLabel: `Redo ${redo}` } : {}),
      score: this.scorer.summary(),
      editRateUnit: this.figures.unit,
      warnings: this.warnings,
      ...(this.readOnly ? { readOnly: this.readOnly } : {}),
    };
    return view;
  }

  async addAnnotation(req: RequestOf<'addAnnotation'>): DeltaAck {
    const paragraph = paragraphById(this.state, req.paragraphId);
    if (!paragraph) return fail('bad-request', `The article has no paragraph ${req.paragraphId}.`);
    const text = req.side === 'target' ? paragraph.target : paragraph.source;
    const where = `paragraph ${paragraph.index + 1} (${paragraph.id})`;
    if (text === undefined) return fail('bad-request', `${where} has no source text to flag.`);
    if (req.start > req.end || req.end > text.length) {
      const what = req.side === 'target' ? 'machine translation' : 'source text';
      return fail(
        'bad-request',
        `The span ${req.start}-${req.end} is outside the ${what} of ${where}, which has ${text.length} characters.`,
      );
    }
    const annotation: Annotation = {
      id: randomUUID(),
      paragraphId: paragraph.id,
      side: req.side,
      start: req.start,
      end: req.end,
      category: req.category.trim(),
      severity: req.severity,
      comment: req.comment,
      rater: this.rater,
      origin: { kind: 'person' },
      status: 'open',
      created: new Date().toISOString(),
    };
    return this.delta(await this.act({ type: 'annotation-added', annotation }));
  }

  async changeAnnotation(req: RequestOf<'changeAnnotation'>): DeltaAck {
    const current = this.state.annotations.get(req.id);
    if (!current) return unknownFlag(req.id);
    const changes: { -readonly [K in keyof AnnotationChanges]: AnnotationChanges[K] } = {};
    const { category, severity, comment, status, span, side } = req.changes;
    if (category !== undefined && category.trim() !== current.category) changes.category = category.trim();
    if (severity !== undefined && severity !== current.severity) changes.severity = severity;
    if (comment !== undefined && comment !== current.comment) changes.comment = comment;
    if (status !== undefined && status !== current.status) changes.status = status;
    if (span !== undefined && (span.start !== current.start || span.end !== current.end || (side ?? current.side) !== current.side)) {
      changes.span = span;
      if (side !== undefined && side !== current.side) changes.side = side;
    }
    // A change to what the flag already says is no step to undo.
    if (Object.keys(changes).length === 0) return ok(this.unchanged());
    return this.delta(await this.act({ type: 'annotation-changed', id: req.id, changes }));
  }

  async removeAnnotation(req: RequestOf<'removeAnnotation'>): DeltaAck {
    if (!this.state.annotations.has(req.id)) return unknownFlag(req.id);
    return this.delta(await this.act({ type: 'annotation-removed', id: req.id }));
  }

  async undo(): DeltaAck {
    const prepared = await this.prepareMove('undo');
    if (this.state.undo.length === 0) return fail('conflict', 'There is nothing to undo in this review.');
    return this.delta(await this.act({ type: 'undo' }, prepared));
  }

  async redo(): DeltaAck {
    const prepared = await this.prepareMove('redo');
    if (this.state.redo.length === 0) return fail('conflict', 'There is nothing to redo in this review.');
    return this.delta(await this.act({ type: 'redo' }, prepared));
  }

  /**
   * The drafts after undoing (or redoing) the step on top, made in slices with the event loop free between them,
   * when the step changes many texts (see prepared-undo.ts); undefined for a small step, which the event moves at
   * once. A change made meanwhile puts another step on top or other texts under it: the drafts are made again, a
   * few times at most (after that the event moves the step itself, at once, rather than wait on a busy reviewer).
   */
  private async prepareMove(direction: 'undo' | 'redo'): Promise<PreparedUndo | undefined> {
    for (let attempt = 0; attempt < PREPARE_ATTEMPTS; attempt++) {
      const state = this.state;
      if (this.journal.readOnly || !isPreparableStep(direction === 'undo' ? state.undo.top : state.redo.top)) return undefined;
      const prepared = new PreparedUndo(state, direction);
      for (;;) {
        const deadline = performance.now() + PREPARE_SLICE_MS;
        if (prepared.advance(() => performance.now() < deadline)) return prepared;
        await breathe();
        if (!prepared.fits(this.state)) break;
      }
    }
    return undefined;
  }

  async setRater(rater: string): Ack {
    const name = rater.trim();
    const result = name === this.state.rater ? undefined : await this.act({ type: 'rater-set', rater: name });
    if (result && !result.ok) return result;
    await this.rememberRater(name);
    return ok(this.view());
  }

  async changeSettings(req: RequestOf<'changeSettings'>): Ack {
    const current = this.state.settings;
    const settings: { -readonly [K in keyof ReviewSettings]?: ReviewSettings[K] } = {};
    if (req.scoringProfile !== undefined && req.scoringProfile !== current.scoringProfile) settings.scoringProfile = req.scoringProfile;
    if (req.passThreshold !== undefined && req.passThreshold !== current.passThreshold) settings.passThreshold = req.passThreshold;
    if (req.typology !== undefined && req.typology !== current.typology) settings.typology = req.typology;
    if (req.checksOff !== undefined && [...req.checksOff].sort().join() !== [...(current.checksOff ?? [])].sort().join())
      settings.checksOff = req.checksOff;
    if (Object.keys(settings).length === 0) return ok(this.view());
    return this.answer(await this.act({ type: 'settings-changed', settings }));
  }

  async loadTypology(path: string): Ack {
    const loaded = await loadTypologyFile(path);
    if (!loaded.ok) return loaded;
    return this.answer(await this.act({ type: 'settings-changed', settings: { typology: loaded.value.setting } }));
  }

  /** The quality report of this review, with the live scorer's settings and the version panel's figures. */
  async qualityReport(): Promise<Result<ReportModel>> {
    const state = this.state;
    const profile: ScoringProfile = isScoringProfile(state.settings.scoringProfile) ? state.settings.scoringProfile : 'mqm-core';
    // Open suggestions are counted once the checks have run over the article; until then the report leaves them out.
    const list = await this.suggestionList(state);
    const open = list.checking ? undefined : list.suggestions;
    const review = reportReviewOf(state, basename(this.journal.path), this.figures.summaries(state), open);
    await breathe();
    return buildReportInSteps(
      [review],
      {
        article: state.header.article.name,
        profile,
        typology: this.typology,
        threshold: state.settings.passThreshold,
        generated: new Date().toISOString(),
        ...(this.words ? { words: this.words } : {}),
        editRateUnit: this.figures.unit,
      },
      breathe,
    );
  }

  /** Starts the automatic checks over the article, in the background. */
  startChecks(): Promise<void> {
    return this.suggestions.start(this.state);
  }

  /**
   * The suggestions offered now, `limit` of them from `offset` (all by default), with how many there are in all.
   * The whole list is worked out once per state of the review and of the checks' findings, so reading it a page
   * at a time costs one pass, not one per page.
   */
  async listSuggestions(offset = 0, limit?: number): Promise<SuggestionList> {
    const list = await this.suggestionList(this.state);
    const all = list.suggestions;
    const page =
      offset === 0 && (limit === undefined || limit >= all.length)
        ? all
        : all.slice(offset, limit === undefined ? undefined : offset + limit);
    return { ...list, suggestions: page, total: all.length, offset };
  }

  /**
   * The whole list of suggestions in a state of the review, made once (in steps) for that state and the checks'
   * findings as they are: the list, the report, accepting and dismissing all share it.
   */
  private suggestionList(state: ReviewState): Promise<SuggestionList> {
    const listed = this.listed;
    if (listed?.state === state && listed.version === this.findingsVersion) return listed.list;
    const version = this.findingsVersion;
    const list = this.suggestions.list(state, this.reviewId);
    this.listed = { state, version, list };
    // Only a list the checks have made is kept: one still to come says so anew at every ask.
    void list.then((made) => {
      if (made.suggestions.length === 0 && this.listed?.list === list) this.listed = undefined;
    });
    return list;
  }

  /** Bumped whenever the checks' findings change (see the constructor): a listed page is then out of date. */
  private findingsVersion = 0;
  private listed: { readonly state: ReviewState; readonly version: number; readonly list: Promise<SuggestionList> } | undefined;

  /**
   * The suggestions with these ids, as offered in the review's state now: the list is made in steps, so it is made
   * again if the review changed meanwhile; the caller acts on the answer in the same turn.
   */
  private async offered(ids: readonly string[]): Promise<Suggestion[]> {
    // A long list's request was read in this turn: it is looked up in the next, and a few thousand at a time (the
    // ids of a check's 25,000 suggestions, looked up at once, took 25 ms beside the 15 ms of reading the request).
    const long = ids.length > SUGGESTIONS_PER_EVENT;
    if (long) await breathe();
    for (;;) {
      const state = this.state;
      const list = await this.suggestionList(state);
      if (this.state !== state) continue;
      const wanted = new Set<string>();
      for (let i = 0; i < ids.length; i++) {
        wanted.add(ids[i]!);
        if (long && (i + 1) % LOOKED_UP_PER_STEP === 0) await breathe();
      }
      const found: Suggestion[] = [];
      for (let i = 0; i < list.suggestions.length; i++) {
        if (wanted.has(list.suggestions[i]!.id)) found.push(list.suggestions[i]!);
        if (long && (i + 1) % LOOKED_UP_PER_STEP === 0) await breathe();
      }
      if (this.state !== state) continue;
      return found;
    }
  }

  /** Turns suggestions into flags by the reviewer, with the check as their origin; all in one undo step. */
  async acceptSuggestions(ids: readonly string[]): DeltaAck {
    const found = await this.offered(ids);
    if (found.length === 0) return fail('conflict', 'Those suggestions are no longer offered; the article may have been re-checked.');
    const created = new Date().toISOString();
    return this.actInParts(found, (part, group): EventBody => {
      const annotations = part.map((s) => flagOfFinding(s, { id: randomUUID(), rater: this.rater, created }));
      if (annotations.length === 1 && group === undefined) return { type: 'annotation-added', annotation: annotations[0]! };
      return { type: 'annotations-added', annotations, ...(group !== undefined ? { group } : {}) };
    });
  }

  /** Dismisses suggestions for good; kept in the review file, all in one undo step. */
  async dismissSuggestions(ids: readonly string[]): DeltaAck {
    const found = await this.offered(ids);
    if (found.length === 0) return fail('conflict', 'Those suggestions are no longer offered; the article may have been re-checked.');
    return this.actInParts(found, (part, group): EventBody => {
      const suggestions = part.map(({ check, paragraphId, start, end, text }) => ({ check, paragraphId, start, end, text }));
      return { type: 'suggestions-dismissed', suggestions, ...(group !== undefined ? { group } : {}) };
    });
  }

  /**
   * One action on a list of suggestions, as one event, or for a long list (a check's 25,000 suggestions on a long
   * article, accepted or dismissed together) as events of `SUGGESTIONS_PER_EVENT` each with one group key, which
   * undo as one step: each part is made, applied and written with the event loop free before the next. The answer
   * holds every part's change. Parts written before a failure stay written.
   */
  private async actInParts(
    found: readonly Suggestion[],
    body: (part: readonly Suggestion[], group: string | undefined) => EventBody,
  ): DeltaAck {
    if (found.length <= SUGGESTIONS_PER_EVENT) return this.delta(await this.act(body(found, undefined)));
    const group = randomUUID();
    // The parts' answers, joined: a paragraph's figures as the last part that touched it left them.
    const annotations: Annotation[] = [];
    const removed: string[] = [];
    const scores = new Map<string, ParagraphScore>();
    let last: ReviewDelta | undefined;
    for (let from = 0; from < found.length; from += SUGGESTIONS_PER_EVENT) {
      // The request was read and the list found in this turn: the first part waits for the next one too.
      await breathe();
      const part = this.delta(await this.act(body(found.slice(from, from + SUGGESTIONS_PER_EVENT), group)));
      if (!part.ok) return part;
      annotations.push(...part.value.annotations);
      removed.push(...part.value.removed);
      for (const score of part.value.paragraphScores) scores.set(score.id, score);
      last = part.value;
    }
    return ok({ ...last!, annotations, removed, paragraphScores: [...scores.values()] });
  }

  /** Marks a paragraph reviewed or takes the mark back; asking for what it already is changes nothing. */
  async setParagraphReviewed(req: RequestOf<'setParagraphReviewed'>): DeltaAck {
    if (!paragraphById(this.state, req.paragraphId)) return fail('bad-request', `The article has no paragraph ${req.paragraphId}.`);
    if (this.state.reviewed.has(req.paragraphId) === req.reviewed) return ok(this.unchanged());
    return this.delta(await this.act({ type: 'paragraph-status-set', paragraphId: req.paragraphId, reviewed: req.reviewed }));
  }

  /** Sets the note on a whole paragraph (trimmed); an empty note removes it. */
  async setParagraphNote(req: RequestOf<'setParagraphNote'>): DeltaAck {
    if (!paragraphById(this.state, req.paragraphId)) return fail('bad-request', `The article has no paragraph ${req.paragraphId}.`);
    const note = req.note.trim();
    if ((this.state.notes.get(req.paragraphId) ?? '') === note) return ok(this.unchanged());
    return this.delta(await this.act({ type: 'paragraph-note-set', paragraphId: req.paragraphId, note }));
  }

  paragraphScore(paragraphId: string): Result<ParagraphScore> {
    const score = this.scorer.paragraph(paragraphId);
    return score ? ok(score) : fail('bad-request', `The article has no paragraph ${paragraphId}.`);
  }

  async editParagraph(req: RequestOf<'editParagraph'>): Promise<Result<{ readonly seq: number; readonly unsaved: number }>> {
    const state = this.state;
    const paragraph = paragraphById(state, req.paragraphId);
    if (!paragraph) return fail('bad-request', `The article has no paragraph ${req.paragraphId}.`);
    // A paragraph with inline codes is never recorded with a tag cut in half: its export could not put it back.
    const problem = paragraph.codes ? inlineCodeProblem(req.text, paragraph.codes) : undefined;
    if (problem !== undefined) return fail('bad-request', `This correction was not saved: ${problem}.`);
    // An edit that changes nothing (a caret move reported as an edit) is not written.
    if (currentText(state, req.paragraphId) === req.text) return ok({ seq: state.lastSeq, unsaved: unsavedCount(state) });
    const body: EventBody = {
      type: 'paragraph-edited',
      paragraphId: req.paragraphId,
      text: req.text,
      ...(req.group !== undefined ? { group: req.group } : {}),
    };
    const result = await this.act(body);
    if (!result.ok) return result;
    return ok({ seq: result.value.event.seq, unsaved: unsavedCount(this.state) });
  }

  /**
   * Saves the working text as the next version. An empty message becomes "Version N". Saving when nothing
   * changed since the last version is refused (`conflict`), except for the first version: saving the machine
   * translation unchanged records that the reviewer found nothing to correct.
   */
  async saveVersion(message: string): DeltaAck {
    const state = this.state;
    const next = state.versions.length + 1;
    if (state.versions.length > 0 && unsavedCount(state) === 0) {
      return fail('conflict', `Nothing has changed since version ${state.versions.length}; there is nothing to save.`);
    }
    const text = message.trim() === '' ? `Version ${next}` : message.trim();
    const saved = await this.act(saveVersionBody(state, text, this.rater));
    // The new version's edit rate is worked out in slices before the answer lists it.
    if (saved.ok) await this.figures.prepare(this.state, breathe);
    return this.delta(saved);
  }

  async revertParagraph(req: RequestOf<'revertParagraph'>): DeltaAck {
    const state = this.state;
    if (!paragraphById(state, req.paragraphId)) return fail('bad-request', `The article has no paragraph ${req.paragraphId}.`);
    if (!hasVersion(state, req.version)) return unknownVersion(state, req.version);
    if (textAt(state, req.paragraphId, req.version) === currentText(state, req.paragraphId)) return ok(this.unchanged());
    return this.delta(await this.act({ type: 'paragraph-reverted', paragraphId: req.paragraphId, version: req.version }));
  }

  async revertArticle(version: number): DeltaAck {
    const state = this.state;
    if (!hasVersion(state, version)) return unknownVersion(state, version);
    if ((changedBetween(state, version, 'current') ?? []).length === 0) return ok(this.unchanged());
    return this.delta(await this.act({ type: 'article-reverted', version }));
  }

  /**
   * Replaces text in paragraphs' translations (Find and Replace, see find-replace.ts): one event, one undo step.
   * `prepared` holds the new texts made ahead from the current state, so that applying the event only sets them.
   */
  async replaceText(body: Extract<EventBody, { type: 'text-replaced' }>, prepared?: PreparedReplacement): DeltaAck {
    return this.delta(await this.act(body, prepared));
  }

  async compare(req: RequestOf<'compare'>): Promise<Result<ComparisonWindow>> {
    const state = this.state;
    for (const ref of [req.left, req.right]) if (!hasVersion(state, ref)) return unknownVersion(state, ref);
    const { comparison, ter } = await this.comparisons.get(state, req.left, req.right, req.level);
    const fixes = req.left === 0 ? this.fixes(state) : undefined;
    const flags = annotationList(state)
      .filter((a) => a.side === 'target')
      .map((annotation) => {
        const fixedInVersion = fixes?.get(annotation.id);
        return fixedInVersion === undefined ? { annotation } : { annotation, fixedInVersion };
      });
    return ok({
      reviewId: this.reviewId,
      left: req.left,
      right: req.right,
      level: req.level,
      total: comparison.rows.length,
      start: req.start,
      rows: comparison.rows.slice(req.start, req.end),
      changedIndices: comparison.changedIndices,
      counts: comparison.counts,
      ter,
      flags,
    });
  }

  exportArticle(req: RequestOf<'exportArticle'>): Promise<Result<{ readonly path: string; readonly paragraphs: number }>> {
    return exportVersion(this.state, req.version ?? 'current', req.format, req.path, this.journal.path, req.overwrite ?? false);
  }

  exportText(req: RequestOf<'exportText'>): Promise<Result<ExportedText>> {
    return exportText(this.state, req.version ?? 'current', req.format, this.journal.path);
  }

  /** `exportText`'s answer with its text in pieces, for the browser host to send one after another. */
  exportTextPieces(req: RequestOf<'exportText'>): Promise<Result<ExportedPieces>> {
    return exportTextPieces(this.state, req.version ?? 'current', req.format, this.journal.path);
  }

  /** Waits for queued events to reach the disk and closes the file. */
  close(): Promise<void> {
    this.closed = true;
    this.suggestions.close();
    return this.journal.close();
  }

  /**
   * Appends an event, keeps the score in step with it at once, and resolves when the event is on disk with what
   * the event touched.
   */
  private async act(
    body: EventBody,
    prepared?: PreparedReplacement | PreparedUndo,
  ): Promise<Result<{ readonly event: JournalEvent; readonly touched: Touched }>> {
    const before = this.journal.state;
    const pending = this.journal.append(body, prepared);
    const after = this.journal.state;
    const touched = after !== before ? touchedBy(after, body) : NOTHING_TOUCHED;
    if (body.type === 'settings-changed' && after !== before) this.rebuildScorer(after, false);
    else this.rescore(after, touched.annotations);
    const result = await pending;
    if (!result.ok) {
      // A failed write puts the journal back to what is on disk: follow it.
      if (result.error.code === 'io-error') this.rebuildScorer(this.journal.state, false);
      return result;
    }
    if (after !== before) {
      // Texts re-checked tell listeners themselves; flags, dismissals and settings change what is offered.
      if (touched.paragraphs.length > 0) this.recheck(touched.paragraphs);
      else if (!QUIET_FOR_SUGGESTIONS.has(body.type)) this.onSuggestions();
    }
    return ok({ event: result.value, touched });
  }

  /**
   * Re-checks paragraphs whose text changed. A few are checked at once; many (Replace all, Revert article, their
   * undo) are checked a slice at a time with the event loop free between slices, and listeners hear once at the end:
   * each slice reads the text as it stands then, so edits made meanwhile are checked as they are.
   */
  private recheck(paragraphIds: readonly string[]): void {
    if (paragraphIds.length <= RECHECK_AT_ONCE) {
      this.suggestions.textsChanged(this.state, paragraphIds);
      return;
    }
    void (async () => {
      for (let i = 0; i < paragraphIds.length;) {
        // The first slice too waits for the next turn: the change's answer is made in this one.
        await breathe();
        const deadline = performance.now() + RECHECK_SLICE_MS;
        this.rechecking += 1;
        try {
          // The clock is read after each paragraph: one that shares common phrases with many others takes a
          // millisecond or more to re-check, so a few between two readings would overrun the slice.
          while (i < paragraphIds.length && performance.now() < deadline) {
            this.suggestions.textsChanged(this.state, [paragraphIds[i]!]);
            i += 1;
          }
        } finally {
          this.rechecking -= 1;
        }
      }
      if (this.rechecking === 0) this.onSuggestions();
    })();
  }

  private answer(result: Result<unknown>): Result<ReviewView> {
    return result.ok ? ok(this.view()) : result;
  }

  /** The answer to a change: what it touched, read from the review as it stands now. */
  private delta(result: Result<{ readonly event: JournalEvent; readonly touched: Touched }>): Result<ReviewDelta> {
    if (!result.ok) return result;
    const { event, touched } = result.value;
    const state = this.state;
    const annotations: Annotation[] = [];
    const removed: string[] = [];
    const paragraphs = new Set<string>();
    for (const id of touched.annotations) {
      const annotation = state.annotations.get(id);
      if (annotation) annotations.push(annotation);
      else removed.push(id);
      const paragraphId = annotation?.paragraphId ?? flagParagraph(event, id);
      if (paragraphId) paragraphs.add(paragraphId);
    }
    const drafts: Record<string, string | null> = {};
    const textsToRead = touched.paragraphs.length > DELTA_TEXTS;
    if (!textsToRead) for (const id of touched.paragraphs) drafts[id] = state.drafts.get(id) ?? null;
    const reviewed: Record<string, boolean> = {};
    for (const id of touched.statuses ?? []) reviewed[id] = state.reviewed.has(id);
    const notes: Record<string, string | null> = {};
    for (const id of touched.notes ?? []) notes[id] = state.notes.get(id) ?? null;
    return ok({
      ...this.unchanged(),
      // The change's own number, not the review's last: a change made while this one was being written answers
      // with its own delta, which must not be taken for one already seen.
      seq: event.seq,
      annotations,
      removed,
      drafts,
      ...(textsToRead ? { draftsToRead: touched.paragraphs } : {}),
      ...(touched.statuses?.length ? { reviewed } : {}),
      ...(touched.notes?.length ? { notes } : {}),
      paragraphScores: [...paragraphs].flatMap((id) => this.scorer.paragraph(id) ?? []),
      ...(touched.versions ? { versions: this.versionList(state) } : {}),
    });
  }

  /** The current drafts of some paragraphs, for a delta that named them without their texts. */
  readDrafts(ids: readonly string[]): DraftTexts {
    const state = this.state;
    const drafts: Record<string, string | null> = {};
    for (const id of ids) drafts[id] = state.drafts.get(id) ?? null;
    return { seq: state.lastSeq, drafts };
  }

  /** A delta that changes nothing: the answer to a request that asked for what the review already holds. */
  private unchanged(): ReviewDelta {
    const state = this.state;
    return {
      type: 'delta',
      reviewId: this.reviewId,
      seq: state.lastSeq,
      annotations: [],
      removed: [],
      drafts: {},
      unsaved: unsavedCount(state),
      reviewedCount: state.reviewed.size,
      undoLabel: undoLabel(state) === undefined ? null : `Undo ${undoLabel(state)!}`,
      redoLabel: redoLabel(state) === undefined ? null : `Redo ${redoLabel(state)!}`,
      score: this.scorer.summary(),
      paragraphScores: [],
    };
  }

  /** Updates the scorer for the flags an event touched. */
  private rescore(after: ReviewState, ids: readonly string[]): void {
    for (const id of ids) {
      const annotation = after.annotations.get(id);
      if (annotation) this.scorer.add(annotation);
      else this.scorer.remove(id);
    }
  }

  private rebuildScorer(state: ReviewState, opening: boolean, scoreFlags = true): void {
    const profile: ScoringProfile = isScoringProfile(state.settings.scoringProfile) ? state.settings.scoringProfile : 'mqm-core';
    const typology = typologyFromSetting(state.settings.typology, profile);
    if (!typology.ok && opening) {
      this.warnings.push(
        `The review's custom typology could not be read (${typology.error.message}); ${builtInTypology(profile).name} is used instead.`,
      );
    }
    this.typology = typology.ok ? typology.value : builtInTypology(profile);
    const index = state.paragraphIndex;
    this.scorer = createArticleScorer(
      { profile, typology: this.typology, threshold: state.settings.passThreshold },
      state.paragraphs,
      this.words,
      (id) => index.get(id),
    );
    if (scoreFlags) for (const annotation of state.annotations.values()) this.scorer.add(annotation);
    this.cachedView = undefined;
  }

  /** Which saved version fixed each flag; recomputed only when the flags or the versions changed. */
  private fixes(state: ReviewState): Map<string, number> {
    const cached = this.cachedFixes;
    if (cached && cached.state.annotations === state.annotations && cached.state.versions === state.versions) return cached.fixes;
    const fixes = fixedInVersions(state, state.annotations.values());
    this.cachedFixes = { state, fixes };
    return fixes;
  }
}

/** The version figures of a review, from counts made while its article loaded when there are some. */
function figuresOf(state: ReviewState, counts: ParagraphCounts | undefined): VersionFigures {
  const unit = editRateUnitOf(state.paragraphs);
  return new VersionFigures(state, unit, counts && (unit === 'char' ? counts.terChars : counts.terWords));
}

/** Events that change nothing the automatic checks offer (marks and notes are not flags). */
const QUIET_FOR_SUGGESTIONS: ReadonlySet<EventBody['type']> = new Set([
  'version-saved',
  'rater-set',
  'paragraph-status-set',
  'paragraph-note-set',
]);

/**
 * Drafts a change's answer carries at most; a change of more names them, and the page reads their texts a page at
 * a time (see `ReviewDelta.draftsToRead`): 25,000 texts in one answer took the event loop for a second.
 */
const DELTA_TEXTS = 200;

/** Flags added to the scorer between two breaths when a review opens (a few milliseconds' work). */
const FLAGS_SCORED_PER_STEP = 2000;

/** Longest making of an undo's or redo's drafts without a breath (see `prepareMove`). */
const PREPARE_SLICE_MS = 6;
/** Times an undo's drafts are made again after changes made meanwhile, before the event is left to move the step. */
const PREPARE_ATTEMPTS = 4;

/**
 * Suggestions accepted or dismissed in one event; a longer list is written as parts of one undo step. A part is
 * made, applied, scored and written in one turn of the event loop: a thousand took 30-35 ms, and a collection of
 * the young generation landing on it took the turn past 50.
 */
const SUGGESTIONS_PER_EVENT = 500;
/** Ids of suggestions looked up between two breaths, for a long list (see `offered`). */
const LOOKED_UP_PER_STEP = 5000;

/** Paragraphs re-checked at once after a change; more are re-checked in slices (see `ReviewSession.recheck`). */
const RECHECK_AT_ONCE = 32;
/**
 * Longest re-checking without a breath. Other work in slices runs in the same turns (the count of a phrase found
 * again, an undo's drafts being made), and every slice waiting on a breath runs before the next request is read:
 * their sum, with the change's own answer, must stay under the 50 ms a request may wait.
 */
const RECHECK_SLICE_MS = 4;

const NOTHING_TOUCHED: Touched = { annotations: [], paragraphs: [], versions: false };

/**
 * What an event touched. Every event a reviewer can take back records an undo step naming its changes; undo and
 * redo move a step, so the step an event made or moved says what it touched.
 */
function touchedBy(after: ReviewState, body: EventBody): Touched {
  switch (body.type) {
    case 'annotations-added':
      // A part of a long list joins the undo step of the parts before it, but touched only its own flags.
      return body.group === undefined ? ofStep(after.undo.top) : { ...NOTHING_TOUCHED, annotations: body.annotations.map((a) => a.id) };
    case 'annotation-added':
    case 'suggestions-dismissed':
    case 'annotation-changed':
    case 'text-replaced':
    case 'annotation-removed':
    case 'paragraph-edited':
    case 'paragraph-reverted':
    case 'article-reverted':
    case 'paragraph-status-set':
    case 'paragraph-note-set':
    case 'redo':
      return ofStep(after.undo.top);
    case 'undo':
      return ofStep(after.redo.top);
    case 'version-saved':
      return { ...NOTHING_TOUCHED, versions: true };
    case 'settings-changed':
    case 'rater-set':
    case 'snapshot':
      return NOTHING_TOUCHED;
    default:
      return assertNever(body, 'event');
  }
  function ofStep(step: ReviewState['undo']['top']): Touched {
    if (!step) return NOTHING_TOUCHED;
    const annotations: string[] = [];
    const paragraphs: string[] = [];
    const statuses: string[] = [];
    const notes: string[] = [];
    for (const change of step.changes) {
      if (change.kind === 'annotation') annotations.push(change.id);
      else if (change.kind === 'draft') paragraphs.push(change.paragraphId);
      else if (change.kind === 'status') statuses.push(change.paragraphId);
      else if (change.kind === 'note') notes.push(change.paragraphId);
    }
    return { annotations, paragraphs, versions: false, statuses, notes };
  }
}

/** The paragraph of a flag an event removed (it is no longer in the review to ask). */
function flagParagraph(event: JournalEvent, id: string): string | undefined {
  if (event.type === 'annotation-added' && event.annotation.id === id) return event.annotation.paragraphId;
  return undefined;
}

function unknownFlag(id: string): Result<never> {
  return fail('bad-request', `The review has no flag ${id}; it may have been removed.`);
}

function unknownVersion(state: ReviewState, ref: VersionRef): Result<never> {
  return fail('bad-request', `The review has no version ${ref}; its versions are 0 to ${state.versions.length}.`);
}
