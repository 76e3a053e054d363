/**
 * The score of the paragraph in focus, for the score panel: asked again whenever focus moves or the review
 * changes, and an answer that arrives after the next question is dropped.
 */
import { useEffect, useState } from 'react';
import type { RedlineClient, ReviewView } from '../../../shared/contract';
import type { ParagraphScore } from '../../../shared/scoring/article-scorer';

export function useParagraphScore(
  client: RedlineClient,
  review: ReviewView | null,
  paragraphId: string | undefined,
): ParagraphScore | undefined {
  const [score, setScore] = useState<ParagraphScore>();
  useEffect(() => {
    if (!review || !paragraphId) return setScore(undefined);
    let cancelled = false;
    void client.paragraphScore({ reviewId: review.reviewId, paragraphId }).then((r) => {
      if (!cancelled && r.ok) setScore(r.value);
    });
    return () => {
      cancelled = true;
    };
  }, [client, review, paragraphId]);
  return score;
}
