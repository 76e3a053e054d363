/**
 * Keeps the reviewer's place in an article: when its review opens, focus goes back to the paragraph last in focus;
 * from then on every move is remembered (sent a moment after the focus settles; the service writes it to the
 * app's data folder later still, so walking through the article with J/K costs one write). Compare's versions and
 * diff level are remembered the same way and offered the next time compare opens.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RedlineClient, ReviewPlace } from '../../shared/contract';
import { paragraphIdAt, paragraphIndexOf } from '../../shared/model';

/** Focus must rest this long before the place is sent: a held J key sends nothing until it is let go. */
const SEND_DELAY_MS = 250;

export type CompareChoice = NonNullable<ReviewPlace['compare']>;

interface Options {
  readonly client: RedlineClient;
  /** The review whose place is kept, once it is open (its paragraphs are loaded by then). */
  readonly reviewId: string | undefined;
  readonly loaded: number;
  readonly current: number;
  readonly goTo: (index: number) => void;
}

export interface Place {
  /** Where compare should open: the remembered choice, with `left` as asked unless compare was opened plainly (0). */
  compareStart(left: number): CompareChoice;
  /** Remembers compare's versions and level for the article. */
  rememberCompare(choice: CompareChoice): void;
}

export function usePlace({ client, reviewId, loaded, current, goTo }: Options): Place {
  const [restored, setRestored] = useState<string>();
  const [compare, setCompare] = useState<CompareChoice>();
  const asked = useRef<string>(undefined);
  const latest = useRef({ loaded, current, goTo });
  latest.current = { loaded, current, goTo };

  useEffect(() => {
    if (!reviewId || asked.current === reviewId) return;
    asked.current = reviewId;
    setCompare(undefined);
    let cancelled = false;
    void client.getPlace({ reviewId }).then((r) => {
      if (cancelled) return;
      const place = r.ok ? r.value : null;
      if (place?.compare) setCompare(place.compare);
      const index = place?.paragraphId !== undefined ? paragraphIndexOf(place.paragraphId) : undefined;
      const now = latest.current;
      // A move the reviewer made while the review was opening wins over the remembered place.
      if (index !== undefined && index > 0 && index < now.loaded && now.current === 0) now.goTo(index);
      setRestored(reviewId);
    });
    return () => {
      cancelled = true;
      // Asked again if this review comes back before its answer did.
      if (asked.current === reviewId) asked.current = undefined;
    };
  }, [client, reviewId]);

  useEffect(() => {
    if (!reviewId || restored !== reviewId || loaded === 0) return;
    const timer = setTimeout(() => void client.setPlace({ reviewId, paragraphId: paragraphIdAt(current) }), SEND_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, reviewId, restored, current, loaded]);

  const compareStart = useCallback(
    (left: number): CompareChoice => {
      const remembered = compare ?? { left: 0, right: 'current', level: 'word' };
      return left === 0 ? remembered : { ...remembered, left };
    },
    [compare],
  );

  const rememberCompare = useCallback(
    (choice: CompareChoice) => {
      setCompare(choice);
      if (reviewId) void client.setPlace({ reviewId, compare: choice });
    },
    [client, reviewId],
  );

  return { compareStart, rememberCompare };
}
