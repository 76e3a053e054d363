/**
 * The suggestions of the open review, as the service lists them: fetched once the review is open and again
 * whenever the service says they changed (the checks finished, an edit was re-checked, one was accepted or
 * dismissed, here or in another window).
 */
import { useEffect, useState } from 'react';
import type { RedlineClient, SuggestionList } from '../../shared/contract';

export function useSuggestions(client: RedlineClient, reviewId: string | undefined, reviewOpen: boolean): SuggestionList | undefined {
  const [list, setList] = useState<SuggestionList>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    setList(undefined);
    if (!reviewId) return;
    return client.onEvent((e) => {
      if ((e.type === 'suggestions-changed' || e.type === 'review-changed') && e.reviewId === reviewId) setTick((t) => t + 1);
    });
  }, [client, reviewId]);

  useEffect(() => {
    if (!reviewId || !reviewOpen) return;
    let cancelled = false;
    void client.listSuggestions({ reviewId }).then((r) => {
      if (!cancelled && r.ok) setList(r.value);
    });
    return () => {
      cancelled = true;
    };
  }, [client, reviewId, reviewOpen, tick]);

  return list;
}
