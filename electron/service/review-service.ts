/**
 * The review service: the contract's implementation in plain Node. Electron IPC and the browser host both
 * bind to one instance; neither adds logic of its own.
 *
 * Review files: once an article has loaded without error its review file is opened (or created) and the
 * review's actions go to a `ReviewSession` (see review-session.ts). One session per review file: opening the
 * same article again closes the earlier session (its queued events reach the disk first) and opens the file
 * afresh, so there are never two writers on one file. Attaching reviews is done one at a time, so two articles
 * that would share a review file name see each other's file (see review-path.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { chmod, copyFile, constants as fsConstants, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type {
  AppInfo,
  ComparisonWindow,
  DirectoryEntry,
  DraftTexts,
  DirectoryListing,
  ExportedText,
  OpenedReview,
  ParagraphWindow,
  RecentFile,
  RedlineApi,
  RequestOf,
  ReviewDelta,
  SavedAdjudication,
  ReviewPlace,
  ReviewView,
  ServiceEvent,
  SuggestionList,
} from '../../shared/contract';
import { assertNever, fail, ok, type Failure, type Result } from '../../shared/result';
import type { ReportModel } from '../../shared/report/report-model';
import type { ParagraphScore } from '../../shared/scoring/article-scorer';
import { dataFolderPath, isWritableFolder, reviewPathFor, type ReviewPath } from '../journal/review-path';
import { takeOverLock } from '../journal/review-lock';
import { readAhead, writeDurably, type ReadAhead } from '../journal/review-journal';
import { salvageJournal } from '../../shared/journal/read-journal';
import { MAX_ARTICLE_BYTES } from '../loader/article-stream';
import { AppSettings } from './app-settings';
import { ParagraphPlaces } from './paragraph-places';
import { hasVersion, paragraphById } from '../../shared/journal/review-state';
import { ArticleLoad } from './article-load';
import { RecentFiles } from './recent-files';
import { readReviewFile } from './read-review';
import type { FoundMatch, MatchCount, ReplaceResult } from '../../shared/contract';
import type { ExportedPieces } from './export-article';
import { finderOf } from './find-session';
import { replaceEvery, replaceOne } from './find-replace';
import { openReviewFile } from './review-opening';
import { ReviewSession } from './review-session';
import { countInSlices } from './background-counter';
import { breathe } from '../breathe';
import { AdjudicationDesk, type OpenReviewFile } from './adjudication-desk';
import type { AdjudicationView } from '../../shared/report/adjudication-view';
import { keepHeaderThreadReady } from './header-builder';
import { prepareWordCounting } from '../../shared/scoring/word-count';

export interface ServiceOptions {
  readonly host: 'electron' | 'browser';
  readonly version: string;
  /** Where the app keeps its own files (recent files; review files whose article folder is read-only). */
  readonly dataDir: string;
  /** The bundled sample: a translation and its source. */
  readonly sample: { readonly path: string; readonly sourcePath: string };
  /** What to open at start-up instead of the sample (a file named on the command line). */
  readonly startup?: { readonly path: string; readonly sourcePath?: string };
  /**
   * Whether review files may be created in a folder (beside the article). The bundled sample's folder is never
   * written (it is the app's install folder); tests inject this because they run with rights that ignore modes.
   */
  readonly canWrite?: (folder: string) => Promise<boolean>;
  /**
   * Keeps a header thread started ahead of the first long article (see `keepHeaderThreadReady`): the app does; tests,
   * which start many services, do without.
   */
  readonly headerThreadAhead?: boolean;
}

/** Reviews kept in memory at once; opening another drops the oldest. */
const MAX_OPEN_REVIEWS = 4;
/** Entries listed for one folder in the open dialog. */
const MAX_DIRECTORY_ENTRIES = 5000;

/** Where an open article's review stands: its file is opened once the article has loaded. */
type ReviewStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'open'; readonly session: ReviewSession; readonly fromHeader: boolean }
  | { readonly kind: 'failed'; readonly error: Failure };

interface OpenReview {
  readonly id: string;
  readonly load: ArticleLoad;
  status: ReviewStatus;
  /** The usual review file for the article, worked out while it loads (`override` goes before it). */
  readonly finding: Promise<ReviewPath>;
  /** The same, once the review file is being opened. */
  where?: ReviewPath;
  /** A review file to use instead of the usual choice (a copy made to continue a review that could not be written). */
  override?: ReviewPath;
  /** What a way out taken by the reviewer did, shown with the review once it reopens. */
  notes?: string[];
  /** The review file found, when it exists, read while the article loads (see `readAhead`). */
  readonly readingAhead: Promise<{ readonly path: string; readonly read: ReadAhead | undefined } | undefined>;
}

/** What the reviewer should know when an article's review exists twice (see ReviewPath.otherCopy). */
function copyNotes(where: ReviewPath): string[] {
  if (!where.otherCopy) return [];
  return where.location === 'data-folder'
    ? [`This review continues in its copy ${where.path}, because ${where.otherCopy} could not be written.`]
    : [`A copy of this review, made when it could not be written here, is at ${where.otherCopy}; its changes are not in this one.`];
}

/** Flags a `review-delta` event carries (or names as removed) at most; a larger change is told as `review-changed`. */
const FLAGS_IN_A_DELTA_EVENT = 2000;

export class ReviewService implements RedlineApi {
  /** How other Redline processes name this one when it holds a review they open. */
  private readonly lockName: string;
  private readonly reviews = new Map<string, OpenReview>();
  private readonly listeners = new Set<(event: ServiceEvent) => void>();
  private readonly recent: RecentFiles;
  private readonly settings: AppSettings;
  /** Other raters' reviews added to an open review for adjudication. */
  private readonly adjudication: AdjudicationDesk;
  /** Where the reviewer was in each article (see paragraph-places.ts). */
  private readonly places: ParagraphPlaces;
  /** Review file path → the review whose session writes it. */
  private readonly writers = new Map<string, string>();
  /** Review files are attached one at a time (see the file comment). */
  private attaching: Promise<void> = Promise.resolve();

  constructor(private readonly options: ServiceOptions) {
    this.lockName = options.host === 'electron' ? 'The Redline desktop app' : 'Redline in a browser (redline serve)';
    this.recent = new RecentFiles(join(options.dataDir, 'recent.json'));
    this.settings = new AppSettings(join(options.dataDir, 'settings.json'));
    this.adjudication = new AdjudicationDesk(options.dataDir);
    this.places = new ParagraphPlaces(join(options.dataDir, 'places.json'));
    // The table word counting reads every character through takes some milliseconds to build (tens on a busy
    // machine): built here, as the app starts, it is never built in the middle of a long article's loading, where
    // it shared a turn of the event loop with the loader's work.
    prepareWordCounting();
    if (options.headerThreadAhead) keepHeaderThreadReady();
  }

  /**
   * Where every open article stands, as the events that told it: for a listener that joins late (the browser's
   * event stream connects after the page has asked to open the article, and reconnects after a drop).
   */
  currentEvents(): ServiceEvent[] {
    const events: ServiceEvent[] = [];
    for (const review of this.reviews.values()) {
      const progress = review.load.progress();
      const status = review.status;
      // An article that changed on disk is shown as the review's header has it.
      const paragraphs = status.kind === 'open' && status.fromHeader ? status.session.state.paragraphs.length : progress.paragraphs;
      events.push({ type: 'load-progress', reviewId: review.id, ...progress, paragraphs });
      if (status.kind !== 'loading') events.push({ type: 'review-changed', reviewId: review.id });
    }
    return events;
  }

  /** Subscribes to the service's events; returns the unsubscribe function. */
  onEvent(listener: (event: ServiceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async appInfo(_req: RequestOf<'appInfo'>): Promise<Result<AppInfo>> {
    return ok({ version: this.options.version, host: this.options.host, maxArticleBytes: MAX_ARTICLE_BYTES });
  }

  async openStartup(_req: RequestOf<'openStartup'>): Promise<Result<OpenedReview>> {
    const startup = this.options.startup;
    if (!startup) return this.openSample({});
    return this.openArticle(startup.sourcePath ? { path: startup.path, sourcePath: startup.sourcePath } : { path: startup.path });
  }

  async openSample(_req: RequestOf<'openSample'>): Promise<Result<OpenedReview>> {
    return this.open(this.options.sample.path, this.options.sample.sourcePath, false);
  }

  async openArticle(req: RequestOf<'openArticle'>): Promise<Result<OpenedReview>> {
    const path = resolve(req.path);
    if (path.endsWith('.redline')) return this.openFromReviewFile(path);
    return this.open(path, req.sourcePath ? resolve(req.sourcePath) : undefined, true);
  }

  /** Opening a review file opens the article it reviews (and its source), which brings the review back with it. */
  private async openFromReviewFile(reviewPath: string): Promise<Result<OpenedReview>> {
    const read = await readReviewFile(reviewPath);
    if (!read.ok) return read;
    const { article } = read.value.state.header;
    if (
      !(await stat(article.path).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      return fail(
        'not-found',
        `${basename(reviewPath)} reviews ${article.path}, which is no longer there. Put the article back, or open it where it is now.`,
      );
    }
    // A review file other than the article's usual one (an adjudicated review, another rater's) opens as itself.
    const usual = await reviewPathFor(article.path, this.options.dataDir, { canWrite: (folder) => this.canWrite(folder) });
    if (resolve(usual.path) === reviewPath) return this.open(article.path, article.sourcePath, true);
    const location = reviewPath.startsWith(resolve(this.options.dataDir)) ? 'data-folder' : 'beside-article';
    return this.open(article.path, article.sourcePath, true, { path: reviewPath, location });
  }

  async openDropped(req: RequestOf<'openDropped'>): Promise<Result<OpenedReview>> {
    const bytes = Buffer.from(req.base64, 'base64');
    // One folder per content: dropping the same file again finds its review, and two different files of the same
    // name never overwrite each other (or each other's review).
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const dir = join(this.options.dataDir, 'dropped', digest);
    const path = join(dir, basename(req.name));
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(path, bytes);
    } catch (err) {
      return fail(
        'io-error',
        `The dropped file ${req.name} could not be stored in ${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`,
      );
    }
    return this.open(path, undefined, true);
  }

  async readParagraphs(req: RequestOf<'readParagraphs'>): Promise<Result<ParagraphWindow>> {
    const review = this.reviews.get(req.reviewId);
    if (!review) return fail('unknown-review', 'That article is no longer open; open it again.');
    const { load, status } = review;
    if (status.kind === 'open' && status.fromHeader) {
      // The article changed on disk since the review began: the review's own copy is what its flags point into.
      const paragraphs = status.session.state.paragraphs;
      return ok({
        reviewId: review.id,
        start: req.start,
        paragraphs: paragraphs.slice(req.start, req.end),
        loaded: paragraphs.length,
        done: true,
      });
    }
    const mismatch = load.mismatch;
    return ok({
      reviewId: review.id,
      start: req.start,
      paragraphs: load.paragraphs(req.start, req.end),
      loaded: load.loaded,
      done: load.done,
      ...(mismatch ? { mismatch } : {}),
    });
  }

  async recentFiles(_req: RequestOf<'recentFiles'>): Promise<Result<readonly RecentFile[]>> {
    return ok(await this.recent.list());
  }

  async listDirectory(req: RequestOf<'listDirectory'>): Promise<Result<DirectoryListing>> {
    const path = resolve(req.path ?? (await this.recent.list())[0]?.path.replace(/[^/\\]+$/, '') ?? homedir());
    let names: string[];
    try {
      names = await readdir(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail('not-found', `The folder ${path} does not exist.`);
      if (code === 'ENOTDIR') return fail('not-a-file', `${path} is a file, not a folder.`);
      return fail('io-error', `The folder ${path} cannot be read (${code ?? String(err)}).`);
    }
    const entries: DirectoryEntry[] = [];
    for (const name of names.filter((n) => !n.startsWith('.')).slice(0, MAX_DIRECTORY_ENTRIES)) {
      try {
        const s = await stat(join(path, name));
        if (s.isDirectory()) entries.push({ name, path: join(path, name), kind: 'directory' });
        else if (s.isFile()) entries.push({ name, path: join(path, name), kind: 'file', bytes: s.size });
      } catch {
        // A broken link or a file that vanished meanwhile is simply not listed.
      }
    }
    entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
    const parent = dirname(path);
    return ok({ path, ...(parent !== path ? { parent } : {}), entries });
  }

  async getReview(req: RequestOf<'getReview'>): Promise<Result<ReviewView | null>> {
    const review = this.reviews.get(req.reviewId);
    if (review?.status.kind === 'loading') return ok(null);
    const session = this.session(req.reviewId);
    return session.ok ? ok(session.value.view()) : session;
  }

  async readDrafts(req: RequestOf<'readDrafts'>): Promise<Result<DraftTexts>> {
    const session = this.session(req.reviewId);
    return session.ok ? ok(session.value.readDrafts(req.ids)) : session;
  }

  async addAnnotation(req: RequestOf<'addAnnotation'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.addAnnotation(req));
  }

  async changeAnnotation(req: RequestOf<'changeAnnotation'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.changeAnnotation(req));
  }

  async removeAnnotation(req: RequestOf<'removeAnnotation'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.removeAnnotation(req));
  }

  async undo(req: RequestOf<'undo'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.undo());
  }

  async redo(req: RequestOf<'redo'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.redo());
  }

  async setRater(req: RequestOf<'setRater'>): Promise<Result<ReviewView>> {
    return this.with(req.reviewId, (s) => s.setRater(req.rater));
  }

  async changeSettings(req: RequestOf<'changeSettings'>): Promise<Result<ReviewView>> {
    return this.with(req.reviewId, (s) => s.changeSettings(req));
  }

  async loadTypology(req: RequestOf<'loadTypology'>): Promise<Result<ReviewView>> {
    return this.with(req.reviewId, (s) => s.loadTypology(resolve(req.path)));
  }

  async resolveReview(req: RequestOf<'resolveReview'>): Promise<Result<{ readonly message: string }>> {
    const review = this.reviews.get(req.reviewId);
    if (!review) return fail('unknown-review', 'That article is no longer open; open it again.');
    const where = review.where;
    const status = review.status;
    if (!where || status.kind === 'loading') return fail('conflict', 'The review file is still opening; try again in a moment.');
    const name = basename(where.path);
    let message: string;
    if (req.remedy === 'take-over' || req.remedy === 'copy') {
      if (status.kind !== 'open' || !status.session.view().readOnly)
        return fail('conflict', `${name} is not open read-only; there is nothing to take over.`);
      if (req.remedy === 'take-over') {
        const taken = await takeOverLock(where.path, this.lockName);
        if (!taken.ok) return taken;
        // Given back at once: reopening takes the lock again as any opening does.
        await taken.value.release();
        message = `This window now writes ${name}.`;
      } else {
        const copy = await this.copyForWriting(review, where);
        if (!copy.ok) return copy;
        review.override = { path: copy.value, location: 'data-folder', otherCopy: where.path };
        message = `The review continues in a copy, ${copy.value}; ${name} was left as it is.`;
      }
    } else {
      if (status.kind !== 'failed' || status.error.code !== 'damaged')
        return fail('conflict', `${name} is not damaged; there is nothing to recover.`);
      const moved = await this.setDamagedAside(where.path, req.remedy === 'recover');
      if (!moved.ok) return moved;
      message = moved.value;
    }
    review.notes = [...(review.notes ?? []), message];
    await this.reattach(review);
    return ok({ message });
  }

  /** Copies a review that cannot be written here to the article's file in the data folder (never over another file). */
  private async copyForWriting(review: OpenReview, where: ReviewPath): Promise<Result<string>> {
    const target = dataFolderPath(review.load.targetPath, this.options.dataDir);
    if (target === where.path)
      return fail('read-only', `${where.path} is already the review's copy in the data folder, and it cannot be written.`);
    try {
      await mkdir(dirname(target), { recursive: true });
      await copyFile(where.path, target, fsConstants.COPYFILE_EXCL);
      // The copy is ours to write, whatever the original's permissions were.
      await chmod(target, ((await stat(target)).mode & 0o777) | 0o600);
      return ok(target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return fail('conflict', `A copy of this review already exists at ${target}; it was left as it is.`);
      return fail('io-error', `The review could not be copied to ${target} (${code ?? String(e)}).`);
    }
  }

  /**
   * Moves a damaged review file aside under a new name, never deleting it; with `recover`, everything before its
   * damage is written back as the review, so the reviewer goes on from there.
   */
  private async setDamagedAside(path: string, recover: boolean): Promise<Result<string>> {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    const aside = path.replace(/\.redline$/, '') + `.damaged-${stamp}.redline`;
    let kept: string | undefined;
    let recovered: string | undefined;
    try {
      if (recover) {
        const text = (await readFile(path)).toString('utf8');
        const salvage = salvageJournal(text, basename(path));
        if (!salvage) return fail('conflict', `${basename(path)} now reads without damage; open the article again.`);
        if (!salvage.recovered)
          return fail('damaged', `${salvage.problem} Nothing before it can be recovered; start a new review instead.`);
        kept = text.slice(0, salvage.recovered.goodLength);
        recovered = `${salvage.recovered.events} change${salvage.recovered.events === 1 ? '' : 's'} before line ${salvage.line} ${salvage.recovered.events === 1 ? 'was' : 'were'} recovered`;
      }
      await rename(path, aside);
      if (kept !== undefined) await writeDurably(path, kept);
    } catch (e) {
      return fail(
        'io-error',
        `The damaged review ${basename(path)} could not be set aside (${(e as NodeJS.ErrnoException).code ?? String(e)}); it was left as it is.`,
      );
    }
    const keptNote = `The damaged file is kept as ${basename(aside)}.`;
    return ok(recovered ? `${recovered[0]!.toUpperCase()}${recovered.slice(1)}. ${keptNote}` : `A new review was started. ${keptNote}`);
  }

  /** Closes a review's file and opens it again (after a way out was taken), telling the renderer. */
  private async reattach(review: OpenReview): Promise<void> {
    if (review.status.kind === 'open') {
      const { session } = review.status;
      if (this.writers.get(session.journal.path) === review.id) this.writers.delete(session.journal.path);
      await session.close();
    }
    review.status = { kind: 'loading' };
    this.emit({ type: 'review-changed', reviewId: review.id });
    const next = this.attaching.then(() => this.attach(review));
    this.attaching = next.catch(() => undefined);
    await next;
  }

  async listSuggestions(req: RequestOf<'listSuggestions'>): Promise<Result<SuggestionList>> {
    const review = this.reviews.get(req.reviewId);
    // While the article loads there is nothing checked yet: the list follows with `suggestions-changed`.
    if (review?.status.kind === 'loading')
      return ok({ reviewId: req.reviewId, checking: true, suggestions: [], total: 0, offset: req.offset ?? 0 });
    return this.with(req.reviewId, async (s) => ok(await s.listSuggestions(req.offset, req.limit)));
  }

  async acceptSuggestions(req: RequestOf<'acceptSuggestions'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.acceptSuggestions(req.ids));
  }

  async dismissSuggestions(req: RequestOf<'dismissSuggestions'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.dismissSuggestions(req.ids));
  }

  async setParagraphReviewed(req: RequestOf<'setParagraphReviewed'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.setParagraphReviewed(req));
  }

  async setParagraphNote(req: RequestOf<'setParagraphNote'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.setParagraphNote(req));
  }

  async getPlace(req: RequestOf<'getPlace'>): Promise<Result<ReviewPlace | null>> {
    const review = this.reviews.get(req.reviewId);
    if (!review) return fail('unknown-review', 'That article is no longer open; open it again.');
    const place = await this.places.get(review.load.targetPath);
    if (!place) return ok(null);
    // A place kept from an earlier form of the article names only what the review still has.
    const state = review.status.kind === 'open' ? review.status.session.state : undefined;
    if (!state) return ok(place);
    const { paragraphId, compare } = place;
    const keepParagraph = paragraphId !== undefined && paragraphById(state, paragraphId) !== undefined;
    const keepCompare = compare !== undefined && hasVersion(state, compare.left) && hasVersion(state, compare.right);
    return ok({ ...(keepParagraph ? { paragraphId } : {}), ...(keepCompare ? { compare } : {}) });
  }

  async setPlace(req: RequestOf<'setPlace'>): Promise<Result<ReviewPlace>> {
    const review = this.reviews.get(req.reviewId);
    if (!review) return fail('unknown-review', 'That article is no longer open; open it again.');
    const { reviewId: _id, ...change } = req;
    return ok(await this.places.set(review.load.targetPath, change));
  }

  async paragraphScore(req: RequestOf<'paragraphScore'>): Promise<Result<ParagraphScore>> {
    return this.with(req.reviewId, async (s) => s.paragraphScore(req.paragraphId));
  }

  async qualityReport(req: RequestOf<'qualityReport'>): Promise<Result<ReportModel>> {
    return this.with(req.reviewId, async (s) => s.qualityReport());
  }

  async editParagraph(req: RequestOf<'editParagraph'>): Promise<Result<{ readonly seq: number; readonly unsaved: number }>> {
    return this.with(req.reviewId, (s) => s.editParagraph(req));
  }

  async saveVersion(req: RequestOf<'saveVersion'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.saveVersion(req.message));
  }

  async revertParagraph(req: RequestOf<'revertParagraph'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.revertParagraph(req));
  }

  async revertArticle(req: RequestOf<'revertArticle'>): Promise<Result<ReviewDelta>> {
    return this.changing(req.reviewId, (s) => s.revertArticle(req.version));
  }

  async compare(req: RequestOf<'compare'>): Promise<Result<ComparisonWindow>> {
    return this.with(req.reviewId, async (s) => s.compare(req));
  }

  async findMatch(req: RequestOf<'findMatch'>): Promise<Result<FoundMatch>> {
    return this.with(req.reviewId, (s) => finderOf(s).find(req));
  }

  async countMatches(req: RequestOf<'countMatches'>): Promise<Result<MatchCount>> {
    return this.with(req.reviewId, (s) => finderOf(s).count(req));
  }

  async replaceMatch(req: RequestOf<'replaceMatch'>): Promise<Result<ReplaceResult>> {
    return this.replacing(req.reviewId, (s) => replaceOne(s, req));
  }

  async replaceAll(req: RequestOf<'replaceAll'>): Promise<Result<ReplaceResult>> {
    return this.replacing(req.reviewId, (s) => replaceEvery(s, req));
  }

  /** A replacement is a change like any other: every listener (other windows) hears its delta. */
  private async replacing(
    reviewId: string,
    action: (session: ReviewSession) => Promise<Result<ReplaceResult>>,
  ): Promise<Result<ReplaceResult>> {
    const result = await this.with(reviewId, action);
    if (result.ok) this.emit({ type: 'review-delta', delta: result.value.delta });
    return result;
  }

  async exportArticle(req: RequestOf<'exportArticle'>): Promise<Result<{ readonly path: string; readonly paragraphs: number }>> {
    return this.with(req.reviewId, (s) => s.exportArticle({ ...req, path: resolve(req.path) }));
  }

  async exportText(req: RequestOf<'exportText'>): Promise<Result<ExportedText>> {
    return this.with(req.reviewId, async (s) => s.exportText(req));
  }

  /** `exportText`'s answer with its text in pieces (see `exportTextPieces` in export-article.ts). */
  async exportTextPieces(req: RequestOf<'exportText'>): Promise<Result<ExportedPieces>> {
    return this.with(req.reviewId, async (s) => s.exportTextPieces(req));
  }

  async adjudicationView(req: RequestOf<'adjudicationView'>): Promise<Result<AdjudicationView>> {
    return this.withReviewFile(req.reviewId, async (open) => this.adjudication.view(req.reviewId, open));
  }

  async adjudicationAdd(req: RequestOf<'adjudicationAdd'>): Promise<Result<AdjudicationView>> {
    return this.withReviewFile(req.reviewId, (open) =>
      req.upload
        ? this.adjudication.addUpload(req.reviewId, open, req.upload.name, req.upload.base64)
        : this.adjudication.addFile(req.reviewId, open, resolve(req.path!)),
    );
  }

  async adjudicationRemove(req: RequestOf<'adjudicationRemove'>): Promise<Result<AdjudicationView>> {
    return this.withReviewFile(req.reviewId, async (open) => this.adjudication.remove(req.reviewId, open, req.review));
  }

  async adjudicationSave(req: RequestOf<'adjudicationSave'>): Promise<Result<SavedAdjudication>> {
    return this.withReviewFile(req.reviewId, (open) =>
      this.adjudication.save(req.reviewId, open, {
        decisions: req.decisions,
        adjudicator: req.adjudicator,
        ...(req.path !== undefined ? { path: req.path } : {}),
      }),
    );
  }

  /** The open review's state and file, for adjudication. */
  private async withReviewFile<T>(reviewId: string, action: (open: OpenReviewFile) => Promise<Result<T>>): Promise<Result<T>> {
    return this.with(reviewId, (s) => action({ state: s.state, path: s.journal.path }));
  }

  /** Runs a change and tells every listener (other windows) what it changed. */
  private async changing(reviewId: string, action: (session: ReviewSession) => Promise<Result<ReviewDelta>>): Promise<Result<ReviewDelta>> {
    const result = await this.with(reviewId, action);
    if (result.ok && result.value.seq > 0) {
      // A change of thousands of flags (an Accept all) is told without them: other windows read the review again,
      // rather than every window's stream carrying megabytes made in one go.
      const delta = result.value;
      this.emit(
        delta.annotations.length + delta.removed.length > FLAGS_IN_A_DELTA_EVENT
          ? { type: 'review-changed', reviewId }
          : { type: 'review-delta', delta },
      );
    }
    return result;
  }

  private async with<T>(reviewId: string, action: (session: ReviewSession) => Promise<Result<T>>): Promise<Result<T>> {
    const session = this.session(reviewId);
    return session.ok ? action(session.value) : session;
  }

  private async open(
    path: string,
    sourcePath: string | undefined,
    remember: boolean,
    override?: ReviewPath,
  ): Promise<Result<OpenedReview>> {
    const id = randomUUID();
    const finding = override
      ? Promise.resolve(override)
      : reviewPathFor(path, this.options.dataDir, { canWrite: (folder) => this.canWrite(folder) });
    // A long article's new header is made beside its review file while it loads, when that folder can be written;
    // for a review that exists, it is only summed, to be checked against the one in the file.
    const headerBeside = finding.then(
      async (where) => {
        if (where.folderReadOnly) return undefined;
        const exists = await stat(where.path).then(
          () => true,
          () => false,
        );
        return { path: where.path, exists };
      },
      () => undefined,
    );
    const load = new ArticleLoad(path, sourcePath, (p) => this.emit({ type: 'load-progress', reviewId: id, ...p }), headerBeside);
    // A long review that exists is read while the article loads, once its first paragraphs are shown; the opening
    // takes that read when the file has not changed by the time its lock is held.
    const readingAhead = Promise.all([headerBeside, load.started]).then(async ([found]) =>
      found?.exists && !load.error ? { path: found.path, read: await readAhead(found.path) } : undefined,
    );
    await load.started;
    const info = load.info;
    const error = load.error;
    if (error || !info) {
      load.cancel();
      return { ok: false, error: error ?? { code: 'internal', message: `${basename(path)} could not be opened.` } };
    }
    const review: OpenReview = { id, load, finding, readingAhead, status: { kind: 'loading' }, ...(override ? { override } : {}) };
    this.reviews.set(id, review);
    while (this.reviews.size > MAX_OPEN_REVIEWS) {
      const oldest = this.reviews.keys().next().value as string;
      void this.drop(oldest);
    }
    void load.finished.then(() => {
      const next = this.attaching.then(() => this.attach(review));
      this.attaching = next.catch(() => undefined);
    });
    if (remember) {
      void load.finished.then(() => {
        if (!load.error) return this.recent.add({ path, ...(sourcePath ? { sourcePath } : {}), name: info.name });
      });
    }
    return ok({ reviewId: id, article: info, loaded: load.loaded, done: load.done });
  }

  /** Opens (or creates) the review file of a loaded article and tells the renderer. */
  private async attach(review: OpenReview): Promise<void> {
    if (this.reviews.get(review.id) !== review) return;
    const { load } = review;
    const info = load.info;
    if (load.error || !info) {
      const why = load.error?.message ?? 'the article could not be read.';
      review.status = { kind: 'failed', error: { code: load.error?.code ?? 'internal', message: `The review was not opened: ${why}` } };
      this.emit({ type: 'review-changed', reviewId: review.id });
      return;
    }
    let status: ReviewStatus;
    try {
      const where = review.override ?? (await review.finding);
      review.where = where;
      const previous = this.writers.get(where.path);
      // The same article opened again: the earlier session finishes its writes and closes before the file is reread.
      if (previous !== undefined) await this.drop(previous);
      const rater = await this.settings.defaultRater();
      const opened = await openReviewFile(
        where,
        info,
        await load.allParagraphsInSteps(breathe),
        rater,
        load.importedFlags(),
        this.lockName,
        {
          headerParagraphs: () => load.headerParagraphs(),
          readAhead: review.readingAhead.then((ahead) => (ahead?.path === where.path ? ahead.read : undefined)),
        },
      ).finally(() => {
        // Whatever the review file needed of the header's paragraphs it has taken.
        load.dropHeaderParagraphs();
      });
      if (!opened.ok) {
        status = { kind: 'failed', error: opened.error };
      } else {
        // Counted while the article loaded; the review's own copy of an article changed on disk is counted now.
        const counts = opened.value.headerDiffers
          ? await countInSlices(opened.value.journal.state.paragraphs.map((p) => p.target))
          : await load.counts();
        const session = await ReviewSession.open({
          reviewId: review.id,
          counts,
          journal: opened.value.journal,
          location: where.location,
          warnings: [...(review.notes ?? []), ...opened.value.warnings, ...copyNotes(where)],
          ...(opened.value.readOnly ? { readOnly: opened.value.readOnly } : {}),
          defaultRater: rater,
          rememberRater: (name) => this.settings.rememberRater(name),
          onSuggestions: () => this.emit({ type: 'suggestions-changed', reviewId: review.id }),
          onChanged: () => this.emit({ type: 'review-changed', reviewId: review.id }),
        });
        if (this.reviews.get(review.id) !== review) {
          // Closed while its file was opening.
          await session.close();
          return;
        }
        if (!opened.value.readOnly) this.writers.set(where.path, review.id);
        // Compaction rewrites the file beside it and renames it over; events appended meanwhile are kept.
        if (opened.value.worthCompacting) void session.journal.compact();
        status = { kind: 'open', session, fromHeader: opened.value.headerDiffers };
      }
    } catch (err) {
      status = {
        kind: 'failed',
        error: { code: 'io-error', message: `The review file could not be opened: ${err instanceof Error ? err.message : String(err)}` },
      };
    }
    if (this.reviews.get(review.id) !== review) return;
    review.status = status;
    if (status.kind === 'open' && status.fromHeader) {
      const paragraphs = status.session.state.paragraphs.length;
      this.emit({ type: 'load-progress', reviewId: review.id, bytesRead: info.bytes, totalBytes: info.bytes, paragraphs, done: true });
    }
    this.emit({ type: 'review-changed', reviewId: review.id });
    // The checks run once the review is open, in the background: nothing waits for them.
    if (status.kind === 'open') void status.session.startChecks();
  }

  /** Review files go beside the article when its folder is writable, never into the bundled sample's folder. */
  private async canWrite(folder: string): Promise<boolean> {
    if (resolve(folder) === resolve(dirname(this.options.sample.path))) return false;
    return (this.options.canWrite ?? isWritableFolder)(folder);
  }

  /** Forgets an open article: stops its load and closes its review file once its queued events are on disk. */
  private async drop(reviewId: string): Promise<void> {
    const review = this.reviews.get(reviewId);
    if (!review) return;
    this.reviews.delete(reviewId);
    this.adjudication.forget(reviewId);
    review.load.cancel();
    if (review.status.kind === 'open') {
      const { session } = review.status;
      if (this.writers.get(session.journal.path) === reviewId) this.writers.delete(session.journal.path);
      await session.close();
    }
  }

  /** Closes every review file (queued events are written first). The service is not used afterwards. */
  async close(): Promise<void> {
    await Promise.all([...this.reviews.values()].map((r) => r.load.finished.catch(() => undefined)));
    await this.attaching;
    await Promise.all([...this.reviews.keys()].map((id) => this.drop(id)));
    await this.places.flush();
  }

  private session(reviewId: string): Result<ReviewSession> {
    const review = this.reviews.get(reviewId);
    if (!review) return fail('unknown-review', 'That article is no longer open; open it again.');
    switch (review.status.kind) {
      case 'loading':
        return fail('conflict', 'The review file is still opening; try again once the article has loaded.');
      case 'failed':
        return { ok: false, error: review.status.error };
      case 'open':
        return ok(review.status.session);
      default:
        return assertNever(review.status, 'review status');
    }
  }

  private emit(event: ServiceEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
