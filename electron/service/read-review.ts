/**
 * Reading a review file without taking it over, for the command line (score, export). The journal's open never
 * writes: a torn last line is left on disk for the app to repair when it next appends, and a damaged file is
 * reported, never touched.
 */
import { ReviewJournal } from '../journal/review-journal';
import { annotationList, type ReviewState } from '../../shared/journal/review-state';
import type { Annotation, Paragraph } from '../../shared/model';
import { ok, type Result } from '../../shared/result';

export interface ReadReview {
  readonly state: ReviewState;
  /** A dropped torn line, skipped events: sentences naming the file and line. */
  readonly warnings: readonly string[];
}

/** Reads and folds a review file; fails with the journal's error (`not-found`, `parse-error` naming the line, ...). */
export async function readReviewFile(path: string): Promise<Result<ReadReview>> {
  const opened = await ReviewJournal.open(path);
  if (!opened.ok) return opened;
  // Nothing was appended, so closing writes nothing; it only drops the journal object.
  await opened.value.journal.close();
  return ok({ state: opened.value.state, warnings: opened.value.warnings });
}

/** The paragraphs and flags of a review file, in the shape the score command takes. */
export async function readReviewForScoring(path: string): Promise<
  Result<{
    readonly paragraphs: readonly Paragraph[];
    readonly annotations: readonly Annotation[];
    readonly settings: { readonly scoringProfile: string; readonly passThreshold: number };
  }>
> {
  const read = await readReviewFile(path);
  if (!read.ok) return read;
  const { state } = read.value;
  return ok({ paragraphs: state.paragraphs, annotations: annotationList(state), settings: state.settings });
}
