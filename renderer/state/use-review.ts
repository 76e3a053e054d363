/**
 * The review of the open article (flags, drafts, versions, scores) as the renderer holds it: fetched when the
 * service says it changed, replaced whole by each action's answer. Actions report failures through `onError`.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RedlineClient, ReviewView } from '../../shared/contract';
import type { Failure, Result } from '../../shared/result';

export interface ReviewHandle {
  readonly review: ReviewView | null;
  readonly reviewError?: Failure;
  /** Runs an action that answers with the new review; returns its failure, if any. */
  run(action: () => Promise<Result<ReviewView>>): Promise<Failure | undefined>;
  /** Replaces the view (for answers that come from elsewhere, e.g. the versions panel). */
  replace(view: ReviewView): void;
  refresh(): void;
}

export function useReview(client: RedlineClient, reviewId: string | undefined, loaded: boolean, onError: (f: Failure) => void): ReviewHandle {
  const [review, setReview] = useState<ReviewView | null>(null);
  const [reviewError, setReviewError] = useState<Failure>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    setReview(null);
    setReviewError(undefined);
  }, [reviewId]);

  useEffect(() => {
    if (!reviewId) return;
    return client.onEvent((e) => {
      if (e.type === 'review-changed' && e.reviewId === reviewId) setTick((t) => t + 1);
    });
  }, [client, reviewId]);

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
    async (action: () => Promise<Result<ReviewView>>) => {
      const r = await action();
      if (r.ok) {
        setReview(r.value);
        return undefined;
      }
      onError(r.error);
      return r.error;
    },
    [onError],
  );

  return { review, ...(reviewError ? { reviewError } : {}), run, replace: setReview, refresh: () => setTick((t) => t + 1) };
}
