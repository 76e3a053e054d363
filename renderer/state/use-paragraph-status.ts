/**
 * The reviewer's marks and notes on paragraphs, as actions on the open review: mark a paragraph reviewed (and
 * move on), take the mark back, step to the next paragraph not reviewed yet, open the note dialog. Changes go
 * through `run`, so they answer with a delta the review view applies, and undo takes them back like any change.
 */
import { useCallback, useMemo, useState } from 'react';
import type { RedlineClient, ReviewView } from '../../shared/contract';
import { paragraphIdAt } from '../../shared/model';
import type { Failure, Result } from '../../shared/result';
import { nextNotReviewed } from './paragraph-status';
import type { ReviewChange } from './use-review';

const NO_NOTES: Readonly<Record<string, string>> = {};

export interface ParagraphStatus {
  /** Whether the paragraph at a position is marked reviewed. */
  isReviewed(index: number): boolean;
  noteOf(index: number): string | undefined;
  readonly reviewed: ReadonlySet<string>;
  readonly notes: Readonly<Record<string, string>>;
  readonly count: number;
  /** Marks the paragraph in focus reviewed and moves focus to the next paragraph (Ctrl+Enter). */
  markAndNext(): void;
  /** Marks a paragraph reviewed (moving on) or takes its mark back (staying). */
  toggle(index: number): void;
  /** Moves focus to the next (1) or previous (-1) paragraph not reviewed yet. */
  step(step: 1 | -1): void;
  /** The paragraph whose note dialog is open, if any. */
  readonly noteFor: number | undefined;
  openNote(index: number): void;
  closeNote(): void;
  saveNote(note: string): Promise<Failure | undefined>;
}

interface Options {
  readonly client: RedlineClient;
  readonly review: ReviewView | null;
  readonly run: (action: () => Promise<Result<ReviewChange>>) => Promise<Failure | undefined>;
  readonly current: number;
  readonly loaded: number;
  readonly goTo: (index: number) => void;
}

export function useParagraphStatus({ client, review, run, current, loaded, goTo }: Options): ParagraphStatus {
  const [noteFor, setNoteFor] = useState<number>();
  // A set for lookups by id, made again only when the marks change.
  const marks = review?.reviewed;
  const reviewed = useMemo(() => new Set(marks ?? []), [marks]);
  const notes = review?.notes ?? NO_NOTES;
  const reviewId = review?.reviewId;
  const writable = !!review && !review.readOnly;

  const setReviewed = useCallback(
    async (index: number, value: boolean) => {
      if (!reviewId || !writable) return undefined;
      return run(() => client.setParagraphReviewed({ reviewId, paragraphId: paragraphIdAt(index), reviewed: value }));
    },
    [client, reviewId, writable, run],
  );

  const markAndNext = useCallback(() => {
    if (!writable || loaded === 0) return;
    const index = current;
    // Focus moves at once, so marking paragraph after paragraph keeps pace with the keys; the mark follows.
    if (index < loaded - 1) goTo(index + 1);
    if (!reviewed.has(paragraphIdAt(index))) void setReviewed(index, true);
  }, [writable, loaded, current, goTo, reviewed, setReviewed]);

  const toggle = useCallback(
    (index: number) => {
      if (reviewed.has(paragraphIdAt(index))) {
        void setReviewed(index, false);
        return;
      }
      if (index < loaded - 1) goTo(index + 1);
      void setReviewed(index, true);
    },
    [reviewed, loaded, goTo, setReviewed],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      const next = nextNotReviewed(reviewed, loaded, current, direction);
      if (next !== undefined) goTo(next);
    },
    [reviewed, loaded, current, goTo],
  );

  const saveNote = useCallback(
    async (note: string) => {
      if (!reviewId || noteFor === undefined) return undefined;
      const paragraphId = paragraphIdAt(noteFor);
      return run(() => client.setParagraphNote({ reviewId, paragraphId, note }));
    },
    [client, reviewId, noteFor, run],
  );

  return {
    isReviewed: (index) => reviewed.has(paragraphIdAt(index)),
    noteOf: (index) => notes[paragraphIdAt(index)],
    reviewed,
    notes,
    count: review?.reviewedCount ?? 0,
    markAndNext,
    toggle,
    step,
    noteFor,
    openNote: (index) => {
      if (writable) setNoteFor(index);
    },
    closeNote: () => setNoteFor(undefined),
    saveNote,
  };
}
