/**
 * Find and Replace over the whole article, as the find bar holds it. The article lives in the service, so every
 * search is the service's: the nearest match first (it answers within a few milliseconds for any common phrase),
 * then the count of all of them, then which one the current match is. Answers that arrive after the reviewer typed
 * on are dropped (each request carries the number of the search it belongs to).
 *
 * A change to the drafts (an edit here or in another window, a replacement) searches again from the current
 * match, so the count and the highlighted match always describe the text as it stands.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FoundMatchPlace, MatchCount, RedlineClient, ReplaceResult, ReviewDelta } from '../../shared/contract';
import type { FindScope } from '../../shared/find/article-search';
import type { Result } from '../../shared/result';

/** Wait after the last key typed before searching: a search per key of a fast typist is wasted work. */
const TYPING_PAUSE_MS = 150;

export interface FindOptionsState {
  readonly text: string;
  readonly scope: FindScope;
  readonly matchCase: boolean;
  readonly wholeWord: boolean;
}

export interface FindView extends FindOptionsState {
  readonly open: boolean;
  /** The replace row is shown (Ctrl+H). */
  readonly replacing: boolean;
  readonly replacement: string;
  /** The current match; null when the article holds none, undefined before a search answered. */
  readonly match: FoundMatchPlace | null | undefined;
  readonly ordinal?: number;
  readonly total?: number;
  /** A search is on its way (the first match or the count). */
  readonly searching: boolean;
  /** What the last replacement did, in words. */
  readonly note?: string;
  /** Why the last action failed, in words. */
  readonly problem?: string;
  /** Asks the bar to put the keyboard in a field: a new number each time Ctrl+F or Ctrl+H is pressed. */
  readonly focus: { readonly request: number; readonly field: 'find' | 'replace' };
}

export interface FindHandle {
  readonly view: FindView;
  /** Opens the bar (Ctrl+F), with the replace row (Ctrl+H), and puts the keyboard in it. */
  show(replacing: boolean): void;
  toggleReplace(): void;
  close(): void;
  setOptions(change: Partial<FindOptionsState>): void;
  setReplacement(text: string): void;
  step(direction: 1 | -1): void;
  replaceOne(): void;
  replaceAll(): void;
}

interface Props {
  readonly client: RedlineClient;
  readonly reviewId: string | undefined;
  /** The review's drafts: a new object after each change of the text (see review-delta.ts). */
  readonly drafts: Readonly<Record<string, string>> | undefined;
  /** The paragraph in focus: a new search starts there. */
  readonly current: number;
  /** Scrolls a match's paragraph into view and makes it the paragraph in focus, leaving the keyboard in the bar. */
  readonly reveal: (paragraph: number) => void;
  /** Applies a replacement's change to the review the page holds. */
  readonly applyDelta: (delta: ReviewDelta) => void;
}

const CLOSED: FindView = {
  open: false,
  replacing: false,
  text: '',
  scope: 'target',
  matchCase: false,
  wholeWord: false,
  replacement: '',
  match: undefined,
  searching: false,
  focus: { request: 0, field: 'find' },
};

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 'es'}`;

export function useFind({ client, reviewId, drafts, current, reveal, applyDelta }: Props): FindHandle {
  const [view, setView] = useState<FindView>(CLOSED);
  // The latest values, for callbacks that outlive a render (answers arriving later).
  const latest = useRef({ view, current, reviewId });
  latest.current = { view, current, reviewId };
  /** Number of the search answers belong to; a new phrase or option starts a new one. */
  const generation = useRef(0);

  const query = (v: FindOptionsState) => ({ text: v.text, scope: v.scope, matchCase: v.matchCase, wholeWord: v.wholeWord });

  /** Takes an answer only if no newer search started since it was asked. */
  const fresh = <T>(asked: number, r: Result<T>): T | undefined => {
    if (asked !== generation.current) return undefined;
    if (!r.ok) {
      // A newer search replacing this one in the service is expected while typing, not a problem to show.
      if (r.error.code !== 'conflict' || !/replaced this one/.test(r.error.message))
        setView((v) => ({ ...v, searching: false, problem: r.error.message }));
      return undefined;
    }
    return r.value;
  };

  /**
   * Waits for the count of every match (`counting`, asked already, or asked now), then learns which one `match`
   * is, once it is counted.
   */
  const count = useCallback(
    async (asked: number, options: FindOptionsState, match: FoundMatchPlace | null, counting?: Promise<Result<MatchCount>>) => {
      const id = latest.current.reviewId;
      if (!id) return;
      const counted = fresh(asked, await (counting ?? client.countMatches({ reviewId: id, query: query(options) })));
      if (!counted) return;
      setView((v) => ({ ...v, total: counted.total, searching: false, ...(counted.total === 0 ? { match: null, ordinal: 0 } : {}) }));
      if (!match || counted.total === 0) return;
      const at = fresh(
        asked,
        await client.findMatch({
          reviewId: id,
          query: query(options),
          from: { paragraph: match.paragraph, side: match.side, offset: match.start },
          direction: 1,
          inclusive: true,
        }),
      );
      if (at?.match && at.ordinal !== undefined)
        setView((v) => (v.match && samePlace(v.match, at.match!) ? { ...v, ordinal: at.ordinal, total: at.total } : v));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );

  /** Searches from a place (the paragraph in focus, or where the current match was) and counts. */
  const search = useCallback(
    async (options: FindOptionsState, from: { paragraph: number; side: 'target' | 'source'; offset: number }) => {
      const asked = ++generation.current;
      const id = latest.current.reviewId;
      if (!id || options.text === '') {
        setView((v) => ({ ...v, match: undefined, ordinal: undefined, total: undefined, searching: false }));
        return;
      }
      setView((v) => ({ ...v, searching: true, problem: undefined }));
      // Both asked at once: the nearest match answers first, the count follows.
      const counting = client.countMatches({ reviewId: id, query: query(options) });
      const found = fresh(asked, await client.findMatch({ reviewId: id, query: query(options), from, direction: 1, inclusive: true }));
      if (!found) return;
      setView((v) => ({
        ...v,
        match: found.match,
        ...(found.total !== undefined ? { ordinal: found.ordinal, total: found.total, searching: false } : { ordinal: undefined }),
      }));
      if (found.match) reveal(found.match.paragraph);
      if (found.total === undefined) await count(asked, options, found.match, counting);
    },
    [client, count, reveal],
  );

  const startSide = (scope: FindScope): 'target' | 'source' => (scope === 'target' ? 'target' : 'source');

  // A new phrase or option searches again from the paragraph in focus, once the reviewer pauses typing.
  const { open, text, scope, matchCase, wholeWord } = view;
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      void search({ text, scope, matchCase, wholeWord }, { paragraph: latest.current.current, side: startSide(scope), offset: 0 });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [open, text, scope, matchCase, wholeWord, search]);

  // The text changed (an edit, a replacement, an undo): search again from the current match.
  const seenDrafts = useRef(drafts);
  useEffect(() => {
    if (seenDrafts.current === drafts) return;
    seenDrafts.current = drafts;
    const v = latest.current.view;
    if (!v.open || v.text === '') return;
    const from = v.match
      ? { paragraph: v.match.paragraph, side: v.match.side, offset: v.match.start }
      : { paragraph: latest.current.current, side: startSide(v.scope), offset: 0 };
    void search(v, from);
  }, [drafts, search]);

  useEffect(() => {
    generation.current++;
    setView(CLOSED);
  }, [reviewId]);

  const step = useCallback(
    async (direction: 1 | -1) => {
      const v = latest.current.view;
      const id = latest.current.reviewId;
      if (!id || v.text === '') return;
      if (!v.match) {
        await search(v, { paragraph: latest.current.current, side: startSide(v.scope), offset: 0 });
        return;
      }
      const asked = generation.current;
      const from = { paragraph: v.match.paragraph, side: v.match.side, offset: v.match.start };
      const found = fresh(asked, await client.findMatch({ reviewId: id, query: query(v), from, direction, inclusive: false }));
      if (!found) return;
      setView((s) => ({
        ...s,
        match: found.match,
        ordinal: found.ordinal,
        ...(found.total !== undefined ? { total: found.total } : {}),
        note: undefined,
        problem: undefined,
      }));
      if (found.match) reveal(found.match.paragraph);
      // Still counting: the ordinal follows once the count is done.
      if (found.match && found.ordinal === undefined) void count(asked, v, found.match);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, count, reveal, search],
  );

  const applied = (r: Result<ReplaceResult>): ReplaceResult | undefined => {
    if (!r.ok) {
      setView((v) => ({ ...v, problem: r.error.message, note: undefined }));
      return undefined;
    }
    applyDelta(r.value.delta);
    return r.value;
  };

  const replaceOne = useCallback(async () => {
    const v = latest.current.view;
    const id = latest.current.reviewId;
    if (!id || !v.match) return;
    if (v.match.side !== 'target') {
      setView((s) => ({
        ...s,
        problem: 'This match is in the source: Replace changes the translation only. Go to the next match.',
        note: undefined,
      }));
      return;
    }
    const match = v.match;
    const done = applied(
      await client.replaceMatch({
        reviewId: id,
        query: query(v),
        paragraphId: match.paragraphId,
        start: match.start,
        end: match.end,
        replacement: v.replacement,
      }),
    );
    if (!done) return;
    // Then on to the next match, after the text just put in: the new drafts search again from here.
    const after = match.start + v.replacement.length;
    setView((s) => ({
      ...s,
      note: `Replaced 1 match in paragraph ${(match.paragraph + 1).toLocaleString('en-US')}.`,
      problem: undefined,
      match: { ...match, start: after, end: after },
      ordinal: undefined,
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  const replaceAll = useCallback(async () => {
    const v = latest.current.view;
    const id = latest.current.reviewId;
    if (!id || v.text === '') return;
    setView((s) => ({ ...s, searching: true, note: undefined, problem: undefined }));
    const done = applied(await client.replaceAll({ reviewId: id, query: query(v), replacement: v.replacement }));
    setView((s) => ({ ...s, searching: false }));
    if (!done) return;
    const where = done.paragraphs === 1 ? '1 paragraph' : `${done.paragraphs.toLocaleString('en-US')} paragraphs`;
    setView((s) => ({ ...s, note: `Replaced ${plural(done.replaced, 'match')} in ${where}. Undo (Ctrl+Z) takes them all back.` }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  return {
    view,
    show: useCallback((replacing: boolean) => {
      const phrase = selectedPhrase();
      setView((v) => ({
        ...v,
        ...(phrase !== undefined ? { text: phrase } : {}),
        open: true,
        replacing: replacing || (v.open && v.replacing),
        // Ctrl+H with a phrase already typed goes straight to what to replace it with.
        focus: { request: v.focus.request + 1, field: replacing && v.open && v.text !== '' ? 'replace' : 'find' },
      }));
    }, []),
    toggleReplace: useCallback(() => setView((v) => ({ ...v, replacing: !v.replacing })), []),
    close: useCallback(() => {
      generation.current++;
      setView((v) => ({
        ...v,
        open: false,
        replacing: false,
        match: undefined,
        ordinal: undefined,
        total: undefined,
        searching: false,
        note: undefined,
        problem: undefined,
      }));
    }, []),
    setOptions: useCallback(
      (change: Partial<FindOptionsState>) => setView((v) => ({ ...v, ...change, note: undefined, problem: undefined })),
      [],
    ),
    setReplacement: useCallback((replacement: string) => setView((v) => ({ ...v, replacement })), []),
    step: useCallback((direction: 1 | -1) => void step(direction), [step]),
    replaceOne: useCallback(() => void replaceOne(), [replaceOne]),
    replaceAll: useCallback(() => void replaceAll(), [replaceAll]),
  };
}

/** Longest selection taken as the phrase to find: a phrase, not a passage. */
const MAX_SELECTED = 200;

/** The phrase selected in the article's text, if any, as Ctrl+F takes it (as editors do). */
function selectedPhrase(): string | undefined {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const node = selection.anchorNode;
  const element = node instanceof Element ? node : node?.parentElement;
  if (!element?.closest('[data-text-side]')) return undefined;
  const text = selection.toString();
  return text.trim() !== '' && text.length <= MAX_SELECTED && !/[\n\r]/.test(text) ? text : undefined;
}

function samePlace(a: FoundMatchPlace, b: FoundMatchPlace): boolean {
  return a.paragraph === b.paragraph && a.side === b.side && a.start === b.start && a.end === b.end;
}
