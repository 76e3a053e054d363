/**
 * The suggestions of the open review, as the service lists them: fetched once the review is open and again
 * whenever the service says they changed (the checks finished, an edit was re-checked, one was accepted or
 * dismissed, here or in another window). A long article's list is read in pages.
 */
import { useEffect, useState } from 'react';
import type { RedlineClient, Suggestion, SuggestionList } from '../../shared/contract';

/** Suggestions asked for at a time. */
export const SUGGESTIONS_PAGE = 2000;

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
    // A change meanwhile cancels this reading and starts another (the effect runs again on the change's event).
    void readSuggestions(client, reviewId, () => cancelled).then((read) => {
      if (read && !cancelled) setList(read);
    });
    return () => {
      cancelled = true;
    };
  }, [client, reviewId, reviewOpen, tick]);

  return list;
}

/**
 * The whole suggestion list, read a page at a time so that no one answer carries a long article's 30,000
 * suggestions. Undefined when `cancelled` turns true before the end, or a page cannot be read.
 */
export async function readSuggestions(
  client: Pick<RedlineClient, 'listSuggestions'>,
  reviewId: string,
  cancelled: () => boolean,
  pageSize = SUGGESTIONS_PAGE,
): Promise<SuggestionList | undefined> {
  const suggestions: Suggestion[] = [];
  for (;;) {
    const r = await client.listSuggestions({ reviewId, offset: suggestions.length, limit: pageSize });
    if (cancelled() || !r.ok) return undefined;
    suggestions.push(...r.value.suggestions);
    if (r.value.suggestions.length === 0 || suggestions.length >= r.value.total) return { ...r.value, suggestions, offset: 0 };
  }
}
