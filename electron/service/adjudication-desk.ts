/**
 * Adjudication in the app: with an article's review open, the reviewer adds other reviews of the same article,
 * works through the paragraphs where the raters disagree, and saves one new review stamped adjudicated.
 *
 * The desk holds the reviews added to each open review (read once, from a path or from a file a browser sent),
 * builds the adjudication screen's data from them and the open review's live state, and writes the result with
 * the same functions as `redline adjudicate`: the same decisions give the same file.
 *
 * Reviews are named by their file names, as the command line names them, so two added reviews of one file name
 * are refused: their flags could not be told apart in a decisions file.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ReviewState } from '../../shared/journal/review-state';
import type { SavedAdjudication } from '../../shared/contract';
import type { JournalHeader } from '../../shared/journal/journal-event';
import { fail, ok, type Result } from '../../shared/result';
import { adjudicate, adjudicatedReview, articleMismatch, type Decision } from '../../shared/report/adjudication';
import { adjudicationParagraphs, MAX_ADJUDICATION_PARAGRAPHS, type AdjudicationView } from '../../shared/report/adjudication-view';
import { buildReportInSteps, reportReviewOf, type ReportReview } from '../../shared/report/build-report';
import { isScoringProfile, type ScoringProfile } from '../../shared/scoring/wmt-weights';
import { MQM_CORE } from '../../shared/typology/mqm-core';
import { writeAdjudicatedReview } from './adjudication-file';
import { readReviewFile } from './read-review';
import { typologyFromSetting } from './review-typology';
import { breathe } from '../breathe';

/** The open review, as the desk needs it. */
export interface OpenReviewFile {
  readonly state: ReviewState;
  /** Its review file. */
  readonly path: string;
}

interface AddedReview {
  readonly path: string;
  readonly review: ReportReview;
  readonly header: JournalHeader;
  readonly warnings: readonly string[];
}

/** Reviews added to one open review at most: more raters than any adjudication screen can show side by side. */
const MAX_ADDED_REVIEWS = 12;

export class AdjudicationDesk {
  private readonly added = new Map<string, AddedReview[]>();

  constructor(private readonly dataDir: string) {}

  /** The adjudicated review's usual name, beside the open review: `story.adjudicated.redline`. */
  static suggestedPath(openPath: string): string {
    return join(dirname(openPath), `${basename(openPath).replace(/\.redline$/i, '')}.adjudicated.redline`);
  }

  /** Adds the review file at `path` to the open review's adjudication. */
  async addFile(reviewId: string, open: OpenReviewFile, path: string, shown = basename(path)): Promise<Result<AdjudicationView>> {
    const full = resolve(path);
    if (!full.toLowerCase().endsWith('.redline'))
      return fail('unsupported', `${shown} is not a review file (NAME.redline); only reviews can be adjudicated.`);
    const list = this.added.get(reviewId) ?? [];
    if (full === resolve(open.path))
      return fail('conflict', `${shown} is the open review itself; add the other raters' reviews of ${open.state.header.article.name}.`);
    if (list.some((a) => a.path === full)) return fail('conflict', `${shown} is already among the reviews to adjudicate.`);
    if (list.length >= MAX_ADDED_REVIEWS)
      return fail('too-large', `At most ${MAX_ADDED_REVIEWS} reviews can be added to one adjudication.`);
    const label = basename(full);
    if (label === basename(open.path) || list.some((a) => a.review.label === label)) {
      return fail(
        'conflict',
        `Another review to adjudicate is also named ${label}; rename one of the two files, since a flag is named by its review's file name.`,
      );
    }
    const read = await readReviewFile(full);
    if (!read.ok) return fail(read.error.code, `${shown} could not be added: ${read.error.message}`);
    const { state } = read.value;
    const openArticle = open.state.header.article.name;
    const mismatch = articleMismatch(
      { label: basename(open.path), article: openArticle, paragraphs: open.state.paragraphs },
      { label, article: state.header.article.name, paragraphs: state.paragraphs },
    );
    if (mismatch) return fail('conflict', mismatch);
    list.push({ path: full, review: reportReviewOf(state, label), header: state.header, warnings: read.value.warnings });
    this.added.set(reviewId, list);
    return this.view(reviewId, open);
  }

  /** Adds a review file a browser sent (its bytes): kept in the data folder, one folder per content, then read. */
  async addUpload(reviewId: string, open: OpenReviewFile, name: string, base64: string): Promise<Result<AdjudicationView>> {
    const bytes = Buffer.from(base64, 'base64');
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const dir = join(this.dataDir, 'adjudication', digest);
    const path = join(dir, basename(name));
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(path, bytes);
    } catch (err) {
      return fail('io-error', `${name} could not be stored in ${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
    }
    return this.addFile(reviewId, open, path, name);
  }

  /** Takes an added review out of the adjudication again. */
  async remove(reviewId: string, open: OpenReviewFile, label: string): Promise<Result<AdjudicationView>> {
    const list = this.added.get(reviewId) ?? [];
    const next = list.filter((a) => a.review.label !== label);
    if (next.length === list.length) return fail('not-found', `${label} is not among the reviews to adjudicate.`);
    this.added.set(reviewId, next);
    return this.view(reviewId, open);
  }

  /** The adjudication screen's data: the open review and the added ones, most disputed paragraphs first. */
  async view(reviewId: string, open: OpenReviewFile): Promise<Result<AdjudicationView>> {
    const reviews = this.reviews(reviewId, open);
    const { state } = open;
    const profile: ScoringProfile = isScoringProfile(state.settings.scoringProfile) ? state.settings.scoringProfile : 'mqm-core';
    const typology = typologyFromSetting(state.settings.typology, profile);
    // The report's own list of paragraphs to adjudicate, as many as the screen lists, so the order is the report's.
    // Measured on a 100,000-paragraph article with three raters and 32,000 flags: about 2 s with the list below, once
    // per review added or removed (decisions stay in the page and cost the service nothing); made in steps, so the
    // service answers other requests meanwhile.
    const report = await buildReportInSteps(
      reviews,
      {
        article: state.header.article.name,
        profile,
        typology: typology.ok ? typology.value : MQM_CORE,
        threshold: state.settings.passThreshold,
        generated: new Date().toISOString(),
        disputedLimit: MAX_ADJUDICATION_PARAGRAPHS,
      },
      breathe,
    );
    if (!report.ok) return report;
    const { paragraphs, unlisted } = adjudicationParagraphs(reviews, report.value.agreement.disputed);
    const added = this.added.get(reviewId) ?? [];
    return ok({
      reviewId,
      article: state.header.article.name,
      reviews: reviews.map((r) => ({
        label: r.label,
        reviewer: r.reviewer,
        flags: r.annotations.filter((a) => a.status !== 'dismissed').length,
      })),
      paragraphs,
      unlisted,
      warnings: added.flatMap((a) => a.warnings.map((w) => `${a.review.label}: ${w}`)),
    });
  }

  /**
   * Writes the adjudicated review: to `path` when given (never over an existing file), else into the data folder
   * under a name not yet taken (the browser host, whose page names no path on the serving machine).
   */
  async save(
    reviewId: string,
    open: OpenReviewFile,
    request: { readonly decisions: readonly Decision[]; readonly adjudicator: string; readonly path?: string },
  ): Promise<Result<SavedAdjudication>> {
    const reviews = this.reviews(reviewId, open);
    if (reviews.length < 2) return fail('bad-request', 'Add at least one other review of this article to adjudicate.');
    const result = adjudicate(reviews, request.decisions);
    if (!result.ok) return result;
    const { state } = open;
    const review = adjudicatedReview(state.header, result.value, {
      adjudicator: request.adjudicator,
      settings: state.settings,
      now: new Date().toISOString(),
    });
    let target: string;
    if (request.path !== undefined) {
      target = resolve(request.path);
    } else {
      const free = await this.freeDataFolderPath(basename(AdjudicationDesk.suggestedPath(open.path)));
      if (!free.ok) return free;
      target = free.value;
    }
    const written = await writeAdjudicatedReview(target, review);
    if (!written.ok) return written;
    return ok({
      path: written.value.path,
      location: request.path !== undefined ? 'chosen' : 'data-folder',
      flags: result.value.length,
      merged: result.value.filter((f) => f.how === 'merged').length,
    });
  }

  /** Forgets what was added to a review that closed. */
  forget(reviewId: string): void {
    this.added.delete(reviewId);
  }

  private reviews(reviewId: string, open: OpenReviewFile): ReportReview[] {
    return [reportReviewOf(open.state, basename(open.path)), ...(this.added.get(reviewId) ?? []).map((a) => a.review)];
  }

  private async freeDataFolderPath(name: string): Promise<Result<string>> {
    const dir = join(this.dataDir, 'adjudicated');
    const stem = name.replace(/\.redline$/i, '');
    for (let n = 1; n <= 1000; n++) {
      const candidate = join(dir, n === 1 ? name : `${stem}-${n}.redline`);
      if (
        !(await stat(candidate).then(
          () => true,
          () => false,
        ))
      )
        return ok(candidate);
    }
    return fail('conflict', `Redline's data folder already holds 1000 adjudicated reviews named ${stem}; move some out of ${dir}.`);
  }
}
