/**
 * Opening the review file of an article that has just loaded: the existing review if there is one, else a new
 * review file whose header is the article as loaded.
 *
 * - A torn last line (the app stopped while saving) is dropped and reported; the journal cuts it off when it
 *   next appends.
 * - Any other damage, or a review written by a newer Redline, is reported and the review is not opened; the
 *   file is never written, so nothing the reviewer did is lost to a failed open.
 * - When the article on disk no longer matches the review's header (edited since the review began), the review
 *   is kept as it was: its flags point into the header's text, so the header's paragraphs are what the reviewer
 *   sees, with a warning saying so.
 */
import { basename } from 'node:path';
import { makeHeader } from '../../shared/journal/journal-event';
import type { ArticleInfo, Paragraph } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import type { ReviewState } from '../../shared/journal/review-state';
import { ReviewJournal } from '../journal/review-journal';
import type { ReviewPath } from '../journal/review-path';

export interface OpenedReviewFile {
  readonly journal: ReviewJournal;
  readonly warnings: readonly string[];
  /** True when the article on disk differs from the review's header: paragraphs must come from the header. */
  readonly headerDiffers: boolean;
  readonly created: boolean;
  /** True when the file holds far more event lines than its state needs (long typing sessions): compact it. */
  readonly worthCompacting: boolean;
}

/**
 * A review is compacted on opening once it holds this many event lines and several times more lines than a
 * snapshot of its state would need: typing writes an event per burst, and a long day of it makes reopening slow.
 */
const COMPACT_AFTER_EVENTS = 2000;
const COMPACT_RATIO = 4;

function worthCompacting(events: number, state: ReviewState): boolean {
  const needed = state.annotations.size + state.drafts.size + state.versions.length + state.undo.length + state.redo.length;
  return events >= COMPACT_AFTER_EVENTS && events > COMPACT_RATIO * Math.max(1, needed);
}

/** Opens or creates the review file at `where` for an article whose paragraphs were just loaded. */
export async function openReviewFile(
  where: ReviewPath,
  article: ArticleInfo,
  paragraphs: readonly Paragraph[],
  rater: string,
): Promise<Result<OpenedReviewFile>> {
  const opened = await ReviewJournal.open(where.path);
  if (opened.ok) {
    const { journal, state } = opened.value;
    const warnings = [...opened.value.warnings];
    const headerDiffers = !sameParagraphs(state.paragraphs, paragraphs);
    if (headerDiffers) {
      warnings.push(
        `${article.name} has changed on disk since this review began (${basename(where.path)}). ` +
          'The review keeps the article as it was when the review started, so its flags stay where they were.',
      );
    }
    return ok({ journal, warnings, headerDiffers, created: false, worthCompacting: worthCompacting(opened.value.events, state) });
  }
  if (opened.error.code !== 'not-found') {
    return fail(opened.error.code, `${opened.error.message} The review was not opened and the file was left untouched.`);
  }
  const created = await ReviewJournal.create(where.path, makeHeader(article, paragraphs, new Date().toISOString()));
  if (!created.ok) return created;
  const journal = created.value;
  // The reviewer's name is part of the review from the start, so a review sent on keeps who made it.
  const named = await journal.append({ type: 'rater-set', rater });
  const warnings = named.ok ? [] : [named.error.message];
  return ok({ journal, warnings, headerDiffers: false, created: true, worthCompacting: false });
}

/** True when two paragraph lists say the same thing (text, source, shape, ids). */
export function sameParagraphs(a: readonly Paragraph[], b: readonly Paragraph[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.id !== y.id ||
      x.target !== y.target ||
      x.source !== y.source ||
      x.kind !== y.kind ||
      x.level !== y.level ||
      x.prefix !== y.prefix ||
      x.suffix !== y.suffix ||
      x.alignment !== y.alignment
    ) {
      return false;
    }
  }
  return true;
}
