/**
 * The review of the open article (flags, drafts, versions, scores) as the renderer holds it: fetched whole when
 * the review opens, then kept current by the deltas that changes answer with (and that other windows' changes
 * arrive as). Settings changes answer with a whole view, which replaces it. Actions report failures through
 * `onError`. A change of many paragraphs' texts names them without their texts; they are read a page at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RedlineClient, ReviewDelta, ReviewView } from '../../shared/contract';
import type { Failure, Result } from '../../shared/result';
import { applyDelta } from './review-delta';
import { readDraftPages, withDraftPage } from './draft-pages';

/** What an action answers: a delta to apply, or (settings, typology, rater) the whole review. */
export type ReviewChange = ReviewDelta | ReviewView;

export interface ReviewHandle {
  readonly review: ReviewView | null;
  readonly reviewError?: Failure;
  /** Runs an action that answers with a change to the review; returns its failure, if any. */
  run(action: () => Promise<Result<ReviewChange>>): Promise<Failure | undefined>;
  /** Applies a change that came from elsewhere (e.g. the versions panel). */
  replace(change: ReviewChange): void;
  refresh(): void;
}

function merge(current: ReviewView | null, change: ReviewChange): ReviewView | null {
  if ('type' in change) return current ? applyDelta(current, change) : current;
  return change;
}

export function useReview(
  client: RedlineClient,
  reviewId: string | undefined,
  loaded: boolean,
  onError: (f: Failure) => void,
): ReviewHandle {
  const [review, setReview] = useState<ReviewView | null>(null);
  const [reviewError, setReviewError] = useState<Failure>();
  const [tick, setTick] = useState(0);
  const viewRef = useRef<ReviewView | null>(null);
  viewRef.current = review;
  /** Seqs of the changes whose texts are being read (a change's answer and its event name the same texts). */
  const reading = useRef(new Set<number>());

  /** Reads the texts a change named without carrying them; a page older than the view means reading it whole. */
  const readNamed = useCallback(
    (change: ReviewChange) => {
      if (!('type' in change) || !change.draftsToRead?.length || reading.current.has(change.seq)) return;
      reading.current.add(change.seq);
      const id = change.reviewId;
      void readDraftPages(
        client,
        id,
        change.draftsToRead,
        (page) => {
          const view = viewRef.current;
          if (view && page.seq < view.seq) setTick((t) => t + 1);
          else setReview((v) => (v && v.reviewId === id ? withDraftPage(v, page) : v));
        },
        () => viewRef.current?.reviewId !== id,
      ).then((failure) => failure && onError(failure));
    },
    [client, onError],
  );

  useEffect(() => {
    setReview(null);
    setReviewError(undefined);
  }, [reviewId]);

  useEffect(() => {
    if (!reviewId) return;
    return client.onEvent((e) => {
      if (e.type === 'review-changed' && e.reviewId === reviewId) setTick((t) => t + 1);
      if (e.type === 'review-delta' && e.delta.reviewId === reviewId) {
        setReview((v) => merge(v, e.delta));
        readNamed(e.delta);
      }
    });
  }, [client, reviewId, readNamed]);

  useEffect(() => {
    if (!reviewId || !loaded) return;
    // Asked once the article is loaded and again at each `review-changed`; a review file still opening answers
    // null, and its `review-changed` follows (the subscription above is in place before this first ask).
    let cancelled = false;
    void client.getReview({ reviewId }).then((r) => {
      if (cancelled) return;
      if (!r.ok) return setReviewError(r.error);
      setReviewError(undefined);
      if (r.value) setReview(r.value);
    });
    return () => {
      cancelled = true;
    };
  }, [client, reviewId, loaded, tick]);

  const run = useCallback(
    async (action: () => Promise<Result<ReviewChange>>) => {
      const r = await action();
      if (r.ok) {
        const change = r.value;
        setReview((v) => merge(v, change));
        readNamed(change);
        return undefined;
      }
      onError(r.error);
      return r.error;
    },
    [onError, readNamed],
  );

  const replace = useCallback(
    (change: ReviewChange) => {
      setReview((v) => merge(v, change));
      readNamed(change);
    },
    [readNamed],
  );
  return { review, ...(reviewError ? { reviewError } : {}), run, replace, refresh: () => setTick((t) => t + 1) };
}
